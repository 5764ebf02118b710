import Foundation
import HocBaModel

/// Problems of the import itself (not of one page's content).
public enum ImportError: HocBaError {
  case inputMissing(path: String)
  case unreadable(path: String)
  case notRegularFile(path: String)
  case workFolderUnwritable(path: String)

  public var kind: ErrorKind {
    switch self {
    case .inputMissing: .notFound
    case .unreadable, .workFolderUnwritable: .io
    case .notRegularFile: .invalidInput
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
    case .workFolderUnwritable(let path):
      language.pick(
        "Không ghi được thư mục làm việc \(path): kiểm tra quyền ghi và dung lượng đĩa.",
        "Cannot write the work folder \(path): check permissions and free disk space.")
    }
  }
}
