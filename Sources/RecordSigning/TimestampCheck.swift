internal import CXMLSec
import Foundation

/// Verifies the XAdES `SignatureTimeStamp` of one signature: the RFC 3161 token's imprint is SHA-256 over the
/// canonical `SignatureValue` element, the TSA signature and chain verify against the trust store at the
/// token's time, the TSA certificate is for timeStamping, and the time lies inside the signer certificate's
/// validity.
enum TimestampCheck {
  struct Outcome {
    /// The proven time (nil without a valid time-stamp) and the TSA's subject.
    var time: Date?
    var authority: String?
    var reasons: [VerificationReason] = []
  }

  static func check(_ parsed: ParsedSignature, tree: XMLTree, leaf: Certificate, trust: TrustStore)
    throws(SigningError) -> Outcome
  {
    guard let stamp = parsed.timestamps.first else { return Outcome() }
    let method = stamp.canonicalization ?? Profile.inclusiveC14N
    guard let der = stamp.token, let value = parsed.signatureValue, Profile.allowedTransforms.contains(method),
      let token = try? TimeStampToken(der: der)
    else { return Outcome(reasons: [.timestampMalformed]) }
    let covered = try tree.canonicalForm(of: value, exclusive: method == Profile.exclusiveC14N)
    let problems: [TimeStampProblem]
    do {
      problems = try token.problems(sha256: SHA256.digest(covered), trust: trust)
    } catch {
      throw .crypto(error)
    }
    var reasons: [VerificationReason] = []
    for problem in problems {
      switch problem {
      case .imprintMismatch: reasons.append(.timestampImprintMismatch)
      case .notForTimestamping: reasons.append(.timestampCertificateNotForTimestamping)
      case .untrusted, .nonceMismatch, .notGranted: reasons.append(.timestampInvalid)
      case .unreadable: reasons.append(.timestampMalformed)
      }
    }
    guard reasons.isEmpty else { return Outcome(reasons: reasons) }
    if token.time < leaf.notBefore || token.time > leaf.notAfter {
      reasons.append(.timestampOutsideCertificateValidity)
    }
    return Outcome(time: token.time, authority: token.authority, reasons: reasons)
  }
}
