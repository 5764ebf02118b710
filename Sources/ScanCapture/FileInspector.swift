import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks a path before it is read: follows symbolic links a bounded number of times, insists on a regular,
/// non-empty file within the byte limit, and reads it into memory once (so later steps cannot see another file).
enum FileInspector {
  /// How many symbolic links are followed before the path counts as a loop.
  static let maximumLinkDepth = 16

  /// The bytes of the regular file at `url`, after resolving symbolic links.
  static func readRegularFile(_ url: URL, maximumBytes: Int) throws(CaptureError) -> (bytes: [UInt8], path: String) {
    let name = url.path
    let path = try resolveLinks(url.path, name: name)
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // O_NONBLOCK: a FIFO must not block here
    guard descriptor >= 0 else { throw failure(errno, name: name) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure(errno, name: name) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(file: name) }
    let size = Int(info.st_size)
    guard size > 0 else { throw .emptyFile(file: name) }
    guard size <= maximumBytes else { throw .fileTooLarge(file: name, bytes: size, limit: maximumBytes) }
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + filled, size - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(errno, name: name)
      }
      if count == 0 { break }
      filled += count
    }
    guard filled == size else { throw .corruptImage(file: name, page: nil) }
    return (bytes, path)
  }

  /// Follows symbolic links from `path` at most `maximumLinkDepth` times; returns a path that is not a link.
  static func resolveLinks(_ path: String, name: String) throws(CaptureError) -> String {
    var current = path
    for _ in 0...maximumLinkDepth {
      var info = stat()
      guard lstat(current, &info) == 0 else { throw failure(errno, name: name) }
      guard (info.st_mode & S_IFMT) == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &buffer, Int(PATH_MAX))
      guard length >= 0 else { throw failure(errno, name: name) }
      let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if target.hasPrefix("/") {
        current = target
      } else {
        current = (current as NSString).deletingLastPathComponent + "/" + target
      }
    }
    throw .symlinkLoop(file: name)
  }

  private static func failure(_ code: Int32, name: String) -> CaptureError {
    switch code {
    case ENOENT, ENOTDIR: .fileNotFound(file: name)
    case ELOOP: .symlinkLoop(file: name)
    case EISDIR: .notRegularFile(file: name)
    default: .unreadable(file: name, reason: String(cString: strerror(code)))
    }
  }
}
