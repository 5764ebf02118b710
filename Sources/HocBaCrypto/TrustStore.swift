internal import COpenSSL
import Foundation

/// A certificate revocation list (CRL) file's content.
public struct RevocationList: Sendable, Hashable {
  public let der: [UInt8]
  public init(der: [UInt8]) { self.der = der }

  /// Reads a PEM or DER CRL file.
  public static func load(file: URL) throws(CryptoError) -> RevocationList {
    guard let data = try? Data(contentsOf: file) else { throw .fileUnreadable(path: file.path) }
    let crl = try CRLHandle(bytes: [UInt8](data))
    var output: UnsafeMutablePointer<UInt8>? = nil
    let length = i2d_X509_CRL(crl.pointer, &output)
    guard length > 0, let output else { throw .revocationListUnreadable(detail: drainOpenSSLErrors()) }
    defer { CRYPTO_free(output, #fileID, #line) }
    return RevocationList(der: Array(UnsafeBufferPointer(start: output, count: Int(length))))
  }
}

/// Why a certificate is not acceptable for a signature made at a given time.
public enum CertificateProblem: Sendable, Hashable, Codable {
  /// No path to a configured trust anchor (OpenSSL's reason attached).
  case untrusted(String)
  case expired
  case notYetValid
  case revoked
  /// CRLs are configured but none is from this certificate's issuer (or its signature is wrong).
  case revocationUnknown
  /// keyUsage lacks both digitalSignature and nonRepudiation, or the extension is missing.
  case keyUsage
  /// The certificate is signed with SHA-1 or MD5.
  case weakAlgorithm
  /// Another chain error (OpenSSL's reason).
  case invalid(String)
}

/// The result of checking one signer certificate.
public struct CertificateValidation: Sendable {
  /// Empty when the certificate is acceptable.
  public var problems: [CertificateProblem]
  /// True when no CRL was configured, so revocation was not checked.
  public var revocationNotChecked: Bool
}

/// Trust anchors (root CAs), known intermediates and CRLs that signer certificates are checked against.
public struct TrustStore: Sendable {
  public var anchors: [Certificate]
  public var intermediates: [Certificate]
  public var revocationLists: [RevocationList]
  /// Accept certificates signed with SHA-1 (legacy records only).
  public var allowWeakCertificateSignatures: Bool

  public init(
    anchors: [Certificate], intermediates: [Certificate] = [], revocationLists: [RevocationList] = [],
    allowWeakCertificateSignatures: Bool = false
  ) {
    self.anchors = anchors
    self.intermediates = intermediates
    self.revocationLists = revocationLists
    self.allowWeakCertificateSignatures = allowWeakCertificateSignatures
  }

  /// Checks `leaf` (with `untrusted` certificates from the signature as chain candidates) at `time`: chain to an
  /// anchor with X509_verify_cert, validity at `time`, keyUsage, CRL revocation (any revocation counts: the
  /// signing time is self-declared), algorithm floor.
  public func validate(_ leaf: Certificate, untrusted: [Certificate], at time: Date) throws(CryptoError)
    -> CertificateValidation
  {
    var problems: [CertificateProblem] = []
    if let usage = leaf.keyUsage, !usage.isDisjoint(with: [.digitalSignature, .nonRepudiation]) {
    } else {
      problems.append(.keyUsage)
    }
    if leaf.hasWeakSignatureAlgorithm && !allowWeakCertificateSignatures { problems.append(.weakAlgorithm) }
    let leafHandle = try leaf.handle()
    var chain: [X509Handle] = []
    if let problem = try verifyChain(leafHandle, untrusted: untrusted, at: time, chain: &chain) {
      problems.append(problem)
    }
    var notChecked = revocationLists.isEmpty
    if !notChecked, chain.count >= 2 {
      switch try revocationStatus(of: leafHandle, issuer: chain[1]) {
      case .good: break
      case .revoked: problems.append(.revoked)
      case .unknown: problems.append(.revocationUnknown)
      }
    } else if !notChecked, chain.isEmpty {
      notChecked = true
    }
    return CertificateValidation(problems: problems, revocationNotChecked: notChecked)
  }

  private func verifyChain(
    _ leaf: X509Handle, untrusted: [Certificate], at time: Date, chain: inout [X509Handle]
  ) throws(CryptoError) -> CertificateProblem? {
    let store = try makeStore()
    defer { X509_STORE_free(store) }
    var candidates: [X509Handle] = []
    for certificate in untrusted + intermediates { candidates.append(try certificate.handle()) }
    let stack = try CertificateStack(candidates)
    guard let context = X509_STORE_CTX_new() else { throw .openSSL(detail: drainOpenSSLErrors()) }
    defer { X509_STORE_CTX_free(context) }
    guard X509_STORE_CTX_init(context, store, leaf.pointer, stack.pointer) == 1 else {
      throw .openSSL(detail: drainOpenSSLErrors())
    }
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(context), time_t(time.timeIntervalSince1970))
    let verified = X509_verify_cert(context)
    _ = drainOpenSSLErrors()
    if verified == 1, let built = X509_STORE_CTX_get0_chain(context) {
      for index in 0..<OPENSSL_sk_num(built) {
        guard let item = OPENSSL_sk_value(built, index) else { continue }
        let pointer = OpaquePointer(item)
        guard X509_up_ref(pointer) == 1 else { throw .openSSL(detail: drainOpenSSLErrors()) }
        chain.append(X509Handle(pointer))
      }
      return nil
    }
    let code = X509_STORE_CTX_get_error(context)
    let reason = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "error \(code)"
    switch code {
    case X509_V_ERR_CERT_HAS_EXPIRED: return .expired
    case X509_V_ERR_CERT_NOT_YET_VALID: return .notYetValid
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
      X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
      X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_CERT_UNTRUSTED:
      return .untrusted(reason)
    default: return .invalid(reason)
    }
  }

  /// A new `X509_STORE` holding the anchors (the caller frees it or hands it on), checking at `time` if given.
  func makeStore(at time: Date? = nil) throws(CryptoError) -> OpaquePointer {
    guard let store = X509_STORE_new() else { throw .openSSL(detail: drainOpenSSLErrors()) }
    for anchor in anchors {
      let handle = try anchor.handle()
      let added = withExtendedLifetime(handle) { X509_STORE_add_cert(store, handle.pointer) }
      guard added == 1 else {
        X509_STORE_free(store)
        throw .openSSL(detail: drainOpenSSLErrors())
      }
    }
    if let time { X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), time_t(time.timeIntervalSince1970)) }
    return store
  }

  private enum RevocationStatus { case good, revoked, unknown }

  /// Looks the leaf up in a CRL issued (and signed) by its issuer.
  private func revocationStatus(of leaf: X509Handle, issuer: X509Handle) throws(CryptoError) -> RevocationStatus {
    guard let issuerKey = X509_get0_pubkey(issuer.pointer) else { return .unknown }
    var found = false
    for list in revocationLists {
      let crl = try CRLHandle(bytes: list.der)
      guard X509_NAME_cmp(X509_CRL_get_issuer(crl.pointer), X509_get_subject_name(issuer.pointer)) == 0,
        X509_CRL_verify(crl.pointer, issuerKey) == 1
      else {
        _ = drainOpenSSLErrors()
        continue
      }
      found = true
      var entry: OpaquePointer? = nil
      if X509_CRL_get0_by_cert(crl.pointer, &entry, leaf.pointer) == 1 { return .revoked }
    }
    _ = drainOpenSSLErrors()
    return found ? .good : .unknown
  }
}

/// An owned `X509_CRL*`.
final class CRLHandle {
  let pointer: OpaquePointer
  init(bytes: [UInt8]) throws(CryptoError) {
    let bio = try MemoryBIO(bytes: bytes)
    let isPEM = String(decoding: bytes.prefix(64), as: UTF8.self).contains("-----BEGIN")
    let crl = isPEM ? PEM_read_bio_X509_CRL(bio.pointer, nil, nil, nil) : d2i_X509_CRL_bio(bio.pointer, nil)
    guard let crl else { throw .revocationListUnreadable(detail: drainOpenSSLErrors()) }
    pointer = crl
  }
  deinit { X509_CRL_free(pointer) }
}
