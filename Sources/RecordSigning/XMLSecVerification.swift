internal import CXMLSec

/// Starts libxmlsec1 once per process, in the order that works (build-facts §2.1 item 10), after checking
/// that Swift sees the same struct layout as C (the pkg-config `-D` flags restated in CXMLSec/shim.h).
enum XMLSecRuntime {
  private static let started: Result<Void, SigningError> = {
    guard hocba_xmlsec_layout_ok() == 1 else {
      return .failure(.xmlsecUnavailable("struct layout differs from the C build: check CXMLSec/shim.h defines"))
    }
    xmlInitParser()
    guard xmlSecInit() == 0 else { return .failure(.xmlsecUnavailable("xmlSecInit")) }
    guard hocba_xmlsec_check_version() == 1 else { return .failure(.xmlsecUnavailable("version")) }
    guard xmlSecOpenSSLAppInit(nil) == 0 else { return .failure(.xmlsecUnavailable("xmlSecOpenSSLAppInit")) }
    guard xmlSecOpenSSLInit() == 0 else { return .failure(.xmlsecUnavailable("xmlSecOpenSSLInit")) }
    // The library never prints: xmlsec's verdicts come from return codes and statuses.
    hocba_xmlsec_silence()
    xmlSecErrorsDefaultCallbackEnableOutput(0)
    return .success(())
  }()

  static func start() throws(SigningError) { try started.get() }
}

/// One `xmlSecDSigCtx`, destroyed in deinit (it owns the key set on it).
final class DSigContext {
  let pointer: xmlSecDSigCtxPtr
  init() throws(SigningError) {
    guard let context = xmlSecDSigCtxCreate(nil) else { throw .xmlsecUnavailable("xmlSecDSigCtxCreate") }
    pointer = context
  }
  deinit { xmlSecDSigCtxDestroy(pointer) }
}

/// The cryptographic part of verifying one signature with libxmlsec1: the key comes only from the signer's
/// X.509 certificate (never a `KeyValue`), references are same-document only, and only exclusive or inclusive
/// C14N and SHA-256 algorithms (SHA-1 behind the legacy flag) are enabled.
enum XMLSecVerification {
  struct Outcome {
    /// xmlsec's verdict: SignatureValue and every reference digest correct.
    var valid: Bool
    /// xmlsec could not process the signature (unresolved reference, refused transform…).
    var processingFailed: Bool
    /// References whose digest matched, as written (`#data`…).
    var verifiedReferences: [String]
    /// References processed whose digest did not match.
    var failedReferences: [String]
  }

  /// Registers `Id` attributes as XML IDs (no DTD declares them). Call once per document, after the
  /// duplicate check.
  static func registerIDs(_ tree: XMLTree) {
    guard let root = tree.root else { return }
    let name = Array("Id".utf8CString).map { UInt8(bitPattern: $0) }
    name.withUnsafeBufferPointer { buffer in
      var ids: [UnsafePointer<xmlChar>?] = [buffer.baseAddress, nil]
      ids.withUnsafeMutableBufferPointer { xmlSecAddIDs(tree.pointer, root, $0.baseAddress) }
    }
  }

  static func verify(_ tree: XMLTree, signature: xmlNodePtr, leafDER: [UInt8], legacySHA1: Bool)
    throws(SigningError) -> Outcome
  {
    try XMLSecRuntime.start()
    silenceLibXML()
    registerIDs(tree)
    let context = try DSigContext()
    let ctx = context.pointer
    let key = leafDER.withUnsafeBufferPointer {
      xmlSecOpenSSLAppKeyLoadMemory($0.baseAddress, UInt32($0.count), xmlSecKeyDataFormatCertDer, nil, nil, nil)
    }
    guard let key else {
      return Outcome(valid: false, processingFailed: true, verifiedReferences: [], failedReferences: [])
    }
    ctx.pointee.signKey = key
    ctx.pointee.flags = UInt32(XMLSEC_DSIG_FLAGS_STORE_SIGNEDINFO_REFERENCES | XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS)
    ctx.pointee.enabledReferenceUris = xmlSecTransformUriType(xmlSecTransformUriTypeSameDocument)
    var referenceTransforms = [hocba_xmlsec_exc_c14n(), hocba_xmlsec_c14n(), hocba_xmlsec_sha256()]
    var signatureTransforms = [
      hocba_xmlsec_exc_c14n(), hocba_xmlsec_c14n(), hocba_xmlsec_rsa_sha256(), hocba_xmlsec_ecdsa_sha256(),
    ]
    if legacySHA1 {
      referenceTransforms.append(hocba_xmlsec_sha1())
      signatureTransforms.append(hocba_xmlsec_rsa_sha1())
    }
    for transform in referenceTransforms where xmlSecDSigCtxEnableReferenceTransform(ctx, transform) < 0 {
      throw .xmlsecUnavailable("xmlSecDSigCtxEnableReferenceTransform")
    }
    for transform in signatureTransforms where xmlSecDSigCtxEnableSignatureTransform(ctx, transform) < 0 {
      throw .xmlsecUnavailable("xmlSecDSigCtxEnableSignatureTransform")
    }
    let result = xmlSecDSigCtxVerify(ctx, signature)
    var verified: [String] = []
    var failed: [String] = []
    let list = withUnsafeMutablePointer(to: &ctx.pointee.signedInfoReferences) { $0 }
    for index in 0..<xmlSecPtrListGetSize(list) {
      guard let item = xmlSecPtrListGetItem(list, index) else { continue }
      let reference = item.assumingMemoryBound(to: xmlSecDSigReferenceCtx.self)
      let uri = reference.pointee.uri.map { String(cString: $0) } ?? ""
      if reference.pointee.status == xmlSecDSigStatusSucceeded { verified.append(uri) } else { failed.append(uri) }
    }
    return Outcome(
      valid: result == 0 && ctx.pointee.status == xmlSecDSigStatusSucceeded, processingFailed: result < 0,
      verifiedReferences: verified, failedReferences: failed)
  }
}
