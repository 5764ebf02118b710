import Foundation
import HocBaSamples
import RecordXML
import Testing

@testable import RecordSigning

@Suite("Certificate policy")
struct CertificatePolicyTests {
  static let cases: [(TestPKI.Identity, VerificationReason)] = [
    (.expired, .certificateExpired), (.notYetValid, .certificateNotYetValid), (.noSigningUsage, .keyUsageNotAllowed),
    (.revoked, .certificateRevoked), (.untrusted, .certificateUntrusted),
  ]

  @Test("bad certificates: the signature itself verifies, our policy refuses with the specific reason")
  func badCertificates() throws {
    let pki = try TestPKI.shared.get()
    let original = try RecordXML.export(SampleRecords.tt22Secondary)
    for (identity, reason) in Self.cases {
      let signed = try RecordSigner.sign(original, slot: .homeroom, signer: try pki.signer(identity))
      let report = try RecordVerifier.verify(signed, trust: try pki.trustStore())
      let result = try #require(report.signature("sig-gvcn"))
      #expect(result.verdict == .invalid, "\(identity)")
      #expect(result.reasons.contains(reason), "\(identity): \(result.reasons)")
      #expect(result.verifiedReferences == ["#data", "#st-sig-gvcn"], "\(identity)")
      #expect(result.passed(.content) && result.passed(.signature) && !result.passed(.certificate))
      #expect(reason.message(in: .vietnamese) != reason.message(in: .english))
    }
  }

  @Test("without a CRL the signature is valid with a note")
  func noCRL() throws {
    let sample = try SignedSample.get()
    let report = try RecordVerifier.verify(sample.final, trust: try sample.pki.trustStore(withCRL: false))
    #expect(report.allValid)
    #expect(report.signatures.allSatisfy { $0.reasons == [.revocationNotChecked] })
  }

  @Test("SigningTime: offset, Z, zoneless read as +07:00")
  func signingTimeParsing() throws {
    let withOffset = try #require(SigningTimeParser.parse("2026-06-02T10:00:00+07:00"))
    let zoneless = try #require(SigningTimeParser.parse("2026-06-02T10:00:00"))
    let utc = try #require(SigningTimeParser.parse("2026-06-02T03:00:00Z"))
    #expect(withOffset.date == zoneless.date && zoneless.date == utc.date)
    #expect(zoneless.zoneAssumed && !withOffset.zoneAssumed && !utc.zoneAssumed)
    #expect(SigningTimeParser.parse("02/06/2026 10:00") == nil)
    #expect(XMLSignatureBuilder.dateTime(withOffset.date, timeZone: .vietnam) == "2026-06-02T10:00:00+07:00")
  }
}
