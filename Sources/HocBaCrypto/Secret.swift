internal import COpenSSL
import Foundation

/// A password or PIN: kept in its own buffer, wiped when released, never printed, logged or reflected.
public final class Secret: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  private let storage: UnsafeMutableBufferPointer<CChar>

  /// Copies the UTF-8 bytes of `text` (prefer `init(fileDescriptor:)` or a prompt over literals).
  public convenience init(_ text: String) { self.init(bytes: Array(text.utf8)) }

  /// Copies `bytes`; a trailing NUL is added for C.
  public init(bytes: [UInt8]) {
    storage = .allocate(capacity: bytes.count + 1)
    storage.initialize(repeating: 0)
    for (index, byte) in bytes.enumerated() { storage[index] = CChar(bitPattern: byte) }
  }

  /// Reads a secret from an open file descriptor (a pipe, a file or a terminal alike) with read(2), up to the
  /// first newline or end of file, at most `limit` bytes; a final CR is dropped. The descriptor is not closed.
  /// - Throws: `.fileUnreadable("/dev/fd/N")` when the descriptor cannot be read, `.secretTooLong` past `limit`.
  public convenience init(fileDescriptor fd: Int32, limit: Int = 1024) throws(CryptoError) {
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: limit + 1)
    buffer.initialize(repeating: 0)
    defer {
      OPENSSL_cleanse(buffer.baseAddress, buffer.count)
      buffer.deallocate()
    }
    var count = 0
    var finished = false
    while !finished {
      guard count <= limit else { throw .secretTooLong(limit: limit) }
      let got = read(fd, buffer.baseAddress! + count, 1)
      if got < 0 && errno == EINTR { continue }
      guard got >= 0 else { throw .fileUnreadable(path: "/dev/fd/\(fd)") }
      if got == 0 || buffer[count] == 0x0A {
        finished = true
      } else {
        count += 1
      }
    }
    if count > 0 && buffer[count - 1] == 0x0D { count -= 1 }
    var bytes = Array(buffer[0..<count])
    self.init(bytes: bytes)
    bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
  }

  deinit {
    OPENSSL_cleanse(storage.baseAddress, storage.count)
    storage.deallocate()
  }

  /// Lends the secret as a NUL-terminated C string for the duration of `body`.
  func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
    try body(UnsafePointer(storage.baseAddress!))
  }

  public var description: String { "Secret(redacted)" }
  public var debugDescription: String { "Secret(redacted)" }
  public var customMirror: Mirror { Mirror(self, children: []) }
}
