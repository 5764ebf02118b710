import Foundation
import RecordSigning
import Testing

@Suite("Signing in order, verified in process")
struct SigningFlowTests {
  @Test("four signatures, each step keeps earlier ones valid, bytes before DSCKS unchanged")
  func serialCounterSigning() throws {
    let sample = try SignedSample.get()
    let trust = try sample.pki.trustStore()
    let cut = try #require(sample.original.text.range(of: "<DSCKS"))
    let prefix = sample.original.text[..<cut.lowerBound].utf8
    for (index, step) in sample.steps.enumerated() {
      #expect(step.starts(with: prefix), "bytes before DSCKS changed at step \(index)")
      let report = try RecordVerifier.verify(step, trust: trust)
      #expect(report.signatures.count == index + 1)
      for signature in report.signatures {
        #expect(signature.verdict == .valid, "\(signature.id ?? "?") at step \(index): \(signature.reasons)")
      }
    }
    let report = try RecordVerifier.verify(sample.final, trust: trust)
    let expected: [String: [String]] = [
      "sig-gvmh-toan": ["#mh-toan", "#st-sig-gvmh-toan"],
      "sig-gvcn": ["#data", "#st-sig-gvcn"],
      "sig-ht": ["#data", "#st-sig-ht", "#sig-gvcn"],
      "sig-dvi": ["#data", "#st-sig-dvi", "#sig-gvmh-toan", "#sig-gvcn", "#sig-ht"],
    ]
    for (id, references) in expected {
      #expect(report.signature(id)?.verifiedReferences == references, "\(id)")
    }
    #expect(report.allValid)
    #expect(report.verifiedRoles == Set(SignatureRole.allCases))
    #expect(report.signature("sig-dvi")?.signer?.contains("Trường THCS Đại An") == true)
    let json = try report.json()
    #expect(String(decoding: json, as: UTF8.self).contains("\"verdict\" : \"valid\""))
  }

  @Test("SigningTime is an xs:dateTime with +07:00 in hocba's signing namespace")
  func signingTimeShape() throws {
    let text = try SignedSample.get().final.text
    #expect(text.contains("<SigningTime xmlns=\"urn:hocba:xml:signing:1.0\">"))
    #expect(text.range(of: #"T\d{2}:\d{2}:\d{2}\+07:00</SigningTime>"#, options: .regularExpression) != nil)
    #expect(!text.contains("URI=\"\""))
    #expect(!text.contains("enveloped-signature"))
  }

  @Test("refusals: same slot twice, SHA-1, duplicate Id, unknown region")
  func refusals() throws {
    let sample = try SignedSample.get()
    let principal = try sample.pki.signer(.principal)
    #expect(throws: SigningError.slotAlreadySigned(.principal)) {
      try RecordSigner.sign(sample.final, slot: .principal, signer: principal)
    }
    #expect(throws: SigningError.weakAlgorithm(SignatureAlgorithm.rsaSHA1.uri)) {
      try RecordSigner.sign(sample.original, slot: .homeroom, signer: principal, algorithm: .rsaSHA1)
    }
    let duplicated = sample.original.text.replacingFirst(
      "<DSCKS/>", with: "<DSCKS><CKS VaiTro=\"ht\" Id=\"data\"/></DSCKS>")
    #expect(throws: SigningError.duplicateID("data")) {
      try RecordSigner.sign(duplicated.bytes, slot: .homeroom, signer: principal)
    }
    #expect(throws: SigningError.regionNotFound("mh-khong-co")) {
      try RecordSigner.sign(sample.original, slot: .subjectTeacher(subjectCode: "khong-co"), signer: principal)
    }
    #expect(throws: SigningError.doctypeForbidden) {
      try RecordSigner.sign(("<!DOCTYPE x []>" + sample.original.text).bytes, slot: .homeroom, signer: principal)
    }
  }

  @Test("messages are Vietnamese by default and never contain the password")
  func errorMessages() throws {
    let pki = try TestPKI.shared.get()
    do {
      _ = try PKCS12Signer(file: pki.p12(.homeroom), password: Secret("sai-mat-khau"))
      Issue.record("a wrong password opened the PKCS#12 file")
    } catch {
      let message = SigningError.crypto(error).message(in: .vietnamese)
      #expect(message.contains("sai mật khẩu"))
      #expect(!message.contains("sai-mat-khau"))
    }
    #expect(String(describing: Secret(pki.password)) == "Secret(redacted)")
  }
}
