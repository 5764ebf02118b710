import Foundation
import HocBaModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What an input file is expected to be, to name it in messages.
enum InputKind: Sendable, Equatable {
  /// A học bạ record in XML (`import-xml`, `verify`).
  case xmlRecord
  /// A class list in CSV (`check --roster`).
  case classList
  /// A hand-over package, a ZIP (`verify-package`, `import-package`).
  case package

  func noun(in language: Language) -> String {
    switch self {
    case .xmlRecord: language.pick("tệp XML hồ sơ", "an XML record file")
    case .classList: language.pick("tệp danh sách lớp (CSV)", "a class list file (CSV)")
    case .package: language.pick("gói hồ sơ (ZIP)", "a record package (ZIP)")
    }
  }

  func typicalSize(in language: Language) -> String {
    switch self {
    case .xmlRecord: language.pick("một hồ sơ XML chỉ vài KB", "an XML record is a few KB")
    case .classList: language.pick("một danh sách lớp chỉ vài KB", "a class list is a few KB")
    case .package: language.pick("gói của một năm học vài chục MB", "a school year's package is tens of MB")
    }
  }
}

/// Reads a small input file (an XML record, a class list) safely: the path is opened without blocking, its type and size are
/// checked with `fstat` before a byte is read, and the read itself stops one byte past the limit.
enum BoundedFileReader {
  /// The largest class list read by `check --roster`: a school's roster is well under 1 MB.
  static let rosterLimit = 16 * 1_048_576
  /// The largest package read by `verify-package`/`import-package` (the ZIP reader's total limit plus headers).
  static let packageLimit = 1_024 * 1_048_576

  /// The bytes of the regular file at `path`, at most `limit` of them; anything else is refused by its kind.
  static func contents(of path: String, limit: Int, kind: InputKind = .xmlRecord) throws(InputFileError) -> [UInt8] {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; a symbolic link is followed to what it names.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw InputFileError(errno: errno, path: path, kind: kind) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw InputFileError(errno: errno, path: path, kind: kind) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .directory(path: path, kind: kind)
    case S_IFIFO, S_IFSOCK: throw .pipe(path: path, kind: kind)
    case S_IFCHR, S_IFBLK: throw .device(path: path, kind: kind)
    default: throw .notRegular(path: path, kind: kind)
    }
    let size = Int(info.st_size)
    guard size <= limit else { throw .tooLarge(path: path, bytes: size, limit: limit, kind: kind) }
    var bytes = [UInt8](repeating: 0, count: size + 1)
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw InputFileError(errno: errno, path: path, kind: kind)
      }
      filled += count
    }
    // The file grew after fstat: refuse it rather than read on.
    guard filled <= size else { throw .tooLarge(path: path, bytes: filled, limit: limit, kind: kind) }
    return Array(bytes[0..<filled])
  }
}

/// Why an input file was not read; each case names the file and what to give instead.
enum InputFileError: HocBaError, Equatable {
  case notFound(path: String)
  case directory(path: String, kind: InputKind)
  case pipe(path: String, kind: InputKind)
  case device(path: String, kind: InputKind)
  case notRegular(path: String, kind: InputKind)
  case tooLarge(path: String, bytes: Int, limit: Int, kind: InputKind)
  case unreadable(path: String, reason: String)

  init(errno code: Int32, path: String, kind: InputKind) {
    switch code {
    case ENOENT, ENOTDIR: self = .notFound(path: path)
    case EISDIR: self = .directory(path: path, kind: kind)
    default: self = .unreadable(path: path, reason: String(cString: strerror(code)))
    }
  }

  var kind: ErrorKind {
    switch self {
    case .notFound: .notFound
    case .unreadable: .io
    case .directory, .pipe, .device, .notRegular, .tooLarge: .invalidInput
    }
  }

  func message(in language: Language) -> String {
    switch self {
    case .notFound(let path):
      language.pick("Không tìm thấy tệp \(path): kiểm tra lại đường dẫn.", "File \(path) not found: check the path.")
    case .directory(let path, let kind):
      language.pick(
        "\(path) là một thư mục, không phải \(kind.noun(in: language)): chỉ định tệp bên trong thư mục đó.",
        "\(path) is a folder, not \(kind.noun(in: language)): name the file inside it.")
    case .pipe(let path, let kind):
      language.pick(
        "\(path) là một đường ống (FIFO/socket), không phải \(kind.noun(in: language)): lưu thành tệp rồi chỉ định tệp đó.",
        "\(path) is a pipe (FIFO/socket), not \(kind.noun(in: language)): save it to a file and name that file.")
    case .device(let path, let kind):
      language.pick(
        "\(path) là (hoặc trỏ tới) một thiết bị như /dev/zero, không phải \(kind.noun(in: language)): chỉ định tệp thật.",
        "\(path) is (or links to) a device such as /dev/zero, not \(kind.noun(in: language)): name the real file.")
    case .notRegular(let path, let kind):
      language.pick(
        "\(path) không phải tệp thông thường: chỉ định \(kind.noun(in: language)).",
        "\(path) is not a regular file: name \(kind.noun(in: language)).")
    case .tooLarge(let path, let bytes, let limit, let kind):
      language.pick(
        "Tệp \(path) quá lớn (\(bytes) byte, giới hạn \(limit / 1_048_576) MB): không đọc tệp này; kiểm tra lại "
          + "đúng tệp chưa và nguồn của nó (\(kind.typicalSize(in: language))).",
        "\(path) is too large (\(bytes) bytes, limit \(limit / 1_048_576) MB): it was not read; check that it is the "
          + "right file and where it came from (\(kind.typicalSize(in: language))).")
    case .unreadable(let path, let reason):
      language.pick(
        "Không đọc được tệp \(path) (\(reason)): kiểm tra quyền đọc của tệp.",
        "Cannot read \(path) (\(reason)): check the file's read permission.")
    }
  }
}
