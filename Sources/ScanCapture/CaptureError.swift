public import HocBaModel

/// A failure while loading, preparing or recognising a scanned page; names the file and page, never the image content.
public enum CaptureError: HocBaError, Equatable, Hashable {
  /// The path does not exist.
  case fileNotFound(file: String)
  /// The file exists but the operating system refused to read it (`errno` description in `reason`).
  case unreadable(file: String, reason: String)
  /// The path is a directory, device or other non-regular file.
  case notRegularFile(file: String)
  /// Following symbolic links did not end in a file (a loop or a chain deeper than the limit).
  case symlinkLoop(file: String)
  /// The file has zero bytes.
  case emptyFile(file: String)
  /// The file is larger than the byte limit.
  case fileTooLarge(file: String, bytes: Int, limit: Int)
  /// The content is not PNG, JPEG, TIFF or PDF (whatever the extension says).
  case unsupportedFormat(file: String)
  /// The image is truncated or damaged and cannot be decoded.
  case corruptImage(file: String, page: Int?)
  /// The image is larger than the limits; it was refused from its header, before decoding.
  case imageTooLarge(file: String, page: Int?, width: Int, height: Int)
  /// The file has more pages than the limit.
  case tooManyPages(file: String, pages: Int, limit: Int)
  /// The PDF needs a password to open.
  case encryptedPDF(file: String)
  /// The PDF has no pages.
  case pdfWithoutPages(file: String)
  /// The PDF is damaged or could not be rasterised; `detail` is poppler's message (no content).
  case pdfRenderFailed(file: String, page: Int?, detail: String)
  /// A poppler tool (`pdftoppm`, `pdfinfo`) is not installed.
  case pdfToolMissing(tool: String)
  /// Tesseract's model for `language` is not installed; `package` is the Debian package that provides it.
  case missingLanguageData(language: String, package: String)
  /// OCR did not finish within the time limit.
  case recognitionTimedOut(milliseconds: Int)
  /// A requested region lies outside the image (a caller bug).
  case regionOutsideImage(region: PixelRect, width: Int, height: Int)
  /// A Leptonica or Tesseract call failed unexpectedly; `operation` names the call.
  case libraryFailure(operation: String)
  /// The file changed while it was being read (its size or content differs from what was hashed).
  case fileChanged(file: String)
  /// Some pages of a multi-page file could not be read; the readable ones (`keptPages`) were kept.
  /// `pageCount` is the number of pages the file declares, nil when the file is cut before its page list ends.
  case incompleteFile(file: String, damagedPages: [Int], pageCount: Int?, keptPages: Int)
  /// `error`, with what the image libraries printed while decoding that file ("libpng error: …").
  indirect case libraryReported(CaptureError, messages: [String])

  /// The failure category that decides the exit code.
  public var kind: ErrorKind {
    switch self {
    case .libraryReported(let error, _): error.kind
    case .fileNotFound: .notFound
    case .unreadable: .io
    case .missingLanguageData, .pdfToolMissing: .notFound
    case .regionOutsideImage, .libraryFailure: .internal
    default: .invalidInput
    }
  }

  /// What failed, where, and what to do, in the given language.
  public func message(in language: Language) -> String {
    let vi = language == .vietnamese
    switch self {
    case .fileNotFound(let file):
      return language.pick(
        "Không tìm thấy tệp \(file). Kiểm tra lại đường dẫn.",
        "File \(file) was not found. Check the path.")
    case .unreadable(let file, let reason):
      return language.pick(
        "Không đọc được tệp \(file) (\(reason)). Kiểm tra quyền đọc của tệp.",
        "Cannot read \(file) (\(reason)). Check the file's read permission.")
    case .notRegularFile(let file):
      return language.pick(
        "\(file) không phải là một tệp thông thường (có thể là thư mục). Chỉ định tệp ảnh hoặc PDF.",
        "\(file) is not a regular file (perhaps a folder). Name an image or PDF file.")
    case .symlinkLoop(let file):
      return language.pick(
        "Liên kết tượng trưng \(file) tạo thành vòng lặp hoặc quá sâu. Chỉ định trực tiếp tệp gốc.",
        "The symbolic link \(file) loops or is nested too deeply. Name the original file directly.")
    case .emptyFile(let file):
      return language.pick(
        "Tệp \(file) rỗng (0 byte). Hãy quét lại trang hoặc sao chép lại tệp.",
        "\(file) is empty (0 bytes). Rescan the page or copy the file again.")
    case .fileTooLarge(let file, let bytes, let limit):
      return language.pick(
        "Tệp \(file) quá lớn (\(bytes) byte, giới hạn \(limit)). Hãy quét ở 300 dpi hoặc tách thành nhiều tệp.",
        "\(file) is too large (\(bytes) bytes, limit \(limit)). Scan at 300 dpi or split it into several files.")
    case .unsupportedFormat(let file):
      return language.pick(
        "Tệp \(file) không phải ảnh PNG, JPEG, TIFF hoặc tệp PDF. Hãy xuất bản quét dưới dạng PNG hoặc PDF.",
        "\(file) is not a PNG, JPEG, TIFF or PDF file. Export the scan as PNG or PDF.")
    case .corruptImage(let file, let page):
      return language.pick(
        "Ảnh \(file)\(Self.pageText(page, vi: vi)) bị hỏng hoặc không đầy đủ. Hãy quét lại hoặc xuất lại dưới dạng PNG/PDF.",
        "The image \(file)\(Self.pageText(page, vi: vi)) is damaged or truncated. Rescan it or export it again as PNG/PDF."
      )
    case .imageTooLarge(let file, let page, let width, let height):
      return language.pick(
        "Ảnh \(file)\(Self.pageText(page, vi: vi)) quá lớn (\(width)×\(height) điểm ảnh). Hãy quét lại ở 300 dpi.",
        "The image \(file)\(Self.pageText(page, vi: vi)) is too large (\(width)×\(height) pixels). Rescan at 300 dpi.")
    case .tooManyPages(let file, let pages, let limit):
      return language.pick(
        "Tệp \(file) có \(pages) trang, vượt giới hạn \(limit). Hãy tách thành nhiều tệp.",
        "\(file) has \(pages) pages, more than the limit of \(limit). Split it into several files.")
    case .encryptedPDF(let file):
      return language.pick(
        "Tệp PDF \(file) được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu rồi xuất lại tệp PDF.",
        "The PDF \(file) is password-protected. Remove the password and export the PDF again.")
    case .pdfWithoutPages(let file):
      return language.pick(
        "Tệp PDF \(file) không có trang nào. Hãy quét lại hoặc xuất lại tệp PDF.",
        "The PDF \(file) has no pages. Rescan or export the PDF again.")
    case .pdfRenderFailed(let file, let page, let detail):
      return language.pick(
        "Không chuyển được tệp PDF \(file)\(Self.pageText(page, vi: vi)) thành ảnh (\(detail)). Hãy xuất lại tệp PDF hoặc quét thành PNG.",
        "Could not rasterise the PDF \(file)\(Self.pageText(page, vi: vi)) (\(detail)). Export the PDF again or scan to PNG."
      )
    case .pdfToolMissing(let tool):
      return language.pick(
        "Thiếu công cụ \(tool) để đọc PDF. Cài gói Debian poppler-utils (apt-get install poppler-utils).",
        "The \(tool) tool needed for PDFs is missing. Install the Debian package poppler-utils (apt-get install poppler-utils)."
      )
    case .missingLanguageData(let lang, let package):
      return language.pick(
        "Thiếu dữ liệu nhận dạng Tesseract cho ngôn ngữ \"\(lang)\". Cài gói Debian \(package) (apt-get install \(package)).",
        "Tesseract recognition data for \"\(lang)\" is missing. Install the Debian package \(package) (apt-get install \(package))."
      )
    case .recognitionTimedOut(let milliseconds):
      return language.pick(
        "Nhận dạng chữ quá thời gian cho phép (\(milliseconds) ms). Hãy kiểm tra ảnh quét hoặc tăng giới hạn thời gian.",
        "Text recognition exceeded its time limit (\(milliseconds) ms). Check the scan or raise the time limit.")
    case .regionOutsideImage(let region, let width, let height):
      return language.pick(
        "Lỗi nội bộ: vùng \(region.x),\(region.y) \(region.width)×\(region.height) nằm ngoài ảnh \(width)×\(height). Hãy báo lỗi này.",
        "Internal error: region \(region.x),\(region.y) \(region.width)×\(region.height) lies outside the \(width)×\(height) image. Please report this."
      )
    case .fileChanged(let file):
      return language.pick(
        "Tệp \(file) thay đổi trong lúc đang đọc. Chờ máy quét ghi xong rồi chạy lại lệnh nhập.",
        "\(file) changed while it was being read. Wait until the scanner has finished writing, then import again.")
    case .incompleteFile(let file, let damaged, let count, let kept):
      return language.pick(
        "Tệp \(file): \(Self.damagedText(damaged, count: count, vi: true)) hỏng: quét lại tệp này "
          + "(đã giữ \(kept) trang đọc được; tệp quét lại cùng tên sẽ thay thế).",
        "\(file): \(Self.damagedText(damaged, count: count, vi: false)) damaged: rescan this file "
          + "(\(kept) readable pages kept; a rescanned file with the same name replaces it).")
    case .libraryReported(let error, let messages):
      let quoted = messages.map { "«\($0)»" }.joined(separator: ", ")
      return error.message(in: language)
        + language.pick(" (thư viện ảnh báo: \(quoted))", " (the image library said: \(quoted))")
    case .libraryFailure(let operation):
      return language.pick(
        "Lỗi nội bộ khi xử lý ảnh (\(operation)). Hãy báo lỗi này kèm phiên bản hocba.",
        "Internal error while processing the image (\(operation)). Please report this with the hocba version.")
    }
  }

  /// "trang 2/3" or "trang 2, 3/3"; "trang 2 trở đi" when the file is cut before its page list ends.
  /// The error without the library messages attached to it.
  public var underlying: CaptureError {
    if case .libraryReported(let error, _) = self { return error.underlying }
    return self
  }

  private static func damagedText(_ pages: [Int], count: Int?, vi: Bool) -> String {
    let list = pages.map(String.init).joined(separator: ", ")
    let word = vi ? "trang" : (pages.count > 1 ? "pages" : "page")
    guard let count else {
      return vi ? "trang \(list) trở đi (tệp bị cắt cụt)" : "\(word) \(list) onwards (the file is truncated)"
    }
    return "\(word) \(list)/\(count)"
  }

  private static func pageText(_ page: Int?, vi: Bool) -> String {
    guard let page else { return "" }
    return vi ? " (trang \(page))" : " (page \(page))"
  }
}

extension CaptureError {
  /// A short technical label for preconditions and logs (no file names).
  var operationName: String {
    if case .libraryFailure(let operation) = self { return operation }
    return "unexpected error"  // never the associated values: they name the user's files
  }
}
