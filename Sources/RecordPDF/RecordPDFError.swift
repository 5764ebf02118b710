import HocBaModel

/// Why a PDF học bạ could not be made; messages never contain student data.
public enum RecordPDFError: HocBaError, Equatable {
  /// The lookup code is too long for a QR code.
  case qrCodeFailed
  /// A signature or seal image is not a readable PNG.
  case imageUnreadable
  /// cairo reported an error while drawing (its status text).
  case drawingFailed(String)

  public var kind: ErrorKind {
    switch self {
    case .qrCodeFailed, .imageUnreadable: .invalidInput
    case .drawingFailed: .internal
    }
  }

  public func message(in language: Language) -> String {
    switch self {
    case .qrCodeFailed:
      language.pick(
        "Không tạo được mã QR cho mã tra cứu: mã quá dài. Kiểm tra mã tra cứu của hồ sơ.",
        "Could not make the QR code of the lookup code: it is too long. Check the record's lookup code.")
    case .imageUnreadable:
      language.pick(
        "Ảnh chữ ký hoặc con dấu không phải tệp PNG đọc được. Nạp lại ảnh PNG nền trong suốt.",
        "The signature or seal image is not a readable PNG. Store a transparent PNG again.")
    case .drawingFailed(let status):
      language.pick(
        "Lỗi khi vẽ tệp PDF (cairo: \(status)). Hãy báo cho bộ phận kỹ thuật.",
        "Drawing the PDF failed (cairo: \(status)). Please report it.")
    }
  }
}
