import Foundation
import RecordSigning
import Testing

/// The same signatures checked by two verifiers that share no code with hocba's signing path:
/// the xmlsec1 CLI (OpenSSL) and Python signxml (cryptography).
@Suite("Independent verifiers")
struct IndependentVerifierTests {
  /// (Id, CKS role, subject code, number of references).
  static let signatures: [(String, String, String, Int)] = [
    ("sig-gvmh-toan", "gvmh", "toan", 2), ("sig-gvcn", "gvcn", "-", 2), ("sig-ht", "ht", "-", 3),
    ("sig-dvi", "dvi", "-", 5),
  ]

  static func xmlsec1Arguments(_ pki: TestPKI, file: String, id: String) -> [String] {
    [
      "--verify", "--id-attr:Id", "urn:hocba:xml:1.0:DLHocBa", "--id-attr:Id", "urn:hocba:xml:1.0:MonHoc",
      "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Signature",
      "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Object", "--enabled-key-data", "x509",
      "--enabled-reference-uris", "same-doc", "--trusted-pem", pki.rootPEM.path, "--untrusted-pem",
      pki.intermediatePEM.path, "--node-id", id, file,
    ]
  }

  @Test("xmlsec1 CLI verifies every signature, one at a time")
  func xmlsec1() throws {
    guard Tools.require("xmlsec1") != nil else { return }
    let sample = try SignedSample.get()
    let directory = try Tools.temporaryDirectory("xmlsec1")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("signed.xml")
    try Data(sample.final).write(to: file)
    for (id, _, _, references) in Self.signatures {
      let output = try Tools.run("xmlsec1", Self.xmlsec1Arguments(sample.pki, file: file.path, id: id))
      #expect(output.status == 0, "\(id): \(output.stderr.suffix(600))")
      #expect(output.stderr.contains("SignedInfo References (ok/all): \(references)/\(references)"), "\(id)")
    }
  }

  @Test("signxml verifies every signature by its slot, with the expected number of references")
  func signxml() throws {
    guard Tools.require("python3") != nil else { return }
    let probe = try Tools.run("python3", ["-c", "import signxml"])
    guard probe.status == 0 else {
      Issue.record("signxml is not installed: run scripts/setup.sh (pip install -r requirements-test.txt)")
      return
    }
    let sample = try SignedSample.get()
    let directory = try Tools.temporaryDirectory("signxml")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("signed.xml")
    try Data(sample.final).write(to: file)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("verify_signxml.py")
    // signxml builds the chain itself: give it the root and the intermediate as one CA file.
    let bundle = directory.appendingPathComponent("cas.pem")
    try Data(contentsOf: sample.pki.rootPEM).write(to: bundle)
    let handle = try FileHandle(forWritingTo: bundle)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(contentsOf: sample.pki.intermediatePEM))
    try handle.close()
    for (id, role, code, references) in Self.signatures {
      let output = try Tools.run(
        "python3", [script.path, file.path, bundle.path, role, code, String(references)])
      #expect(output.status == 0, "\(id): \(output.stdout) \(output.stderr.suffix(600))")
    }
  }
}
