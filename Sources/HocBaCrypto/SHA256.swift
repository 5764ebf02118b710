// HocBaCrypto owns every use of OpenSSL's libcrypto: content hashes now, certificates and keys later.
internal import COpenSSL

/// SHA-256 digests through OpenSSL's EVP interface.
public enum SHA256 {
  /// The 32-byte SHA-256 digest of `bytes`.
  public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let ok: Int32 = Array(bytes).withUnsafeBytes { input in
      output.withUnsafeMutableBytes { out in
        EVP_Digest(
          input.baseAddress, input.count, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length,
          EVP_sha256(), nil)
      }
    }
    // EVP_Digest with the built-in SHA-256 only fails on allocation failure.
    precondition(ok == 1 && length == 32, "EVP_Digest(SHA-256) failed")
    return output
  }

  /// The SHA-256 digest of `bytes` as 64 lowercase hex characters.
  public static func hex(_ bytes: some Collection<UInt8>) -> String { lowercaseHex(digest(bytes)) }

  /// A digest's bytes as lowercase hex, two characters a byte (shared with `SHA256Hasher`).
  static func lowercaseHex(_ digest: [UInt8]) -> String {
    digest.map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }

  /// The SHA-256 digest of the UTF-8 bytes of `text` as lowercase hex.
  public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}
