import Foundation
import RecordSigning
import Testing

/// A real PKCS#11 token (SoftHSM2) signs as the school, through OpenSSL 3 + the libp11 engine. `SOFTHSM2_CONF`
/// points at a temporary token directory, so the system token store is never touched.
@Suite("PKCS#11 token (SoftHSM2)")
struct PKCS11SignerTests {
  static let softHSMModule = "/usr/lib/softhsm/libsofthsm2.so"

  @Test("the school signs with a key on the token; all four signatures verify")
  func schoolSignsOnToken() throws {
    guard Tools.require("softhsm2-util") != nil, Tools.require("pkcs11-tool") != nil else { return }
    guard FileManager.default.fileExists(atPath: Self.softHSMModule),
      FileManager.default.fileExists(atPath: PKCS11Signer.defaultEnginePath)
    else {
      Issue.record("SoftHSM2 or the libp11 engine is missing: run scripts/setup.sh")
      return
    }
    let sample = try SignedSample.get()
    let pki = sample.pki
    let directory = try Tools.temporaryDirectory("softhsm")
    defer { try? FileManager.default.removeItem(at: directory) }
    let tokens = directory.appendingPathComponent("tokens")
    try FileManager.default.createDirectory(at: tokens, withIntermediateDirectories: true)
    let config = directory.appendingPathComponent("softhsm2.conf")
    try "directories.tokendir = \(tokens.path)\nobjectstore.backend = file\nlog.level = ERROR\n"
      .write(to: config, atomically: true, encoding: .utf8)
    setenv("SOFTHSM2_CONF", config.path, 1)
    let environment = ["SOFTHSM2_CONF": config.path]
    let pin = String(UUID().uuidString.prefix(8))
    try Tools.check(
      "softhsm2-util",
      ["--init-token", "--free", "--label", "hocba-school", "--so-pin", pin + "so", "--pin", pin],
      environment: environment)
    let keyDER = directory.appendingPathComponent("school-key.der")
    let certDER = directory.appendingPathComponent("school-cert.der")
    try Tools.check("openssl", ["pkey", "-in", pki.keyPEM(.school).path, "-outform", "DER", "-out", keyDER.path])
    try Tools.check(
      "openssl", ["x509", "-in", pki.certificatePEM(.school).path, "-outform", "DER", "-out", certDER.path])
    for (file, type) in [(keyDER, "privkey"), (certDER, "cert")] {
      try Tools.check(
        "pkcs11-tool",
        [
          "--module", Self.softHSMModule, "--token-label", "hocba-school", "--login", "--pin", pin,
          "--write-object", file.path, "--type", type, "--id", "01", "--label", "school",
        ], environment: environment)
    }
    let signer = try PKCS11Signer(
      uri: "pkcs11:token=hocba-school;object=school;type=private", pin: Secret(pin), modulePath: Self.softHSMModule,
      intermediates: try Certificate.load(file: pki.intermediatePEM))
    #expect(signer.certificateChain.count == 2)
    #expect(signer.certificateChain.first?.subject.contains("Trường THCS Đại An") == true)
    let beforeSchool = sample.steps[2]
    let signed = try RecordSigner.sign(beforeSchool, slot: .school, signer: signer)
    let report = try RecordVerifier.verify(signed, trust: try pki.trustStore())
    #expect(report.allValid, "\(report.signatures.map { ($0.id ?? "?", $0.reasons) })")
    #expect(report.signature("sig-dvi")?.verifiedReferences.count == 5)

    #expect(throws: CryptoError.self) {
      _ = try PKCS11Signer(
        uri: "pkcs11:token=hocba-school;object=school;type=private", pin: Secret("000000"),
        modulePath: Self.softHSMModule)
    }
  }
}
