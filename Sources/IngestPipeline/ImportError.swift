import Foundation
import HocBaModel

/// Problems of the import itself (not of one page's content).
public enum ImportError: HocBaError {
  case inputMissing(path: String)
  case unreadable(path: String)
  case notRegularFile(path: String)
  case workFolderUnwritable(path: String)
  /// The folders given hold no scan file at all (png, jpg, tif, pdf): nothing would be imported.
  case noScans(paths: [String])

  public var kind: ErrorKind {
    switch self {
    case .inputMissing: .notFound
    case .unreadable, .workFolderUnwritable: .io
    case .notRegularFile: .invalidInput
    case .noScans: .usage
    }
  }

  public func message(in language: Language) -> String {
    switch self {
    case .inputMissing(let path):
      language.pick("Không tìm thấy \(path): kiểm tra lại đường dẫn.", "\(path) not found: check the path.")
    case .unreadable(let path):
      language.pick(
        "Không đọc được tệp \(path): kiểm tra quyền đọc, hoặc quét lại trang này.",
        "Cannot read \(path): check read permission, or rescan the page.")
    case .notRegularFile(let path):
      language.pick(
        "\(path) không phải tệp thông thường (liên kết vòng hoặc thiết bị): chép tệp ảnh thật vào thư mục quét.",
        "\(path) is not a regular file (a symlink loop or a device): copy the real image into the scan folder.")
    case .noScans(let paths):
      language.pick(
        "Không có tệp ảnh quét nào (png, jpg, tif, pdf) trong \(paths.joined(separator: ", ")): "
          + "kiểm tra lại thư mục, hoặc chép các trang quét vào đó rồi chạy lại.",
        "No scan files (png, jpg, tif, pdf) in \(paths.joined(separator: ", ")): "
          + "check the folder, or copy the scanned pages into it and run again.")
    case .workFolderUnwritable(let path):
      language.pick(
        "Không ghi được thư mục làm việc \(path): kiểm tra quyền ghi và dung lượng đĩa.",
        "Cannot write the work folder \(path): check permissions and free disk space.")
    }
  }
}
