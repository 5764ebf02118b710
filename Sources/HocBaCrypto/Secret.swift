internal import COpenSSL
import Foundation

/// A password or PIN: kept in its own buffer, wiped when released, never printed, logged or reflected.
public final class Secret: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  private let storage: UnsafeMutableBufferPointer<CChar>

  /// Copies the UTF-8 bytes of `text` (prefer `init(contentsOf:)` or a prompt over literals).
  public convenience init(_ text: String) { self.init(bytes: Array(text.utf8)) }

  /// Copies `bytes`; a trailing NUL is added for C.
  public init(bytes: [UInt8]) {
    storage = .allocate(capacity: bytes.count + 1)
    storage.initialize(repeating: 0)
    for (index, byte) in bytes.enumerated() { storage[index] = CChar(bitPattern: byte) }
  }

  /// Reads a secret from a file or a file descriptor path such as `/dev/fd/3`, dropping one final newline.
  public convenience init(contentsOf url: URL) throws(CryptoError) {
    guard var bytes = try? [UInt8](Data(contentsOf: url)) else { throw .fileUnreadable(path: url.path) }
    if bytes.last == 0x0A { bytes.removeLast() }
    if bytes.last == 0x0D { bytes.removeLast() }
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
