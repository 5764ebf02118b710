internal import CXMLSec
import Foundation

extension TimeZone {
  /// Vietnam's fixed offset, +07:00 (no daylight saving time).
  public static let vietnam = TimeZone(secondsFromGMT: 7 * 3600)!
}

/// Adds one signature to a hocba record, on its bytes: the signed regions are digested as they are, the new
/// `CKS` slot is appended inside `DSCKS`, and nothing before `DSCKS` changes (serial counter-signing).
public enum RecordSigner {
  /// Signs `xml` in `slot` with `signer` and returns the new bytes. With a `timestamper`, the signature gets an
  /// RFC 3161 token over its canonical `SignatureValue` (XAdES-T `SignatureTimeStamp`, unsigned Object).
  ///
  /// References (signing profile): subject teacher `#mh-<code>`; homeroom `#data`; principal `#data` and
  /// `#sig-gvcn` when present; school `#data` and every earlier signature; each also `#st-<sigId>`.
  public static func sign(
    _ xml: [UInt8], slot: SignatureSlot, signer: some Signer, signingTime: Date = Date(),
    timeZone: TimeZone = .vietnam, algorithm: SignatureAlgorithm = .rsaSHA256, timestamper: (any TimeStamper)? = nil
  ) throws(SigningError) -> [UInt8] {
    guard algorithm.allowedForSigning else { throw .weakAlgorithm(algorithm.uri) }
    if let code = slot.subjectCode, !isSubjectCode(code) { throw .invalidSubjectCode }
    let chain = signer.certificateChain
    guard !chain.isEmpty else { throw .noCertificate }
    try XMLSecRuntime.start()

    let tree = try XMLTree.parse(xml)
    let ids = try tree.identifiedElements()
    let signatureList = try RecordLayout.signatureList(in: tree)
    let existing = RecordLayout.slots(in: signatureList)
    if existing.contains(where: { $0.slot == slot }) { throw .slotAlreadySigned(slot) }
    var builder = XMLSignatureBuilder(
      signatureID: slot.signatureID, signingTime: XMLSignatureBuilder.dateTime(signingTime, timeZone: timeZone))
    for id in [builder.signatureID, builder.objectID] where ids[id] != nil { throw .duplicateID(id) }

    let earlier = existing.compactMap(\.signatureID)
    let regions: [String]
    switch slot {
    case .subjectTeacher(let code): regions = ["mh-\(code)"]
    case .homeroom: regions = ["data"]
    case .principal: regions = ["data"] + earlier.filter { $0 == SignatureSlot.homeroom.signatureID }
    case .school: regions = ["data"] + earlier
    }
    let counterSigned = regions.filter { $0.hasPrefix("sig-") }
    for id in regions where !id.hasPrefix("sig-") {
      guard let node = ids[id] else { throw .regionNotFound(id) }
      let digest = SHA256.digest(try tree.exclusiveCanonicalForm(of: node))
      builder.references.append(.init(id: id, type: nil, digest: digest))
    }
    // The Object does not exist yet: digest it (and later SignedInfo) in a scratch Signature element. Exclusive
    // C14N output does not depend on ancestors, which the self-check below confirms in the final document.
    let scratchObject = try XMLTree.parse(Array(builder.signatureElement(builder.object).utf8))
    builder.references.append(
      .init(
        id: builder.objectID, type: Profile.signaturePropertiesType,
        digest: SHA256.digest(try scratchObject.exclusiveCanonicalForm(of: try firstChild(scratchObject)))))
    for id in counterSigned {
      guard let node = ids[id] else { throw .regionNotFound(id) }
      builder.references.append(
        .init(id: id, type: nil, digest: SHA256.digest(try tree.exclusiveCanonicalForm(of: node))))
    }
    let scratchInfo = try XMLTree.parse(Array(builder.signatureElement(builder.signedInfo).utf8))
    let signedBytes = try scratchInfo.exclusiveCanonicalForm(of: try firstChild(scratchInfo))
    let value: [UInt8]
    do {
      value = try signer.sign(signedBytes, algorithm: algorithm)
    } catch let error as CryptoError {
      throw .crypto(error)
    } catch {
      throw .crypto(.signingFailed(detail: String(describing: type(of: error))))
    }

    var token: [UInt8]?
    var valueBytes: [UInt8] = []
    if let timestamper {
      let scratchValue = try XMLTree.parse(
        Array(builder.signatureElement(XMLSignatureBuilder.signatureValueElement(value)).utf8))
      valueBytes = try scratchValue.exclusiveCanonicalForm(of: try firstChild(scratchValue))
      token = try timestamper.timestamp(sha256: SHA256.digest(valueBytes)).der
    }

    let slotText =
      "<CKS VaiTro=\"\(slot.role.rawValue)\""
      + (slot.subjectCode.map { " Ma=\"\($0)\"" } ?? "") + ">"
      + builder.complete(signatureValue: value, chain: chain, timestamp: token) + "</CKS>"
    let signed = try RecordLayout.append(slotText, to: xml, listPrefix: XMLTree.prefix(signatureList))
    try selfCheck(
      signed, signatureID: builder.signatureID, signedInfo: signedBytes, timestampedValue: token.map { _ in valueBytes }
    )
    return signed
  }

  /// Re-reads the result: the new signature must verify in xmlsec with the signer's certificate, its
  /// `SignedInfo` must canonicalise to the bytes that were signed, and its `SignatureValue` to the bytes that
  /// were time-stamped.
  private static func selfCheck(
    _ signed: [UInt8], signatureID: String, signedInfo: [UInt8], timestampedValue: [UInt8]?
  ) throws(SigningError) {
    let tree = try XMLTree.parse(signed)
    let ids = try tree.identifiedElements()
    guard let signature = ids[signatureID], let info = XMLTree.childElements(signature).first,
      try tree.exclusiveCanonicalForm(of: info) == signedInfo
    else { throw .internal("SignedInfo changed in context") }
    let parsed = ParsedSignature(signature)
    if let timestampedValue {
      guard let valueNode = parsed.signatureValue, try tree.exclusiveCanonicalForm(of: valueNode) == timestampedValue,
        parsed.timestamps.count == 1
      else { throw .internal("SignatureValue changed in context") }
    }
    guard let leaf = parsed.certificates.first else { throw .internal("no certificate written") }
    let outcome = try XMLSecVerification.verify(tree, signature: signature, leafDER: leaf, legacySHA1: false)
    guard outcome.valid else { throw .internal("new signature does not verify") }
  }

  private static func firstChild(_ tree: XMLTree) throws(SigningError) -> xmlNodePtr {
    guard let root = tree.root, let child = XMLTree.childElements(root).first else {
      throw .internal("scratch signature")
    }
    return child
  }

  /// `MaMon`: `[a-z0-9]+(-[a-z0-9]+)*`, at most 64 characters.
  static func isSubjectCode(_ code: String) -> Bool {
    let parts = code.split(separator: "-", omittingEmptySubsequences: false)
    return code.count <= 64
      && parts.allSatisfy { part in
        !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
      }
  }
}
