internal import COpenSSL

/// An incremental SHA-256: feed a file in fixed-size chunks and read the digest at the end, so that hashing
/// never needs the whole file in memory.
public final class SHA256Hasher {
  private let context: OpaquePointer

  /// Starts a new digest.
  public init() {
    // EVP_MD_CTX_new and EVP_DigestInit_ex with the built-in SHA-256 only fail on allocation failure.
    guard let context = EVP_MD_CTX_new() else { preconditionFailure("EVP_MD_CTX_new failed") }
    self.context = context
    precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "EVP_DigestInit_ex(SHA-256) failed")
  }

  deinit { EVP_MD_CTX_free(context) }

  /// Adds `buffer` to the digest.
  public func update(_ buffer: UnsafeRawBufferPointer) {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return }
    precondition(EVP_DigestUpdate(context, base, buffer.count) == 1, "EVP_DigestUpdate failed")
  }

  /// The digest as 64 lowercase hex characters; the hasher must not be used afterwards.
  public func finalHex() -> String {
    var output = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let ok = output.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
    precondition(ok == 1 && length == 32, "EVP_DigestFinal_ex failed")
    return SHA256.lowercaseHex(output)
  }
}
