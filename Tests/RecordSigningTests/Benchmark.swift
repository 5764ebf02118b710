import Foundation
import RecordSigning
import Testing

/// A measurement, not an assertion: prints signatures/second and full verifications/second when
/// `HOCBA_BENCH=1` (otherwise does nothing). Run:
/// `HOCBA_BENCH=1 swift test --scratch-path .build-sign --filter RecordSigningTests.Benchmark`
@Suite("Benchmark (HOCBA_BENCH=1)")
struct Benchmark {
  @Test("measurement: signing and verification throughput")
  func throughput() throws {
    guard ProcessInfo.processInfo.environment["HOCBA_BENCH"] == "1" else { return }
    let sample = try SignedSample.get()
    let trust = try sample.pki.trustStore()
    let signer = try sample.pki.signer(.school)
    let beforeSchool = sample.steps[2]
    let signCount = 200
    var start = Date()
    for _ in 0..<signCount { _ = try RecordSigner.sign(beforeSchool, slot: .school, signer: signer) }
    let signRate = Double(signCount) / Date().timeIntervalSince(start)
    let verifyCount = 100
    start = Date()
    for _ in 0..<verifyCount {
      let report = try RecordVerifier.verify(sample.final, trust: trust)
      #expect(report.allValid)
    }
    let verifyRate = Double(verifyCount) / Date().timeIntervalSince(start)
    print(
      "MEASUREMENT hocba signing: \(Int(signRate)) signatures/s (school slot, 3 earlier signatures, incl. self-check);"
        + " \(Int(verifyRate)) full verifications/s (4 signatures, chain + CRL); \(sample.final.count) bytes")
  }
}
