internal import COpenSSL
import Foundation

/// An RFC 3161 `TimeStampReq` for a SHA-256 digest: version 1, a random 64-bit nonce, `certReq` true (the
/// TSA puts its certificate in the token, so the token can be verified on its own later).
public struct TimeStampRequest: Sendable {
  /// The DER bytes to POST as `application/timestamp-query`.
  public let der: [UInt8]
  /// The digest the token must carry as its message imprint.
  public let digest: [UInt8]
  /// The nonce, big-endian, that the token must repeat.
  public let nonce: [UInt8]

  public init(sha256 digest: [UInt8]) throws(CryptoError) {
    guard digest.count == 32 else { throw .openSSL(detail: "SHA-256 digest expected") }
    var random = [UInt8](repeating: 0, count: 8)
    guard RAND_bytes(&random, Int32(random.count)) == 1 else { throw .openSSL(detail: drainOpenSSLErrors()) }
    random[0] |= 0x01  // no leading zero byte: the nonce reads back with the same bytes
    guard let request = TS_REQ_new(), let imprint = TS_MSG_IMPRINT_new(), let algorithm = X509_ALGOR_new(),
      let number = BN_bin2bn(random, Int32(random.count), nil)
    else { throw .openSSL(detail: drainOpenSSLErrors()) }
    defer {
      TS_REQ_free(request)
      TS_MSG_IMPRINT_free(imprint)
      X509_ALGOR_free(algorithm)
      BN_free(number)
    }
    guard let nonce = BN_to_ASN1_INTEGER(number, nil) else { throw .openSSL(detail: drainOpenSSLErrors()) }
    defer { ASN1_INTEGER_free(nonce) }
    var mutableDigest = digest
    let built =
      TS_REQ_set_version(request, 1) == 1
      && X509_ALGOR_set0(algorithm, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nil) == 1
      && TS_MSG_IMPRINT_set_algo(imprint, algorithm) == 1
      && TS_MSG_IMPRINT_set_msg(imprint, &mutableDigest, Int32(digest.count)) == 1
      && TS_REQ_set_msg_imprint(request, imprint) == 1 && TS_REQ_set_nonce(request, nonce) == 1
      && TS_REQ_set_cert_req(request, 1) == 1
    guard built else { throw .openSSL(detail: drainOpenSSLErrors()) }
    var output: UnsafeMutablePointer<UInt8>? = nil
    let length = i2d_TS_REQ(request, &output)
    guard length > 0, let output else { throw .openSSL(detail: drainOpenSSLErrors()) }
    defer { CRYPTO_free(output, #fileID, #line) }
    der = Array(UnsafeBufferPointer(start: output, count: Int(length)))
    self.digest = digest
    self.nonce = random
  }
}

/// Why a time-stamp token does not prove what it should.
public enum TimeStampProblem: Sendable, Hashable, Codable {
  /// The imprint is not SHA-256 over the expected bytes (a token over other data).
  case imprintMismatch
  /// The token does not repeat the request's nonce (a replayed or foreign token).
  case nonceMismatch
  /// The TSA certificate lacks the critical extended key usage timeStamping.
  case notForTimestamping
  /// The token's signature, its ESS signing-certificate link or the TSA chain to a trust anchor failed.
  case untrusted(String)
  /// The TSA refused the request (PKIStatus other than granted).
  case notGranted(Int)
  /// The reply or token is not a DER `TimeStampResp` / time-stamp token.
  case unreadable
}

/// An RFC 3161 time-stamp token (a CMS SignedData over a `TSTInfo`) and what it says.
public struct TimeStampToken: Sendable {
  /// The DER of the token (what `EncapsulatedTimeStamp` carries in base64).
  public let der: [UInt8]
  /// `genTime`: when the TSA saw the imprint.
  public let time: Date
  /// The message imprint and whether its algorithm is SHA-256.
  public let imprint: [UInt8]
  public let imprintIsSHA256: Bool
  /// The nonce, big-endian, or nil when the token has none.
  public let nonce: [UInt8]?
  /// The TSA certificate's subject (RFC 4514), when the token carries it.
  public let authority: String?

  /// Parses a token. Throws `.timeStampUnreadable` for anything that is not a `TSTInfo` SignedData.
  public init(der: [UInt8]) throws(CryptoError) {
    let token = try PKCS7Handle(der: der)
    guard let info = PKCS7_to_TS_TST_INFO(token.pointer) else {
      throw .timeStampUnreadable(detail: drainOpenSSLErrors())
    }
    defer { TS_TST_INFO_free(info) }
    self.der = der
    time = date(of: TS_TST_INFO_get_time(info))
    guard let message = TS_TST_INFO_get_msg_imprint(info), let algorithm = TS_MSG_IMPRINT_get_algo(message),
      let hashed = TS_MSG_IMPRINT_get_msg(message), let bytes = ASN1_STRING_get0_data(hashed)
    else { throw .timeStampUnreadable(detail: "no message imprint") }
    var object: OpaquePointer? = nil
    X509_ALGOR_get0(&object, nil, nil, algorithm)
    imprintIsSHA256 = OBJ_obj2nid(object) == NID_sha256
    imprint = Array(UnsafeBufferPointer(start: bytes, count: Int(ASN1_STRING_length(hashed))))
    nonce = try TS_TST_INFO_get_nonce(info).map { value throws(CryptoError) in try Self.bytes(of: value) }
    authority = try token.timestampingCertificate().map { handle throws(CryptoError) in
      try Certificate(handle: handle).subject
    }
  }

  /// Reads a `TimeStampResp`: the status must be granted (0) or grantedWithMods (1); returns its token.
  public static func fromResponse(_ der: [UInt8]) throws(CryptoError) -> TimeStampToken {
    let response: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
      var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
      return d2i_TS_RESP(nil, &cursor, buffer.count)
    }
    guard let response else { throw .timeStampUnreadable(detail: drainOpenSSLErrors()) }
    defer { TS_RESP_free(response) }
    let status = TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response)).map { ASN1_INTEGER_get($0) } ?? -1
    guard status == 0 || status == 1 else { throw .timeStampNotGranted(status: Int(status)) }
    guard let token = TS_RESP_get_token(response) else { throw .timeStampUnreadable(detail: "no token") }
    var output: UnsafeMutablePointer<UInt8>? = nil
    let length = i2d_PKCS7(token, &output)
    guard length > 0, let output else { throw .timeStampUnreadable(detail: drainOpenSSLErrors()) }
    defer { CRYPTO_free(output, #fileID, #line) }
    return try TimeStampToken(der: Array(UnsafeBufferPointer(start: output, count: Int(length))))
  }

  /// Checks that the token proves `digest` (SHA-256) existed at `time`: the imprint, the TSA certificate's
  /// extended key usage, then the token signature and the TSA chain to `trust`'s anchors at `time`
  /// (`TS_RESP_verify_token` with `TS_VFY_SIGNATURE`, which also checks the ESS signing-certificate link and
  /// the timeStamping purpose). Empty when it does.
  public func problems(sha256 digest: [UInt8], trust: TrustStore) throws(CryptoError) -> [TimeStampProblem] {
    var problems: [TimeStampProblem] = []
    if !imprintIsSHA256 || imprint != digest { problems.append(.imprintMismatch) }
    let token = try PKCS7Handle(der: der)
    guard let tsa = try token.timestampingCertificate() else { return problems + [.untrusted("no TSA certificate")] }
    let flags = X509_get_extension_flags(tsa.pointer)
    if flags & UInt32(EXFLAG_XKUSAGE) == 0 || X509_get_extended_key_usage(tsa.pointer) & UInt32(XKU_TIMESTAMP) == 0 {
      problems.append(.notForTimestamping)
    }
    guard let context = TS_VERIFY_CTX_new() else { throw .openSSL(detail: drainOpenSSLErrors()) }
    defer { TS_VERIFY_CTX_free(context) }
    // The context owns the store and the untrusted stack from here on.
    let store = try trust.makeStore(at: time)
    TS_VERIFY_CTX_set_store(context, store)
    var intermediates: [X509Handle] = []
    for certificate in trust.intermediates { intermediates.append(try certificate.handle()) }
    TS_VERIFY_CTX_set_certs(context, try CertificateStack(intermediates).release())
    TS_VERIFY_CTX_set_flags(context, hocba_ts_vfy_signature())
    if TS_RESP_verify_token(context, token.pointer) != 1 {
      let detail = drainOpenSSLErrors()
      if !problems.contains(.notForTimestamping) { problems.append(.untrusted(detail)) }
    }
    _ = drainOpenSSLErrors()
    return problems
  }

  private static func bytes(of integer: UnsafePointer<ASN1_INTEGER>) throws(CryptoError) -> [UInt8] {
    guard let number = ASN1_INTEGER_to_BN(integer, nil) else { throw .timeStampUnreadable(detail: "nonce") }
    defer { BN_free(number) }
    var output = [UInt8](repeating: 0, count: (Int(BN_num_bits(number)) + 7) / 8)
    _ = BN_bn2bin(number, &output)
    return output
  }
}

/// An owned `PKCS7*` (a time-stamp token).
final class PKCS7Handle {
  let pointer: UnsafeMutablePointer<PKCS7>
  init(der: [UInt8]) throws(CryptoError) {
    let parsed: UnsafeMutablePointer<PKCS7>? = der.withUnsafeBufferPointer { buffer in
      var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
      return d2i_PKCS7(nil, &cursor, buffer.count)
    }
    guard let parsed else { throw .timeStampUnreadable(detail: drainOpenSSLErrors()) }
    pointer = parsed
  }
  deinit { PKCS7_free(pointer) }

  /// The end-entity certificate the token carries (the TSA's), with its own reference.
  func timestampingCertificate() throws(CryptoError) -> X509Handle? {
    guard let stack = hocba_pkcs7_certificates(pointer) else { return nil }
    for index in 0..<OPENSSL_sk_num(stack) {
      guard let item = OPENSSL_sk_value(stack, index) else { continue }
      let certificate = OpaquePointer(item)
      guard X509_check_ca(certificate) == 0 else { continue }
      guard X509_up_ref(certificate) == 1 else { throw .openSSL(detail: drainOpenSSLErrors()) }
      return X509Handle(certificate)
    }
    return nil
  }
}
