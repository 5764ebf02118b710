import Foundation
import HocBaCrypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks a path before it is read: follows symbolic links a bounded number of times, insists on a regular,
/// non-empty file within the byte limit (checked before reading), and reads it into memory once, hashing as it
/// goes (so later steps cannot see another file).
enum FileInspector {
  /// How many symbolic links are followed before the path counts as a loop.
  static let maximumLinkDepth = 16

  /// The chunk size for hashing and reading: memory stays bounded by it when a file is only hashed.
  static let chunkBytes = 1 << 20

  /// An open descriptor on the regular file at `url`, after resolving symbolic links and checking the size
  /// with `fstat` before a single byte is read.
  static func openRegularFile(_ url: URL, maximumBytes: Int) throws(CaptureError) -> (
    descriptor: Int32, size: Int, path: String
  ) {
    let name = url.path
    let path = try resolveLinks(url.path, name: name)
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // O_NONBLOCK: a FIFO must not block here
    guard descriptor >= 0 else { throw failure(errno, name: name) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let code = errno
      close(descriptor)
      throw failure(code, name: name)
    }
    let size = Int(info.st_size)
    let problem: CaptureError? =
      if (info.st_mode & S_IFMT) != S_IFREG {
        .notRegularFile(file: name)
      } else if size == 0 {
        .emptyFile(file: name)
      } else if size > maximumBytes {
        .fileTooLarge(file: name, bytes: size, limit: maximumBytes)
      } else {
        nil
      }
    if let problem {
      close(descriptor)
      throw problem
    }
    return (descriptor, size, path)
  }

  /// The SHA-256 of the regular file at `url`, read in fixed-size chunks (nothing else is kept in memory).
  static func hashRegularFile(_ url: URL, maximumBytes: Int) throws(CaptureError) -> String {
    let (descriptor, size, _) = try openRegularFile(url, maximumBytes: maximumBytes)
    defer { close(descriptor) }
    let hasher = SHA256Hasher()
    var chunk = [UInt8](repeating: 0, count: chunkBytes)
    var total = 0
    while true {
      let count = try readChunk(descriptor, into: &chunk, at: 0, count: chunkBytes, name: url.path)
      if count == 0 { break }
      chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
      total += count
    }
    guard total == size else { throw .fileChanged(file: url.path) }
    return hasher.finalHex()
  }

  /// The bytes of the regular file at `url` and their SHA-256, hashed chunk by chunk as they are read into one
  /// buffer: what is decoded is exactly what was hashed. The first bytes are checked for a known format before
  /// the rest is read, so a large file of something else costs no memory.
  static func readRegularFile(
    _ url: URL, maximumBytes: Int, checkHead: ([UInt8]) throws(CaptureError) -> Void = { _ in }
  )
    throws(CaptureError) -> (bytes: [UInt8], path: String, sha256: String)
  {
    let name = url.path
    let (descriptor, size, path) = try openRegularFile(url, maximumBytes: maximumBytes)
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: min(size, 4096))
    let head = try readChunk(descriptor, into: &bytes, at: 0, count: bytes.count, name: name)
    try checkHead(Array(bytes[0..<head]))
    bytes += [UInt8](repeating: 0, count: size - bytes.count)
    var filled = head
    while filled < size {
      let count = try readChunk(descriptor, into: &bytes, at: filled, count: min(chunkBytes, size - filled), name: name)
      if count == 0 { break }
      filled += count
    }
    var extra = [UInt8](repeating: 0, count: 1)
    guard filled == size, try readChunk(descriptor, into: &extra, at: 0, count: 1, name: name) == 0 else {
      throw .fileChanged(file: name)
    }
    let hasher = SHA256Hasher()
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let end = min(offset + chunkBytes, buffer.count)
        hasher.update(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
        offset = end
      }
    }
    return (bytes, path, hasher.finalHex())
  }

  /// Reads up to `count` bytes into `buffer` at `offset`, retrying on EINTR; 0 means end of file.
  private static func readChunk(
    _ descriptor: Int32, into buffer: inout [UInt8], at offset: Int, count: Int, name: String
  )
    throws(CaptureError) -> Int
  {
    while true {
      let result = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, count) }
      if result >= 0 { return result }
      if errno != EINTR { throw failure(errno, name: name) }
    }
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
