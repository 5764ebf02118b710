internal import COpenSSL
// Owning wrappers around OpenSSL handles (one final class per C handle, freed in deinit) and the error queue.
import Foundation

/// Empties OpenSSL's thread-local error queue into one line (library and reason strings only, never key material).
func drainOpenSSLErrors() -> String {
  var parts: [String] = []
  while true {
    let code = ERR_get_error()
    if code == 0 { break }
    var buffer = [CChar](repeating: 0, count: 256)
    ERR_error_string_n(code, &buffer, buffer.count)
    parts.append(String(cString: buffer))
  }
  return parts.joined(separator: "; ")
}

/// An owned `X509*`.
final class X509Handle {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { X509_free(pointer) }

  /// Parses DER bytes.
  convenience init(der: [UInt8]) throws(CryptoError) {
    let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
      var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
      return d2i_X509(nil, &cursor, buffer.count)
    }
    guard let parsed else { throw .certificateUnreadable(detail: drainOpenSSLErrors()) }
    self.init(parsed)
  }

  /// The DER encoding.
  func der() throws(CryptoError) -> [UInt8] {
    var output: UnsafeMutablePointer<UInt8>? = nil
    let length = i2d_X509(pointer, &output)
    guard length > 0, let output else { throw .certificateUnreadable(detail: drainOpenSSLErrors()) }
    defer { CRYPTO_free(output, #fileID, #line) }
    return Array(UnsafeBufferPointer(start: output, count: Int(length)))
  }
}

/// An owned `EVP_PKEY*` (software key or a key that stays on a PKCS#11 token).
final class PrivateKeyHandle {
  let pointer: OpaquePointer
  /// What must outlive the key (the PKCS#11 engine it lives in).
  private let owner: AnyObject?
  init(_ pointer: OpaquePointer, keepAlive owner: AnyObject? = nil) {
    self.pointer = pointer
    self.owner = owner
  }
  deinit { EVP_PKEY_free(pointer) }

  /// Signs `data` with the digest `algorithm` names (EVP_DigestSign: hash and sign in one go).
  func sign(_ data: [UInt8], algorithm: SignatureAlgorithm) throws(CryptoError) -> [UInt8] {
    guard algorithm.allowedForSigning else { throw .weakAlgorithm(algorithm.uri) }
    guard EVP_PKEY_get_base_id(pointer) == EVP_PKEY_RSA else { throw .unsupportedKeyType }
    guard let context = EVP_MD_CTX_new() else { throw .signingFailed(detail: drainOpenSSLErrors()) }
    defer { EVP_MD_CTX_free(context) }
    var length = 0
    let ok: Bool = data.withUnsafeBufferPointer { input in
      EVP_DigestSignInit(context, nil, EVP_sha256(), nil, pointer) == 1
        && EVP_DigestUpdate(context, input.baseAddress, input.count) == 1
        && EVP_DigestSignFinal(context, nil, &length) == 1
    }
    guard ok, length > 0 else { throw .signingFailed(detail: drainOpenSSLErrors()) }
    var signature = [UInt8](repeating: 0, count: length)
    guard EVP_DigestSignFinal(context, &signature, &length) == 1 else {
      throw .signingFailed(detail: drainOpenSSLErrors())
    }
    return Array(signature.prefix(length))
  }

  /// Whether `certificate` carries this key's public half.
  func matches(_ certificate: X509Handle) -> Bool {
    let ok = X509_check_private_key(certificate.pointer, pointer) == 1
    _ = drainOpenSSLErrors()
    return ok
  }
}

/// An owned memory `BIO*`.
final class MemoryBIO {
  let pointer: OpaquePointer
  init() throws(CryptoError) {
    guard let bio = BIO_new(BIO_s_mem()) else { throw .openSSL(detail: drainOpenSSLErrors()) }
    pointer = bio
  }
  init(bytes: [UInt8]) throws(CryptoError) {
    let bio = bytes.withUnsafeBytes { BIO_new_mem_buf($0.baseAddress, Int32($0.count)) }
    guard let bio else { throw .openSSL(detail: drainOpenSSLErrors()) }
    // BIO_new_mem_buf does not copy: keep the bytes alive as long as the BIO.
    storage = bytes
    pointer = bio
  }
  private var storage: [UInt8] = []
  deinit { BIO_free(pointer) }

  /// Everything written so far, as UTF-8 text.
  var text: String {
    var data: UnsafeMutablePointer<CChar>? = nil
    let length = hocba_bio_mem_data(pointer, &data)
    guard length > 0, let data else { return "" }
    return data.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
  }
}

/// An owned `STACK_OF(X509)` holding its own references.
final class CertificateStack {
  let pointer: OpaquePointer
  init(_ certificates: [X509Handle]) throws(CryptoError) {
    guard let stack = OPENSSL_sk_new_null() else { throw .openSSL(detail: drainOpenSSLErrors()) }
    pointer = stack
    for certificate in certificates {
      guard X509_up_ref(certificate.pointer) == 1 else { throw .openSSL(detail: drainOpenSSLErrors()) }
      guard OPENSSL_sk_push(stack, UnsafeRawPointer(certificate.pointer)) > 0 else {
        X509_free(certificate.pointer)
        throw .openSSL(detail: drainOpenSSLErrors())
      }
    }
  }
  private var owned = true

  /// Hands the stack (and its references) to a caller that frees it (e.g. `TS_VERIFY_CTX`).
  func release() -> OpaquePointer {
    owned = false
    return pointer
  }

  deinit {
    guard owned else { return }
    while OPENSSL_sk_num(pointer) > 0 {
      if let item = OPENSSL_sk_pop(pointer) { X509_free(OpaquePointer(item)) }
    }
    OPENSSL_sk_free(pointer)
  }
}

/// Seconds since 1970 of an `ASN1_TIME`.
func date(of time: UnsafePointer<ASN1_TIME>?) -> Date {
  guard let time else { return .distantPast }
  var parts = tm()
  guard ASN1_TIME_to_tm(time, &parts) == 1 else { return .distantPast }
  return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
}
