import Foundation
import HocBaModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a small input file (an XML record) safely: the path is opened without blocking, its type and size are
/// checked with `fstat` before a byte is read, and the read itself stops one byte past the limit.
enum BoundedFileReader {
  /// The largest class list read by `check --roster`: a school's roster is well under 1 MB.
  static let rosterLimit = 16 * 1_048_576

  /// The bytes of the regular file at `path`, at most `limit` of them; anything else is refused by its kind.
  static func contents(of path: String, limit: Int) throws(InputFileError) -> [UInt8] {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; a symbolic link is followed to what it names.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw InputFileError(errno: errno, path: path) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw InputFileError(errno: errno, path: path) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .directory(path: path)
    case S_IFIFO, S_IFSOCK: throw .pipe(path: path)
    case S_IFCHR, S_IFBLK: throw .device(path: path)
    default: throw .notRegular(path: path)
    }
    let size = Int(info.st_size)
    guard size <= limit else { throw .tooLarge(path: path, bytes: size, limit: limit) }
    var bytes = [UInt8](repeating: 0, count: size + 1)
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw InputFileError(errno: errno, path: path)
      }
      filled += count
    }
    // The file grew after fstat: refuse it rather than read on.
    guard filled <= size else { throw .tooLarge(path: path, bytes: filled, limit: limit) }
    return Array(bytes[0..<filled])
  }
}

/// Why an input file was not read; each case names the file and what to give instead.
enum InputFileError: HocBaError, Equatable {
  case notFound(path: String)
  case directory(path: String)
  case pipe(path: String)
  case device(path: String)
  case notRegular(path: String)
  case tooLarge(path: String, bytes: Int, limit: Int)
  case unreadable(path: String, reason: String)

  init(errno code: Int32, path: String) {
    switch code {
    case ENOENT, ENOTDIR: self = .notFound(path: path)
    case EISDIR: self = .directory(path: path)
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
    case .directory(let path):
      language.pick(
        "\(path) là một thư mục, không phải tệp XML: chỉ định tệp .xml bên trong thư mục đó.",
        "\(path) is a folder, not an XML file: name the .xml file inside it.")
    case .pipe(let path):
      language.pick(
        "\(path) là một đường ống (FIFO/socket), không phải tệp XML: lưu hồ sơ thành tệp rồi chỉ định tệp đó.",
        "\(path) is a pipe (FIFO/socket), not an XML file: save the record to a file and name that file.")
    case .device(let path):
      language.pick(
        "\(path) là (hoặc trỏ tới) một thiết bị như /dev/zero, không phải tệp XML: chỉ định tệp hồ sơ thật.",
        "\(path) is (or links to) a device such as /dev/zero, not an XML file: name the real record file.")
    case .notRegular(let path):
      language.pick(
        "\(path) không phải tệp thông thường: chỉ định tệp XML hồ sơ.",
        "\(path) is not a regular file: name the XML record file.")
    case .tooLarge(let path, let bytes, let limit):
      language.pick(
        "Tệp \(path) quá lớn (\(bytes) byte, giới hạn \(limit / 1_048_576) MB): không đọc tệp này; kiểm tra lại "
          + "đúng tệp chưa và nguồn của nó (một hồ sơ XML chỉ vài KB).",
        "\(path) is too large (\(bytes) bytes, limit \(limit / 1_048_576) MB): it was not read; check that it is the "
          + "right file and where it came from (an XML record is a few KB).")
    case .unreadable(let path, let reason):
      language.pick(
        "Không đọc được tệp \(path) (\(reason)): kiểm tra quyền đọc của tệp.",
        "Cannot read \(path) (\(reason)): check the file's read permission.")
    }
  }
}
