internal import CXMLSec
import Foundation

/// Verifies every signature of a hocba record, each on its own, in process with libxmlsec1, then applies
/// hocba's certificate and time policy (seed 001 Điều 15 a–d).
public enum RecordVerifier {
  /// - Parameters:
  ///   - trust: trust anchors, intermediates and CRLs for the certificate chain.
  ///   - at: check certificates at this time instead of each signature's SigningTime.
  ///   - now: the current time (signing times after `now` + 5 minutes are refused).
  ///   - allowLegacySHA1: accept SHA-1 signatures and digests (legacy records only).
  /// - Throws: for a document that cannot be verified at all (not XML, DOCTYPE, duplicate `Id`).
  public static func verify(
    _ xml: [UInt8], trust: TrustStore, at: Date? = nil, now: Date = Date(), allowLegacySHA1: Bool = false
  ) throws(SigningError) -> VerificationReport {
    try XMLSecRuntime.start()
    let tree = try XMLTree.parse(xml)
    // Duplicate Ids are refused before anything else (wrapping defence; xmlsec would keep the first).
    let ids = try tree.identifiedElements()
    XMLSecVerification.registerIDs(tree)
    var slotOf: [xmlNodePtr: SignatureSlot] = [:]
    if let list = try? RecordLayout.signatureList(in: tree) {
      for slot in RecordLayout.slots(in: list) {
        if let signature = slot.signature, let value = slot.slot { slotOf[signature] = value }
      }
    }
    var signatures: [xmlNodePtr] = []
    tree.walk { node in
      if XMLTree.isElement(node, "Signature", in: Profile.dsig) { signatures.append(node) }
    }
    var results: [SignatureVerification] = []
    for node in signatures {
      results.append(
        try verifyOne(
          node, tree: tree, ids: ids, slot: slotOf[node], trust: trust, at: at, now: now, legacy: allowLegacySHA1))
    }
    return VerificationReport(signatures: results)
  }

  private static func verifyOne(
    _ node: xmlNodePtr, tree: XMLTree, ids: [String: xmlNodePtr], slot: SignatureSlot?, trust: TrustStore,
    at: Date?, now: Date, legacy: Bool
  ) throws(SigningError) -> SignatureVerification {
    let parsed = ParsedSignature(node)
    var result = SignatureVerification(
      id: parsed.id, slot: slot, signer: nil, certificateFingerprint: nil, signingTimeText: parsed.signingTime,
      signingTime: nil, references: parsed.references.map { $0.uri ?? "" }, verifiedReferences: [],
      verdict: .refused, reasons: [])
    let refusals = profileRefusals(parsed, ids: ids, legacy: legacy)
    var certificates: [Certificate] = []
    for der in parsed.certificates {
      guard let certificate = try? Certificate(der: der) else {
        result.reasons = refusals + [.certificateMissing]
        return result
      }
      certificates.append(certificate)
    }
    guard refusals.isEmpty, let leaf = leafCertificate(certificates) else {
      result.reasons = refusals.isEmpty ? [.certificateMissing] : refusals
      return result
    }
    result.signer = leaf.subject
    result.certificateFingerprint = leaf.sha256Fingerprint
    var reasons: [VerificationReason] = []
    if let name = parsed.subjectName, name != leaf.subject { reasons.append(.subjectNameMismatch) }

    // a, b: cryptography with xmlsec.
    let outcome = try XMLSecVerification.verify(tree, signature: node, leafDER: leaf.der, legacySHA1: legacy)
    result.verifiedReferences = outcome.verifiedReferences
    if !outcome.valid {
      let missing = parsed.referencedIDs.contains { $0.map { ids[$0] == nil } ?? true }
      if missing {
        reasons.append(.referenceMissing)
      } else if !outcome.failedReferences.isEmpty {
        reasons.append(.contentAltered)
      } else if outcome.processingFailed {
        reasons.append(.malformedSignature)
      } else {
        reasons.append(.signatureValueInvalid)
      }
    }

    // d: the RFC 3161 signature time-stamp, when there is one.
    let stamp = try TimestampCheck.check(parsed, tree: tree, leaf: leaf, trust: trust)
    reasons += stamp.reasons
    result.timestampTime = stamp.reasons.isEmpty ? stamp.time : nil
    result.timestampAuthority = stamp.authority

    // d: signing time, covered by the signature.
    var checkTime = at ?? now
    if at != nil { reasons.append(.validatedAtGivenTime) }
    if let text = parsed.signingTime {
      if let (date, assumed) = SigningTimeParser.parse(text) {
        result.signingTime = date
        if assumed { reasons.append(.signingTimeZoneAssumed) }
        if date > now.addingTimeInterval(300) { reasons.append(.signingTimeInFuture) }
        if at == nil { checkTime = date }
        if let proven = result.timestampTime, date > proven.addingTimeInterval(300) {
          reasons.append(.signingTimeAfterTimestamp)
        }
      } else {
        reasons.append(.signingTimeMalformed)
      }
      let objectID = parsed.signingTimeObjectID.map { "#\($0)" }
      if objectID == nil || !outcome.verifiedReferences.contains(objectID!) && outcome.valid {
        reasons.append(.signingTimeNotSigned)
      }
    } else {
      reasons.append(.signingTimeMissing)
    }

    // c: certificate policy at the time-stamped time, else at the signing time; a certificate expired by now
    // needs a time-stamp to prove the signature older than its expiry (the signing time is self-declared).
    if at == nil, let proven = result.timestampTime { checkTime = proven }
    let validation: CertificateValidation
    do {
      validation = try trust.validate(leaf, untrusted: Array(certificates.dropFirst()), at: checkTime)
    } catch {
      throw .crypto(error)
    }
    if validation.revocationNotChecked { reasons.append(.revocationNotChecked) }
    if at == nil, result.timestampTime == nil, leaf.notAfter < now, !validation.problems.contains(.expired) {
      reasons.append(.certificateExpiredWithoutTimestamp)
    }
    for problem in validation.problems {
      switch problem {
      case .untrusted: reasons.append(.certificateUntrusted)
      case .expired: reasons.append(.certificateExpired)
      case .notYetValid: reasons.append(.certificateNotYetValid)
      case .revoked: reasons.append(.certificateRevoked)
      case .revocationUnknown: reasons.append(.revocationUnknown)
      case .keyUsage: reasons.append(.keyUsageNotAllowed)
      case .weakAlgorithm: reasons.append(.certificateWeakAlgorithm)
      case .invalid: reasons.append(.certificateInvalid)
      }
    }
    result.reasons = reasons
    result.verdict = reasons.allSatisfy(\.isNote) ? .valid : .invalid
    return result
  }

  /// Profile rules checked before any cryptography.
  private static func profileRefusals(_ parsed: ParsedSignature, ids: [String: xmlNodePtr], legacy: Bool)
    -> [VerificationReason]
  {
    var reasons: [VerificationReason] = []
    func add(_ reason: VerificationReason) { if !reasons.contains(reason) { reasons.append(reason) } }
    guard let method = parsed.signatureMethod, let canonicalization = parsed.canonicalization,
      !parsed.references.isEmpty, !parsed.hasManifest
    else { return [.malformedSignature] }
    if method == Profile.rsaSHA1 {
      if !legacy { add(.weakAlgorithm) }
    } else if !Profile.strongSignatureMethods.contains(method) {
      add(.malformedSignature)
    }
    if !Profile.allowedTransforms.contains(canonicalization) { add(.transformNotAllowed) }
    for (reference, id) in zip(parsed.references, parsed.referencedIDs) {
      if id == nil { add(.referenceNotAllowed) }
      if reference.transforms.contains(where: { !Profile.allowedTransforms.contains($0) }) {
        add(.transformNotAllowed)
      }
      switch reference.digestMethod {
      case Profile.sha256: break
      case Profile.sha1: if !legacy { add(.weakAlgorithm) }
      default: add(.malformedSignature)
      }
    }
    if parsed.otherKeyInfo.contains("KeyValue") || parsed.otherKeyInfo.contains("RetrievalMethod") {
      add(.keyValueNotAllowed)
    }
    if parsed.certificates.isEmpty { add(.certificateMissing) }
    return reasons
  }

  /// The signer's certificate: the one that issued no other certificate in the set (the first if unclear).
  private static func leafCertificate(_ certificates: [Certificate]) -> Certificate? {
    certificates.first { candidate in
      !certificates.contains { $0 != candidate && $0.issuer == candidate.subject }
    } ?? certificates.first
  }
}
