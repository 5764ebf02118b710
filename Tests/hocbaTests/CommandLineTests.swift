import Foundation
import Testing

/// End-to-end tests of the built binary: exit codes, languages, the demo, export/import and audit verify.
@Suite(.serialized) struct CommandLineTests {
  @Test func helpIsVietnameseByDefaultAndEnglishOnRequest() throws {
    let scratch = try Scratch()
    let vietnamese = try CommandRunner.hocba(["--help"], in: scratch.url)
    #expect(vietnamese.status == 0)
    #expect(vietnamese.stdout.contains("Số hoá học bạ giấy"))
    let english = try CommandRunner.hocba(["--help", "--lang", "en"], in: scratch.url)
    #expect(english.stdout.contains("Digitize paper học bạ"))
    let fromLang = try CommandRunner.hocba(["--help"], in: scratch.url, environment: ["LANG": "en_US.UTF-8"])
    #expect(fromLang.stdout.contains("Digitize paper học bạ"))
  }

  @Test func missingDatabaseExits66AndNamesTheFile() throws {
    let scratch = try Scratch()
    let result = try CommandRunner.hocba(["status", "--db", "khong-co.sqlite"], in: scratch.url)
    #expect(result.status == 66)
    #expect(result.stderr.contains("khong-co.sqlite"))
    #expect(result.stderr.contains("hocba init"))
  }

  @Test func usageErrorsExit64() throws {
    let scratch = try Scratch()
    let result = try CommandRunner.hocba(
      ["init", "--name", "Trường A", "--code", "1", "--province", "Hà Nội", "--signing-policy", "bừa"], in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stderr.contains("--signing-policy"))
  }

  @Test func mappingCheckAcceptsTheShippedTemplatesAndNamesTheFaultInABrokenOne() throws {
    let scratch = try Scratch()
    let shipped = try FileManager.default.contentsOfDirectory(atPath: ImportCommandTests.mappings)
      .filter { $0.hasSuffix(".json") }.sorted().map { ImportCommandTests.mappings + "/" + $0 }
    #expect(shipped.count == 4)
    let good = try CommandRunner.hocba(["mapping", "check"] + shipped, in: scratch.url)
    #expect(good.status == 0, "\(good.stderr)")
    #expect(good.stdout.components(separatedBy: "✓").count - 1 == shipped.count)
    // A template whose field names a profile it does not define: refused, naming the file and the key.
    let broken = try String(contentsOfFile: shipped[0], encoding: .utf8)
      .replacingOccurrences(of: "\"profile\": \"date\"", with: "\"profile\": \"ngay-thang\"")
    try broken.write(toFile: scratch.path("mau-loi.json"), atomically: true, encoding: .utf8)
    let bad = try CommandRunner.hocba(["mapping", "check", "mau-loi.json", shipped[1]], in: scratch.url)
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("mau-loi.json"))
    #expect(bad.stderr.contains("profile \"ngay-thang\""))
    #expect(bad.stdout.contains("✓"), "the other file is still checked")
  }

  @Test func demoCreatesDatabaseExportsValidXMLAndIsIdempotent() throws {
    let scratch = try Scratch()
    let first = try CommandRunner.hocba(["demo"], in: scratch.url)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(FileManager.default.fileExists(atPath: scratch.path("hocba.sqlite")))
    let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out/xml")).filter {
      $0.hasSuffix(".xml")
    }
    #expect(files.count == 3)
    // It ends with what to do next: where the XML went and the review station, with the real count.
    #expect(first.stderr.contains("Bước tiếp theo:"))
    #expect(first.stderr.contains("Tệp XML đã ở out/xml/"))
    #expect(first.stderr.contains("hocba review"))
    let english = try CommandRunner.hocba(["demo", "--lang", "en"], in: scratch.url)
    #expect(english.stderr.contains("Next steps:"))
    #expect(english.stderr.contains("fields await review: swift run hocba review"))
    let second = try CommandRunner.hocba(["demo"], in: scratch.url)
    #expect(second.status == 0)
    #expect(second.stderr.contains("3 hồ sơ đã có"))
    let status = try CommandRunner.hocba(["status", "--json"], in: scratch.url)
    #expect(status.status == 0)
    #expect(status.stdout.contains("\"records\":3"))
    #expect(status.stdout.contains("\"imported\":3"))
  }

  @Test func exportedXMLImportsIntoAnotherSchoolAndExportsIdentically() throws {
    let scratch = try Scratch()
    #expect(try CommandRunner.hocba(["demo"], in: scratch.url).status == 0)
    let exported = try FileManager.default.contentsOfDirectory(atPath: scratch.path("out/xml")).sorted()
    let original = scratch.path("out/xml/" + exported[0])
    let other = ["--db", "other.sqlite"]
    #expect(
      try CommandRunner.hocba(
        ["init", "--name", "Trường THPT Mẫu", "--code", "99", "--province", "Ninh Bình"] + other, in: scratch.url
      ).status == 0)
    let imported = try CommandRunner.hocba(["import-xml", original] + other, in: scratch.url)
    #expect(imported.status == 0, "\(imported.stderr)")
    let again = try CommandRunner.hocba(["import-xml", original] + other, in: scratch.url)
    #expect(again.status == 77, "a second import of the same student and year is refused")
    #expect(try CommandRunner.hocba(["export", "--xml", "again"] + other, in: scratch.url).status == 0)
    let reexported = try FileManager.default.contentsOfDirectory(atPath: scratch.path("again"))
    #expect(reexported.count == 1)
    let before = try Data(contentsOf: URL(fileURLWithPath: original))
    let after = try Data(contentsOf: URL(fileURLWithPath: scratch.path("again/" + reexported[0])))
    #expect(before == after)
  }

  @Test func hostileXMLIsRefusedWithExit65NamingTheFile() throws {
    let scratch = try Scratch()
    #expect(try CommandRunner.hocba(["demo"], in: scratch.url).status == 0)
    let hostile = """
      <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\
      <HocBa xmlns="urn:hocba:xml:1.0">&lol2;</HocBa>
      """
    try hostile.write(toFile: scratch.path("doc-xau.xml"), atomically: true, encoding: .utf8)
    let result = try CommandRunner.hocba(["import-xml", "doc-xau.xml"], in: scratch.url)
    #expect(result.status == 65)
    #expect(result.stderr.contains("doc-xau.xml"))
  }

  @Test func exportOfAnUnknownRecordExits66() throws {
    let scratch = try Scratch()
    #expect(try CommandRunner.hocba(["demo"], in: scratch.url).status == 0)
    let result = try CommandRunner.hocba(["export", "--xml", "x", "--record", "999"], in: scratch.url)
    #expect(result.status == 66)
    #expect(result.stderr.contains("999"))
  }

  @Test func auditVerifyFailsAndNamesTheRowEditedWithTheSQLiteCLI() throws {
    let scratch = try Scratch()
    #expect(try CommandRunner.hocba(["demo"], in: scratch.url).status == 0)
    let intact = try CommandRunner.hocba(["audit", "verify"], in: scratch.url)
    #expect(intact.status == 0, "\(intact.stderr)")
    // An attacker with the sqlite3 CLI: drop the append-only triggers, then rewrite one row.
    let triggers = try CommandRunner.tool(
      "sqlite3", ["hocba.sqlite", "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log';"],
      in: scratch.url
    ).stdout.split(separator: "\n")
    #expect(!triggers.isEmpty, "the audit log must be protected by triggers")
    let drops = triggers.map { "DROP TRIGGER \($0);" }.joined()
    let edit = try CommandRunner.tool(
      "sqlite3", ["hocba.sqlite", drops + "UPDATE audit_log SET actor = 'ke-gian' WHERE id = 2;"], in: scratch.url)
    #expect(edit.status == 0, "\(edit.stderr)")
    let broken = try CommandRunner.hocba(["audit", "verify"], in: scratch.url)
    #expect(broken.status == 3)
    #expect(broken.stderr.contains("dòng 2"))
  }

  @Test func englishMessagesFromTheLangFlag() throws {
    let scratch = try Scratch()
    let result = try CommandRunner.hocba(["status", "--lang", "en"], in: scratch.url)
    #expect(result.status == 66)
    #expect(result.stderr.contains("not found"))
  }
}
