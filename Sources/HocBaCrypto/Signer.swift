/// The XML-DSig signature algorithms hocba knows. Only SHA-256 algorithms are produced.
public enum SignatureAlgorithm: String, Sendable, Codable, CaseIterable {
  case rsaSHA256
  /// Accepted inbound only behind an explicit legacy flag; never produced.
  case rsaSHA1

  /// The XML-DSig `SignatureMethod` algorithm URI.
  public var uri: String {
    switch self {
    case .rsaSHA256: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    case .rsaSHA1: "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
    }
  }

  /// Whether hocba may create signatures with it (SHA-256 floor).
  public var allowedForSigning: Bool { self == .rsaSHA256 }
}

/// Something that holds a private key and signs bytes with it: a PKCS#12 file, a PKCS#11 token, later a remote
/// signing service. The key never leaves the signer.
public protocol Signer {
  /// The signer's certificate first, then intermediates (never the root), as written into `X509Data`.
  var certificateChain: [Certificate] { get }
  /// Hashes and signs `data` (the canonical `SignedInfo`) and returns the raw signature value.
  func sign(_ data: [UInt8], algorithm: SignatureAlgorithm) throws -> [UInt8]
}
