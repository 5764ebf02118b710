import Foundation
import HocBaSamples
import RecordSigning
import RecordXML
import Testing

/// The tamper matrix of the signing profile, on five signatures: toan, ngu-van, gvcn, ht, dvi.
@Suite("Tamper matrix")
struct TamperMatrixTests {
  static let five: Result<[UInt8], any Error> = Result {
    let pki = try TestPKI.shared.get()
    var bytes = try RecordXML.export(SampleRecords.tt22Secondary)
    let order: [(SignatureSlot, TestPKI.Identity)] = [
      (.subjectTeacher(subjectCode: "toan"), .mathTeacher), (.subjectTeacher(subjectCode: "ngu-van"), .homeroom),
      (.homeroom, .homeroom), (.principal, .principal), (.school, .school),
    ]
    for (slot, identity) in order { bytes = try RecordSigner.sign(bytes, slot: slot, signer: try pki.signer(identity)) }
    return bytes
  }

  static let all = ["sig-gvmh-toan", "sig-gvmh-ngu-van", "sig-gvcn", "sig-ht", "sig-dvi"]

  enum Change: String, CaseIterable, CustomTestStringConvertible {
    case mathGrade, homeroomSigningTime, prettyPrinted, newlineBetweenSlots, commentInData
    case mathSignatureRemoved, bareKeyValue, sha1SignatureMethod

    var testDescription: String { rawValue }

    /// The signatures expected to fail (every other one present must stay valid).
    var failing: Set<String> {
      switch self {
      case .mathGrade: ["sig-gvmh-toan", "sig-gvcn", "sig-ht", "sig-dvi"]
      case .homeroomSigningTime, .bareKeyValue, .sha1SignatureMethod: ["sig-gvcn", "sig-ht", "sig-dvi"]
      case .prettyPrinted: Set(TamperMatrixTests.all)
      case .newlineBetweenSlots, .commentInData: []
      case .mathSignatureRemoved: ["sig-dvi"]
      }
    }

    func apply(_ text: String) throws -> String {
      switch self {
      case .mathGrade:
        return text.replacingFirst("<HK1>6.6</HK1><HK2>6.4</HK2>", with: "<HK1>9.6</HK1><HK2>6.4</HK2>")
      case .homeroomSigningTime:
        let marker = "Target=\"#sig-gvcn\"><SigningTime xmlns=\"urn:hocba:xml:signing:1.0\">20"
        return text.replacingFirst(marker, with: marker.dropLast(2) + "19")
      case .prettyPrinted:
        guard Tools.require("xmllint") != nil else { throw Tools.Missing(name: "xmllint") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-pretty-\(UUID()).xml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Tools.check("xmllint", ["--format", file.path]).stdout
      case .newlineBetweenSlots:
        return text.replacingOccurrences(of: "</CKS><CKS", with: "</CKS>\n<CKS")
      case .commentInData:
        return text.replacingFirst("<DLHocBa Id=\"data\">", with: "<DLHocBa Id=\"data\"><!-- ghi chú -->")
      case .mathSignatureRemoved:
        let slot = try #require(text.span(from: "<CKS VaiTro=\"gvmh\" Ma=\"toan\">", to: "</CKS>"))
        return text.replacingFirst(slot, with: "")
      case .bareKeyValue:
        let gvcn = try #require(
          text.span(
            from: "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"sig-gvcn\">", to: "</Signature>"))
        let keyInfo = try #require(gvcn.span(from: "<KeyInfo>", to: "</KeyInfo>"))
        let forged =
          "<KeyInfo><KeyValue><RSAKeyValue><Modulus>AQAB</Modulus><Exponent>AQAB</Exponent></RSAKeyValue></KeyValue></KeyInfo>"
        return text.replacingFirst(gvcn, with: gvcn.replacingFirst(keyInfo, with: forged))
      case .sha1SignatureMethod:
        let gvcn = try #require(text.span(from: "Id=\"sig-gvcn\">", to: "</SignatureMethod>"))
        return text.replacingFirst(
          gvcn, with: gvcn.replacingFirst(SignatureAlgorithm.rsaSHA256.uri, with: SignatureAlgorithm.rsaSHA1.uri))
      }
    }
  }

  @Test("verdicts per change", arguments: Change.allCases)
  func matrix(_ change: Change) throws {
    let pki = try TestPKI.shared.get()
    let base = try Self.five.get()
    let report0 = try RecordVerifier.verify(base, trust: try pki.trustStore())
    #expect(report0.allValid && report0.signatures.count == 5)
    let tampered = try change.apply(base.text).bytes
    let report = try RecordVerifier.verify(tampered, trust: try pki.trustStore())
    for signature in report.signatures {
      let id = try #require(signature.id)
      let shouldFail = change.failing.contains(id)
      #expect((signature.verdict != .valid) == shouldFail, "\(change): \(id) \(signature.verdict) \(signature.reasons)")
    }
    let expectedCount = change == .mathSignatureRemoved ? 4 : 5
    #expect(report.signatures.count == expectedCount)
    switch change {
    case .mathGrade: #expect(report.signature("sig-gvmh-toan")?.reasons.contains(.contentAltered) == true)
    case .mathSignatureRemoved: #expect(report.signature("sig-dvi")?.reasons.contains(.referenceMissing) == true)
    case .bareKeyValue:
      #expect(report.signature("sig-gvcn")?.verdict == .refused)
      #expect(report.signature("sig-gvcn")?.reasons.contains(.keyValueNotAllowed) == true)
    case .sha1SignatureMethod:
      #expect(report.signature("sig-gvcn")?.verdict == .refused)
      #expect(report.signature("sig-gvcn")?.reasons.contains(.weakAlgorithm) == true)
      let legacy = try RecordVerifier.verify(tampered, trust: try pki.trustStore(), allowLegacySHA1: true)
      #expect(legacy.signature("sig-gvcn")?.verdict == .invalid)
    default: break
    }
  }

  @Test("a duplicate Id is refused before any signature is verified")
  func duplicateID() throws {
    let pki = try TestPKI.shared.get()
    let text = try Self.five.get().text
    let wrapped = text.replacingFirst(
      "<DSCKS>", with: "<DSCKS><CKS VaiTro=\"ht\"><W xmlns=\"urn:x\" Id=\"mh-toan\"/></CKS>")
    #expect(throws: SigningError.duplicateID("mh-toan")) {
      try RecordVerifier.verify(wrapped.bytes, trust: try pki.trustStore())
    }
    let xmlID = text.replacingFirst("<DSCKS>", with: "<DSCKS><W xmlns=\"urn:x\" xml:id=\"data\"/>")
    #expect(throws: SigningError.duplicateID("data")) {
      try RecordVerifier.verify(xmlID.bytes, trust: try pki.trustStore())
    }
  }
}
