import Foundation
import HocBaModel
import HocBaSamples
import RecordSigning
import RecordXML
import ReviewStore
import Testing

/// `hocba sign`, `verify`, `trust`, `staff certificate` end to end, with a PKI and a SoftHSM2 token made here.
@Suite("Signing commands", .serialized)
struct SigningCommandTests {
  /// A school database with the trust store and the staff registered.
  final class School {
    let scratch = try! Scratch()
    let pki: SigningPKI
    var db: String { scratch.path("hocba.sqlite") }

    /// `bare`: an empty folder, not yet initialised (the caller runs `init` itself).
    init(bare: Bool = false) throws {
      pki = try SigningPKI.shared.get()
      if bare { return }
      try ok(["init", "--name", "Trường THCS Đại An", "--code", "DA01", "--province", "Ninh Bình"])
      try ok(["trust", "add", pki.file("ca.pem"), pki.file("inter.pem"), pki.file("crl.pem")])
      try ok(["staff", "add", "--name", "Lê Văn Hiệu", "--role", "principal", "--certificate", pki.pem("principal")])
      try ok(["staff", "add", "--name", "Trần Văn Thư", "--role", "clerk", "--certificate", pki.pem("school")])
      let math = try ok([
        "staff", "add", "--name", "Đỗ Văn Minh", "--role", "subject_teacher", "--subjects", "toan",
      ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      try ok(["staff", "certificate", math, pki.pem("math")])
    }

    /// Runs hocba with `--db`; `pin` goes to standard input for `--pin-fd 0`.
    func run(_ arguments: [String], pin: String? = nil, environment extra: [String: String] = [:]) throws
      -> CommandRunner.Result
    {
      let process = Process()
      process.executableURL = CommandRunner.hocba
      process.arguments = arguments + ["--db", db]
      process.currentDirectoryURL = scratch.url
      process.environment = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
      ].merging(pki.environment) { $1 }.merging(extra) { $1 }
      if let pin { process.standardInput = FileHandle(forReadingAtPath: try pki.secretFile(pin)) }
      let out = scratch.url.appendingPathComponent("out-\(UUID().uuidString)")
      let err = scratch.url.appendingPathComponent("err-\(UUID().uuidString)")
      FileManager.default.createFile(atPath: out.path, contents: nil)
      FileManager.default.createFile(atPath: err.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: out)
      process.standardError = try FileHandle(forWritingTo: err)
      try process.run()
      process.waitUntilExit()
      return CommandRunner.Result(
        status: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    @discardableResult
    func ok(_ arguments: [String], pin: String? = nil, environment: [String: String] = [:]) throws
      -> CommandRunner.Result
    {
      let result = try run(arguments, pin: pin, environment: environment)
      #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
      return result
    }

    /// Imports a record from XML and moves it to approved through the store (principal approval has no
    /// command yet); returns its id.
    func approvedRecord(_ record: SchoolYearRecord) throws -> Int64 {
      let file = scratch.path("in-\(UUID().uuidString).xml")
      try Data(try RecordXML.export(record)).write(to: URL(fileURLWithPath: file))
      let id = try #require(Int64(try ok(["import-xml", file]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
      try approve(id)
      return id
    }

    func approve(_ id: Int64) throws {
      let store = try ReviewDatabase.open(path: db)
      var state = try #require(try store.record(id: id)).state
      for next in [RecordState.inReview, .reviewed, .approved] where state.canMove(to: next) {
        try store.transition(recordID: id, to: next, actor: "test", reason: "test approval")
        state = next
      }
    }

    func signPrincipalAndSchool() throws {
      try ok(["sign", "--as", "principal", "--key", pki.p12("principal"), "--pin-fd", "0", "--yes"], pin: pki.password)
      try ok(
        [
          "sign", "--as", "school", "--key", pki.tokenURI, "--module", SigningPKI.softHSMModule, "--pin-fd", "0",
          "--yes",
        ],
        pin: pki.tokenPIN)
    }
  }

  static func departed() -> SchoolYearRecord {
    var record = SampleRecords.tt22Secondary
    record.provenance.digitizationCase = .departedTeacherContent(subjectCodes: ["toan"])
    return record
  }

  static func transfer() -> SchoolYearRecord {
    var record = SampleRecords.tt22Upper
    record.provenance.digitizationCase = .incomingTransfer(originSchool: SchoolRef(name: "Trường THCS Hoa Lư"))
    return record
  }

  @Test("principal (PKCS#12) and school (SoftHSM2) sign; export, verify, independent verifiers, one-digit change")
  func signExportVerify() throws {
    let school = try School()
    let departed = try school.approvedRecord(Self.departed())
    let transfer = try school.approvedRecord(Self.transfer())
    try school.signPrincipalAndSchool()
    let store = try ReviewDatabase.open(path: school.db)
    #expect(try store.record(id: departed)?.state == .sealed)
    #expect(try store.record(id: transfer)?.state == .sealed)

    try school.ok(["export", "--xml", school.scratch.path("out")])
    let files = try FileManager.default.contentsOfDirectory(atPath: school.scratch.path("out")).sorted()
      .map { school.scratch.path("out/\($0)") }
    #expect(files.count == 2)
    let verified = try school.ok(["verify"] + files)
    #expect(verified.stdout.contains("HỢP LỆ") && !verified.stdout.contains("KHÔNG"), "\(verified.stdout)")
    let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
    #expect(texts.contains { $0.contains("<ThayThe><NguoiKy>Lê Văn Hiệu</NguoiKy><MonHoc>toan</MonHoc>") })
    #expect(texts.contains { $0.contains("<XNChuyenDen><VanThu>Trần Văn Thư</VanThu>") })
    for file in files { try Self.independentlyVerified(file, pki: school.pki) }

    let departedFile = try #require(files.first { $0.contains("hocba-\(departed)-") })
    let tampered = school.scratch.path("tampered.xml")
    try texts[files.firstIndex(of: departedFile)!].replacingOccurrences(of: "<HK1>6.6</HK1>", with: "<HK1>9.6</HK1>")
      .write(toFile: tampered, atomically: true, encoding: .utf8)
    let refused = try school.run(["verify", tampered, "--lang", "en"])
    #expect(refused.status == 3)
    #expect(refused.stdout.contains("sig-ht (principal) — CN=Lê Văn Hiệu,O=Trường THCS Đại An,C=VN: INVALID"))
    #expect(refused.stdout.contains("b. Content not altered: FAILED"))
    #expect(refused.stdout.contains("sig-dvi (school)") && refused.stdout.contains("School signing policy: FAILED"))

    // Sealed: the database refuses changes; a correction is a new version that supersedes the sealed one.
    let sealed = try #require(try store.record(id: departed))
    #expect(throws: StoreError.sealed(recordID: departed)) {
      try store.updateRecord(id: departed, sealed.record, actor: "test", reason: "x")
    }
    let noReason = try school.run(["correct", "\(departed)", "--reason", " "])
    #expect(noReason.status == 64)
    let corrected = try school.ok(["correct", "\(departed)", "--reason", "Sai điểm Toán HK1"])
    let correction = try #require(Int64(corrected.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(try school.run(["correct", "\(departed)", "--reason", "lần hai"]).status != 0, "replaced only once")
    #expect(try store.recordVersion(correction)?.version == 2)
    #expect(try store.recordVersion(departed)?.supersededBy == correction)
    #expect(try store.record(id: departed)?.state == .sealed)
    #expect(try store.signedDocument(recordID: departed) != nil)
    try store.updateRecord(id: correction, sealed.record, actor: "test", reason: "correction")
  }

  @Test("sign refuses unapproved records and a certificate registered for another role")
  func signRefusals() throws {
    let school = try School()
    let file = school.scratch.path("plain.xml")
    try Data(try RecordXML.export(Self.transfer())).write(to: URL(fileURLWithPath: file))
    let id = try school.ok(["import-xml", file]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let unapproved = try school.run(
      ["sign", "--as", "principal", "--key", school.pki.p12("principal"), "--record", id, "--pin-fd", "0", "--yes"],
      pin: school.pki.password)
    #expect(unapproved.status == 77, "\(unapproved.stderr)")
    try school.approve(try #require(Int64(id)))
    let wrongRole = try school.run(
      ["sign", "--as", "principal", "--key", school.pki.p12("math"), "--pin-fd", "0", "--yes", "--lang", "en"],
      pin: school.pki.password)
    #expect(wrongRole.status == 77 && wrongRole.stderr.contains("not registered"), "\(wrongRole.stderr)")
    let early = try school.run(
      ["sign", "--as", "school", "--key", school.pki.p12("school"), "--pin-fd", "0", "--yes", "--lang", "en"],
      pin: school.pki.password)
    #expect(early.status != 0 && early.stderr.contains("sig-ht"), "\(early.stderr)")
  }

  /// Bad principal signatures (made in process), each refused by `hocba verify` with its reason.
  enum Bad: String, CaseIterable, CustomTestStringConvertible {
    case expired, notyet, encipher, revoked, untrusted, wrongRole, sha1, keyValue
    var testDescription: String { rawValue }
    var identity: String {
      switch self {
      case .wrongRole: "math"
      case .sha1, .keyValue: "principal"
      default: rawValue
      }
    }
    var expected: String {
      switch self {
      case .expired: "certificateExpired"
      case .notyet: "certificateNotYetValid"
      case .encipher: "keyUsageNotAllowed"
      case .revoked: "certificateRevoked"
      case .untrusted: "certificateUntrusted"
      case .wrongRole: "who does not hold this signing role"
      case .sha1: "weakAlgorithm"
      case .keyValue: "keyValueNotAllowed"
      }
    }
  }

  @Test("verify refuses each bad signature with its reason", arguments: Bad.allCases)
  func verifyRefuses(_ bad: Bad) throws {
    let school = try School()
    let pki = school.pki
    func signer(_ name: String) throws -> PKCS12Signer {
      try PKCS12Signer(file: URL(fileURLWithPath: pki.p12(name)), password: Secret(pki.password))
    }
    var bytes = try RecordXML.export(Self.transfer())
    bytes = try RecordSigner.sign(bytes, slot: .principal, signer: try signer(bad.identity))
    var text = String(decoding: bytes, as: UTF8.self)
    if bad == .sha1 {
      text = text.replacingOccurrences(
        of: SignatureAlgorithm.rsaSHA256.uri, with: SignatureAlgorithm.rsaSHA1.uri)
    } else if bad == .keyValue, let start = text.range(of: "<KeyInfo>"), let end = text.range(of: "</KeyInfo>") {
      text.replaceSubrange(
        start.lowerBound..<end.upperBound,
        with: "<KeyInfo><KeyValue><RSAKeyValue><Modulus>AQAB</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>"
          + "</KeyValue></KeyInfo>")
    }
    let signed = try RecordSigner.sign(Array(text.utf8), slot: .school, signer: try signer("school"))
    let file = school.scratch.path("bad.xml")
    try Data(signed).write(to: URL(fileURLWithPath: file))
    let result = try school.run(["verify", file, "--json", "--lang", "en"])
    #expect(result.status == 3)
    #expect(result.stdout.contains(bad.expected), "\(result.stdout.prefix(3000))")
    let human = try school.run(["verify", file])
    #expect(human.stdout.contains("sig-ht") && human.stdout.contains("KHÔNG"), "\(human.stdout)")
  }

  /// Every signature of `file` verifies with the xmlsec1 CLI and with Python signxml.
  static func independentlyVerified(_ file: String, pki: SigningPKI) throws {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let ids = text.components(separatedBy: "Id=\"sig-").dropFirst().compactMap { $0.split(separator: "\"").first }
      .map { "sig-\($0)" }
    #expect(ids.count >= 2)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("RecordSigningTests/verify_signxml.py").path
    let bundle = pki.file("cas.pem")
    try
      (String(contentsOfFile: pki.file("ca.pem"), encoding: .utf8)
      + String(contentsOfFile: pki.file("inter.pem"), encoding: .utf8)).write(
        toFile: bundle, atomically: true, encoding: .utf8)
    let directory = URL(fileURLWithPath: pki.file("."))
    for id in ids {
      let xmlsec = try CommandRunner.tool(
        "xmlsec1",
        [
          "--verify", "--id-attr:Id", "urn:hocba:xml:1.0:DLHocBa", "--id-attr:Id", "urn:hocba:xml:1.0:MonHoc",
          "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Signature", "--id-attr:Id",
          "http://www.w3.org/2000/09/xmldsig#:Object", "--enabled-key-data", "x509", "--enabled-reference-uris",
          "same-doc", "--trusted-pem", pki.file("ca.pem"), "--untrusted-pem", pki.file("inter.pem"), "--node-id", id,
          file,
        ], in: directory)
      #expect(xmlsec.status == 0, "xmlsec1 \(id): \(xmlsec.stderr.suffix(400))")
      let role = id == "sig-dvi" ? "dvi" : "ht"
      let references = id == "sig-dvi" ? ids.count + 1 : 2
      let signxml = try CommandRunner.tool(
        "python3", [script, file, bundle, role, "-", String(references)], in: directory)
      #expect(signxml.status == 0, "signxml \(id): \(signxml.stdout) \(signxml.stderr.suffix(400))")
    }
  }
}
