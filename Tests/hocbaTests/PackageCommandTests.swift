import Foundation
import HocBaModel
import HocBaSamples
import RecordPackage
import RecordXML
import ReviewStore
import Testing

/// `hocba export --package` and `verify-package` end to end: a sending school seals two records, a receiving
/// school that holds only the trust store verifies the package, and every tamper is caught with its reason.
@Suite("Package commands", .serialized)
struct PackageCommandTests {
  typealias School = SigningCommandTests.School

  /// A receiving school: its own database with only the trust store (no staff of the sender).
  static func receiver(_ pki: SigningPKI) throws -> School {
    let other = try School(bare: true)
    try other.ok(["init", "--name", "Trường THCS Nhận", "--code", "NH02", "--province", "Ninh Bình"])
    try other.ok(["trust", "add", pki.file("ca.pem"), pki.file("inter.pem"), pki.file("crl.pem")])
    return other
  }

  /// A sending school with two sealed records and one imported only; returns it and the package path.
  static func sender() throws -> (School, String) {
    let school = try School()
    _ = try school.approvedRecord(SigningCommandTests.departed())
    _ = try school.approvedRecord(SigningCommandTests.transfer())
    try school.signPrincipalAndSchool()
    let file = school.scratch.path("in-plain.xml")
    try Data(try RecordXML.export(SampleRecords.tt58Secondary)).write(to: URL(fileURLWithPath: file))
    try school.ok(["import-xml", file])
    let package = school.scratch.path("out.zip")
    try school.ok(["export", "--package", package, "--state", "sealed"])
    return (school, package)
  }

  @Test("a package of sealed records is deterministic and VALID on another school's database")
  func valid() throws {
    let (school, package) = try Self.sender()
    let again = school.scratch.path("again.zip")
    try school.ok(["export", "--package", again, "--state", "sealed"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: package)) == Data(contentsOf: URL(fileURLWithPath: again)))
    let listing = try CommandRunner.tool("unzip", ["-l", package], in: school.scratch.url).stdout
    #expect(listing.contains("manifest.json") && listing.contains("records/hocba-1-"), "\(listing)")
    let opened = try RecordPackage.open(Array(try Data(contentsOf: URL(fileURLWithPath: package))))
    #expect(opened.manifest.records.count == 2 && opened.manifest.countsByState == ["sealed": 2])
    #expect(opened.manifest.school.code == "DA01" && opened.manifest.files.count == 2)

    let receiver = try Self.receiver(school.pki)
    let verified = try receiver.run(["verify-package", package, "--lang", "en"])
    #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    #expect(verified.stdout.contains("\(package): VALID"))
    let json = try receiver.run(["verify-package", package, "--json"])
    #expect(json.status == 0 && json.stdout.contains("\"valid\" : true"), "\(json.stdout)")

    let all = school.scratch.path("all.zip")
    try school.ok(["export", "--package", all])
    let unsealed = try receiver.run(["verify-package", all, "--lang", "en"])
    #expect(unsealed.status == 3 && unsealed.stdout.contains("the record is not sealed"), "\(unsealed.stdout)")
  }

  /// Rewrites `package` through `change` (files by path, manifest) into a new archive.
  static func tampered(
    _ package: String, in school: School, name: String,
    _ change: (inout [(path: String, bytes: [UInt8])]) throws -> Void
  ) throws -> String {
    var entries = try ZipReader.entries(Array(try Data(contentsOf: URL(fileURLWithPath: package))))
    try change(&entries)
    let path = school.scratch.path(name)
    try Data(ZipWriter.archive(entries)).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("added, removed, changed files, an edited manifest, a re-hashed change and ../ are all refused")
  func tampers() throws {
    let (school, package) = try Self.sender()
    let receiver = try Self.receiver(school.pki)
    func refused(_ path: String, status: Int32 = 3, _ expected: String) throws {
      let result = try receiver.run(["verify-package", path, "--lang", "en"])
      #expect(result.status == status, "\(expected): \(result.stdout)\(result.stderr)")
      #expect((result.stdout + result.stderr).contains(expected), "\(result.stdout)\(result.stderr)")
    }
    func record(_ entries: [(path: String, bytes: [UInt8])]) -> Int {
      entries.firstIndex { $0.path.hasPrefix("records/") }!
    }
    try refused(
      try Self.tampered(package, in: school, name: "added.zip") { $0.append(("records/extra.xml", [60, 97, 47, 62])) },
      "records/extra.xml is not in the manifest")
    try refused(
      try Self.tampered(package, in: school, name: "removed.zip") { $0.remove(at: record($0)) }, "is missing")
    try refused(
      try Self.tampered(package, in: school, name: "changed.zip") { entries in
        let index = record(entries)
        entries[index].bytes = Array(
          String(decoding: entries[index].bytes, as: UTF8.self).replacingOccurrences(
            of: "<HK1>6.6</HK1>", with: "<HK1>9.6</HK1>"
          ).utf8)
      }, "was changed (SHA-256 differs)")
    try refused(
      try Self.tampered(package, in: school, name: "manifest.zip") { entries in
        let index = entries.firstIndex { $0.path == "manifest.json" }!
        entries[index].bytes = Array(
          String(decoding: entries[index].bytes, as: UTF8.self).replacingOccurrences(
            of: "\"sealed\" : 2", with: "\"sealed\" : 3"
          )
          .utf8)
      }, "manifest.json contradicts itself (countsByState)")
    // A change with the manifest's hashes recomputed: only the signatures catch it.
    let opened = try RecordPackage.open(Array(try Data(contentsOf: URL(fileURLWithPath: package))))
    var files = opened.files.map { (path: $0.key, bytes: $0.value) }.sorted { $0.path < $1.path }
    let index = record(files)
    files[index].bytes = Array(
      String(decoding: files[index].bytes, as: UTF8.self).replacingOccurrences(
        of: "<HK1>6.6</HK1>", with: "<HK1>9.6</HK1>"
      ).utf8)
    let rehashed = school.scratch.path("rehashed.zip")
    try Data(try RecordPackage.build(manifest: opened.manifest, files: files)).write(to: URL(fileURLWithPath: rehashed))
    try refused(rehashed, "a signature is not valid")
    try refused(
      try Self.tampered(package, in: school, name: "escape.zip") { $0.append(("../escape.xml", [1])) }, status: 77,
      "unsafe path")
    try refused(school.scratch.path("missing.zip"), status: 66, "not found")
  }

  @Test("import-package stores valid records with their signed original and quarantines a tampered package")
  func importPackage() throws {
    let (school, package) = try Self.sender()
    let receiver = try Self.receiver(school.pki)
    let changed = try Self.tampered(package, in: school, name: "changed.zip") { entries in
      let index = entries.firstIndex { $0.path.hasPrefix("records/") }!
      entries[index].bytes = Array(
        String(decoding: entries[index].bytes, as: UTF8.self).replacingOccurrences(
          of: "<HK1>6.6</HK1>", with: "<HK1>9.6</HK1>"
        ).utf8)
    }
    let refused = try receiver.run(["import-package", changed, "--lang", "en"])
    #expect(refused.status == 3 && refused.stderr.contains("refused"), "\(refused.stderr)")
    #expect(try receiver.scratch.sql("SELECT count(*) FROM record") == "0")
    #expect(try receiver.scratch.sql("SELECT count(*) FROM incoming_document WHERE record_id IS NULL") == "2")

    let accepted = try receiver.ok(["import-package", package])
    let ids = accepted.stdout.split(separator: "\n").compactMap { Int64($0) }
    #expect(ids.count == 2)
    let store = try ReviewDatabase.open(path: receiver.db)
    let opened = try RecordPackage.open(Array(try Data(contentsOf: URL(fileURLWithPath: package))))
    for id in ids {
      #expect(try store.record(id: id)?.state == .imported)
      let original = try #require(try store.incomingDocument(recordID: id))
      #expect(opened.files.values.contains(original), "signed original kept byte for byte")
    }
    #expect(try receiver.scratch.sql("UPDATE incoming_document SET source = 'x'").isEmpty)
    #expect(try receiver.scratch.sql("SELECT count(*) FROM incoming_document WHERE source = 'x'") == "0")
    #expect(try receiver.run(["audit", "verify"]).status == 0)
  }

  @Test("import-xml verifies a signed file: valid stored with its original, tampered refused and quarantined")
  func importSignedXML() throws {
    let (school, package) = try Self.sender()
    let receiver = try Self.receiver(school.pki)
    let entries = try ZipReader.entries(Array(try Data(contentsOf: URL(fileURLWithPath: package))))
    let signed = try #require(entries.first { $0.path.hasPrefix("records/") })
    let good = receiver.scratch.path("good.xml")
    try Data(signed.bytes).write(to: URL(fileURLWithPath: good))
    let bad = receiver.scratch.path("bad.xml")
    try String(decoding: signed.bytes, as: UTF8.self).replacingOccurrences(of: "<HK1>6.6</HK1>", with: "<HK1>9.6</HK1>")
      .write(toFile: bad, atomically: true, encoding: .utf8)
    let refused = try receiver.run(["import-xml", bad, "--lang", "en"])
    #expect(refused.status == 3 && refused.stderr.contains("a signature is not valid"), "\(refused.stderr)")
    #expect(try receiver.scratch.sql("SELECT count(*) FROM incoming_document WHERE record_id IS NULL") == "1")
    let id = try #require(
      Int64(try receiver.ok(["import-xml", good]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    let store = try ReviewDatabase.open(path: receiver.db)
    #expect(try store.incomingDocument(recordID: id) == signed.bytes)
  }
}
