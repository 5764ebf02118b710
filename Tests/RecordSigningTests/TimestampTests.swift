import Foundation
import HocBaSamples
import RecordSigning
import RecordXML
import TestSupport
import Testing

/// RFC 3161 signature time-stamps (XAdES-T `SignatureTimeStamp`) from a real local TSA (`openssl ts -reply`
/// behind scripts/test_tsa.py on 127.0.0.1), checked in process and by xmlsec1 and signxml.
@Suite("RFC 3161 timestamps", .serialized)
struct TimestampTests {
  /// The sample record signed in the four slots, each signature time-stamped by `tsa` when given.
  static func signed(_ pki: TestPKI, tsa: LocalTSA?) throws -> [UInt8] {
    let stamper = try tsa.map { TSAClient(url: $0.url, trust: try pki.trustStore()) }
    var bytes = try RecordXML.export(SampleRecords.tt22Secondary)
    for (slot, identity) in SignedSample.order {
      bytes = try RecordSigner.sign(bytes, slot: slot, signer: try pki.signer(identity), timestamper: stamper)
    }
    return bytes
  }

  /// The base64 `EncapsulatedTimeStamp` of signature `id`.
  static func token(of id: String, in text: String) -> String? {
    guard let signature = text.span(from: "Id=\"\(id)\"", to: "</Signature>") else { return nil }
    return signature.span(from: "<xades:EncapsulatedTimeStamp>", to: "</xades:EncapsulatedTimeStamp>")
  }

  @Test("every signature carries a token over its SignatureValue; xmlsec1 and signxml still verify each")
  func stampedAndIndependentlyVerified() throws {
    let pki = try TestPKI.shared.get()
    let tsa = try pki.localTSA()
    let before = Date().addingTimeInterval(-2)
    let bytes = try Self.signed(pki, tsa: tsa)
    let after = Date().addingTimeInterval(2)
    let report = try RecordVerifier.verify(bytes, trust: try pki.trustStore())
    #expect(report.allValid, "\(report.signatures.map { "\($0.id ?? "?") \($0.reasons)" })")
    for signature in report.signatures {
      let time = try #require(signature.timestampTime, "\(signature.id ?? "?") has no proven time")
      #expect(time >= before && time <= after)
      #expect(signature.timestampAuthority?.contains("CN=Hocba Test TSA") == true)
    }
    let text = bytes.text
    #expect(text.components(separatedBy: "<xades:SignatureTimeStamp>").count == 5)

    let directory = try Tools.temporaryDirectory("tsa-verifiers")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("stamped.xml")
    try Data(bytes).write(to: file)
    let bundle = directory.appendingPathComponent("cas.pem")
    try
      (try String(contentsOf: pki.rootPEM, encoding: .utf8) + String(contentsOf: pki.intermediatePEM, encoding: .utf8))
      .write(to: bundle, atomically: true, encoding: .utf8)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("verify_signxml.py")
    let stampScript = script.deletingLastPathComponent().appendingPathComponent("verify_timestamp.py")
    for (id, role, code, references) in IndependentVerifierTests.signatures {
      let xmlsec = try Tools.run("xmlsec1", IndependentVerifierTests.xmlsec1Arguments(pki, file: file.path, id: id))
      #expect(xmlsec.status == 0, "xmlsec1 \(id): \(xmlsec.stderr.suffix(600))")
      let signxml = try Tools.run("python3", [script.path, file.path, bundle.path, role, code, String(references)])
      #expect(signxml.status == 0, "signxml \(id): \(signxml.stdout) \(signxml.stderr.suffix(600))")
      // The token itself, checked by lxml's C14N and `openssl ts -verify` (no hocba code).
      let token = try Tools.run(
        "python3", [stampScript.path, file.path, id, pki.rootPEM.path, pki.intermediatePEM.path])
      #expect(token.status == 0 && token.stdout.hasPrefix("OK Time stamp:"), "token \(id): \(token.stdout)")
    }
  }

  @Test("signer certificate expired by now: VALID with an earlier timestamp, INVALID without, with the reason")
  func expiredSigner() throws {
    let pki = try TestPKI.shared.get()
    let tsa = try pki.localTSA()
    let stamped = try Self.signed(pki, tsa: tsa)
    let plain = try Self.signed(pki, tsa: nil)
    // The staff certificates end 365 days from now: verify as if 400 days had passed.
    let later = Date().addingTimeInterval(400 * 86_400)
    let trust = try pki.trustStore()
    let proven = try RecordVerifier.verify(stamped, trust: trust, now: later)
    #expect(proven.allValid, "\(proven.signatures.map { "\($0.id ?? "?") \($0.reasons)" })")
    let unproven = try RecordVerifier.verify(plain, trust: trust, now: later)
    for signature in unproven.signatures {
      #expect(signature.verdict == .invalid)
      #expect(signature.reasons.contains(.certificateExpiredWithoutTimestamp), "\(signature.reasons)")
      #expect(!signature.passed(.certificate))
    }
    #expect(
      VerificationReason.certificateExpiredWithoutTimestamp.message(in: .vietnamese).contains("không có dấu thời gian"))
    // Today both verify: the rule only bites once the certificate has expired.
    #expect(try RecordVerifier.verify(plain, trust: trust).allValid)
  }

  @Test("a token over other data: refused by the signer (nothing returned) and by the verifier")
  func otherData() throws {
    let pki = try TestPKI.shared.get()
    let liar = try pki.localTSA(.otherData)
    let record = try RecordXML.export(SampleRecords.tt22Secondary)
    let stamper = TSAClient(url: liar.url, trust: try pki.trustStore())
    #expect {
      try RecordSigner.sign(record, slot: .homeroom, signer: try pki.signer(.homeroom), timestamper: stamper)
    } throws: { error in
      guard case SigningError.timestampRejected(let url, let problems) = error else { return false }
      return url == liar.url && problems.contains(.imprintMismatch)
        && (error as? SigningError)?.message(in: .vietnamese).contains("dữ liệu khác") == true
    }

    // A genuine token of the same TSA moved from the principal's signature onto the school's.
    let tsa = try pki.localTSA()
    let text = try Self.signed(pki, tsa: tsa).text
    let principalToken = try #require(Self.token(of: "sig-ht", in: text))
    let schoolToken = try #require(Self.token(of: "sig-dvi", in: text))
    let swapped = text.replacingFirst(schoolToken, with: principalToken)
    let report = try RecordVerifier.verify(swapped.bytes, trust: try pki.trustStore())
    let school = try #require(report.signature("sig-dvi"))
    #expect(school.verdict == .invalid && school.reasons == [.timestampImprintMismatch], "\(school.reasons)")
    #expect(school.timestampTime == nil)
    #expect(report.signature("sig-ht")?.verdict == .valid)
  }

  @Test("no TSA reachable: a Vietnamese error naming the URL, nothing signed")
  func unreachable() throws {
    let pki = try TestPKI.shared.get()
    let tsa = try pki.localTSA()
    let url = tsa.url
    tsa.stop()
    let record = try RecordXML.export(SampleRecords.tt22Secondary)
    let stamper = TSAClient(url: url, trust: try pki.trustStore(), timeout: 5)
    #expect {
      try RecordSigner.sign(record, slot: .homeroom, signer: try pki.signer(.homeroom), timestamper: stamper)
    } throws: { error in
      guard case SigningError.timestampUnavailable(let named, _) = error else { return false }
      let message = (error as? SigningError)?.message(in: .vietnamese) ?? ""
      return named == url && message.contains(url) && message.contains("Không lấy được dấu thời gian")
    }
  }

  @Test("a TSA whose certificate does not chain to the trust store is refused")
  func untrustedAuthority() throws {
    let pki = try TestPKI.shared.get()
    let tsa = try pki.localTSA()
    let foreign = TrustStore(anchors: try Certificate.load(file: pki.directory.appendingPathComponent("other.pem")))
    #expect {
      try TSAClient(url: tsa.url, trust: foreign).probe()
    } throws: { error in
      guard case SigningError.timestampRejected(_, let problems) = error else { return false }
      return problems.contains { if case .untrusted = $0 { true } else { false } }
    }
  }
}
