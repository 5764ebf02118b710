internal import COpenSSL
import Foundation

/// Signs with the key of a PKCS#12 (.p12/.pfx) file, for development and schools without tokens.
public final class PKCS12Signer: Signer {
  public let certificateChain: [Certificate]
  private let key: PrivateKeyHandle

  /// Opens `file` with `password`. Fails with `.pkcs12Unreadable` on a wrong password or a damaged file.
  public init(file: URL, password: Secret) throws(CryptoError) {
    guard let data = try? Data(contentsOf: file) else { throw .fileUnreadable(path: file.path) }
    let bio = try MemoryBIO(bytes: [UInt8](data))
    guard let p12 = d2i_PKCS12_bio(bio.pointer, nil) else { throw .pkcs12Unreadable(detail: drainOpenSSLErrors()) }
    defer { PKCS12_free(p12) }
    var pkey: OpaquePointer? = nil
    var x509: OpaquePointer? = nil
    var extra: OpaquePointer? = nil
    let parsed = password.withCString { PKCS12_parse(p12, $0, &pkey, &x509, &extra) }
    let keyHandle = pkey.map { PrivateKeyHandle($0) }
    let leafHandle = x509.map(X509Handle.init)
    var others: [X509Handle] = []
    if let extra {
      while let item = OPENSSL_sk_pop(extra) { others.append(X509Handle(OpaquePointer(item))) }
      OPENSSL_sk_free(extra)
    }
    guard parsed == 1 else { throw .pkcs12Unreadable(detail: drainOpenSSLErrors()) }
    guard let keyHandle, let leafHandle else { throw .keyOrCertificateMissing }
    guard keyHandle.matches(leafHandle) else { throw .keyCertificateMismatch }
    let leaf = try Certificate(handle: leafHandle)
    var rest: [Certificate] = []
    for handle in others { rest.append(try Certificate(handle: handle)) }
    key = keyHandle
    certificateChain = Certificate.chainOrder(leaf: leaf, others: rest)
  }

  public func sign(_ data: [UInt8], algorithm: SignatureAlgorithm) throws -> [UInt8] {
    try key.sign(data, algorithm: algorithm)
  }
}
