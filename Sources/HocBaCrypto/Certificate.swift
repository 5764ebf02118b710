internal import COpenSSL
import Foundation

/// The keyUsage extension bits (RFC 5280 §4.2.1.3) of a certificate.
public struct KeyUsage: OptionSet, Sendable, Hashable, Codable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }
  public static let digitalSignature = KeyUsage(rawValue: 0x80)
  public static let nonRepudiation = KeyUsage(rawValue: 0x40)
  public static let keyEncipherment = KeyUsage(rawValue: 0x20)
  public static let dataEncipherment = KeyUsage(rawValue: 0x10)
  public static let keyAgreement = KeyUsage(rawValue: 0x08)
  public static let keyCertSign = KeyUsage(rawValue: 0x04)
  public static let cRLSign = KeyUsage(rawValue: 0x02)
}

/// An X.509 certificate: its DER bytes and the fields hocba shows and checks.
public struct Certificate: Sendable, Hashable, Codable {
  /// The DER encoding (what `X509Certificate` carries in base64).
  public let der: [UInt8]
  /// Subject as an RFC 4514 string (UTF-8 kept), e.g. `CN=Nguyễn Văn A,O=Trường THCS X,C=VN`.
  public let subject: String
  /// Issuer as an RFC 4514 string.
  public let issuer: String
  /// Serial number in uppercase hex.
  public let serialNumber: String
  public let notBefore: Date
  public let notAfter: Date
  /// The keyUsage bits, or nil when the certificate has no keyUsage extension.
  public let keyUsage: KeyUsage?
  /// SHA-256 of the DER, lowercase hex.
  public let sha256Fingerprint: String
  /// Whether the certificate is signed with SHA-1 (or MD5): below hocba's floor.
  public let hasWeakSignatureAlgorithm: Bool

  /// Parses one DER-encoded certificate.
  public init(der: [UInt8]) throws(CryptoError) {
    try self.init(handle: X509Handle(der: der), der: der)
  }

  init(handle: X509Handle, der knownDER: [UInt8]? = nil) throws(CryptoError) {
    let x509 = handle.pointer
    if let knownDER { der = knownDER } else { der = try handle.der() }
    subject = try Self.rfc4514(X509_get_subject_name(x509))
    issuer = try Self.rfc4514(X509_get_issuer_name(x509))
    notBefore = date(of: X509_get0_notBefore(x509))
    notAfter = date(of: X509_get0_notAfter(x509))
    let flags = X509_get_extension_flags(x509)
    keyUsage = flags & UInt32(EXFLAG_KUSAGE) != 0 ? KeyUsage(rawValue: X509_get_key_usage(x509) & 0xFF) : nil
    sha256Fingerprint = SHA256.hex(der)
    let nid = X509_get_signature_nid(x509)
    hasWeakSignatureAlgorithm = [NID_sha1WithRSAEncryption, NID_md5WithRSAEncryption, NID_ecdsa_with_SHA1]
      .contains(nid)
    guard let serial = X509_get0_serialNumber(x509), let number = ASN1_INTEGER_to_BN(serial, nil) else {
      throw .certificateUnreadable(detail: drainOpenSSLErrors())
    }
    defer { BN_free(number) }
    guard let hex = BN_bn2hex(number) else { throw .certificateUnreadable(detail: drainOpenSSLErrors()) }
    serialNumber = String(cString: hex)
    CRYPTO_free(hex, #fileID, #line)
  }

  /// Every certificate in PEM text (or one DER certificate).
  public static func load(_ bytes: [UInt8]) throws(CryptoError) -> [Certificate] {
    guard bytes.starts(with: Array("-----".utf8)) || String(decoding: bytes, as: UTF8.self).contains("-----BEGIN")
    else { return [try Certificate(der: bytes)] }
    let bio = try MemoryBIO(bytes: bytes)
    var certificates: [Certificate] = []
    while let x509 = PEM_read_bio_X509(bio.pointer, nil, nil, nil) {
      certificates.append(try Certificate(handle: X509Handle(x509)))
    }
    _ = drainOpenSSLErrors()  // the final "no start line" ends the loop
    guard !certificates.isEmpty else { throw .certificateUnreadable(detail: "no certificate") }
    return certificates
  }

  /// Every certificate in a PEM or DER file.
  public static func load(file: URL) throws(CryptoError) -> [Certificate] {
    guard let data = try? Data(contentsOf: file) else { throw .fileUnreadable(path: file.path) }
    return try load([UInt8](data))
  }

  /// An OpenSSL handle on this certificate.
  func handle() throws(CryptoError) -> X509Handle { try X509Handle(der: der) }

  private static func rfc4514(_ name: OpaquePointer?) throws(CryptoError) -> String {
    guard let name else { return "" }
    let bio = try MemoryBIO()
    guard hocba_name_print_rfc4514(bio.pointer, name) >= 0 else {
      throw .certificateUnreadable(detail: drainOpenSSLErrors())
    }
    return bio.text
  }

  /// Orders `certificates` as leaf first, then each issuer in turn (those not on the path follow).
  static func chainOrder(leaf: Certificate, others: [Certificate]) -> [Certificate] {
    var chain = [leaf]
    var rest = others.filter { $0 != leaf }
    while let next = rest.firstIndex(where: { $0.subject == chain.last!.issuer && $0.subject != $0.issuer }) {
      chain.append(rest.remove(at: next))
    }
    return chain + rest.filter { $0.subject != $0.issuer }
  }
}
