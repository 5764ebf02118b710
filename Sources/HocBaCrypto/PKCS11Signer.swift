internal import COpenSSL
import Foundation

/// Signs with a key that stays on a PKCS#11 token (USB token, SoftHSM2 in tests), through OpenSSL 3 and the
/// libp11 engine (Debian `libengine-pkcs11-openssl`). The PIN is handed to the engine once (one login per
/// signer, so per batch) and never stored in Swift beyond the `Secret`.
public final class PKCS11Signer: Signer {
  /// Debian's p11-kit proxy: every module registered with p11-kit (OpenSC, vendor token drivers, SoftHSM2).
  public static let defaultModulePath = "/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so"
  /// Where Debian installs the libp11 engine for OpenSSL 3.
  public static let defaultEnginePath = "/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so"

  public let certificateChain: [Certificate]
  private let key: PrivateKeyHandle

  /// - Parameters:
  ///   - uri: RFC 7512 URI of the private key, e.g. `pkcs11:token=school;object=school-key;type=private`.
  ///   - certificateURI: the certificate on the token; by default `uri` with `type=cert`.
  ///   - intermediates: issuing CA certificates to attach after the signer's certificate.
  public init(
    uri: String, pin: Secret, modulePath: String = PKCS11Signer.defaultModulePath,
    enginePath: String = PKCS11Signer.defaultEnginePath, certificateURI: String? = nil,
    intermediates: [Certificate] = []
  ) throws(CryptoError) {
    guard FileManager.default.fileExists(atPath: enginePath) else {
      throw .tokenUnavailable(detail: "missing \(enginePath)")
    }
    guard FileManager.default.fileExists(atPath: modulePath) else {
      throw .tokenUnavailable(detail: "missing \(modulePath)")
    }
    let loaded = pin.withCString { hocba_pkcs11_engine(enginePath, modulePath, $0) }
    guard let loaded else { throw .tokenUnavailable(detail: drainOpenSSLErrors()) }
    let engine = EngineHandle(loaded)
    guard let pkey = hocba_engine_private_key(loaded, uri) else {
      throw .tokenKeyNotFound(detail: drainOpenSSLErrors())
    }
    key = PrivateKeyHandle(pkey, keepAlive: engine)
    let certURI = certificateURI ?? uri.replacingOccurrences(of: "type=private", with: "type=cert")
    guard let x509 = hocba_engine_certificate(loaded, certURI) else {
      throw .keyOrCertificateMissing
    }
    let leafHandle = X509Handle(x509)
    guard key.matches(leafHandle) else { throw .keyCertificateMismatch }
    certificateChain = Certificate.chainOrder(leaf: try Certificate(handle: leafHandle), others: intermediates)
  }

  public func sign(_ data: [UInt8], algorithm: SignatureAlgorithm) throws -> [UInt8] {
    try key.sign(data, algorithm: algorithm)
  }
}

/// An initialised `ENGINE*` (finished and freed in deinit, after the key that uses it).
final class EngineHandle {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { hocba_engine_release(pointer) }
}
