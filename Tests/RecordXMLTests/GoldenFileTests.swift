import Foundation
import HocBaModel
import Testing

@testable import RecordXML

/// Export output is compared byte for byte with the committed golden files, which also pass `xmllint`.
@Suite("Golden files")
struct GoldenFileTests {
  @Test("export matches the golden file", arguments: Fixtures.goldens.map(\.name))
  func exportMatchesGolden(name: String) throws {
    let record = try #require(Fixtures.goldens.first { $0.name == name }?.record)
    let exported = try RecordXML.export(record)
    if ProcessInfo.processInfo.environment["HOCBA_UPDATE_GOLDEN"] == "1" {
      try Data(exported).write(to: Fixtures.sourceURL("Golden", name))
      return
    }
    let golden = try #require(
      Fixtures.bytes("Golden", name), "missing Golden/\(name): run with HOCBA_UPDATE_GOLDEN=1 to create it")
    #expect(exported == golden, "export differs from Golden/\(name); if intended, rerun with HOCBA_UPDATE_GOLDEN=1")
  }

  @Test("export is deterministic")
  func deterministic() throws {
    for (_, record) in Fixtures.goldens {
      #expect(try RecordXML.export(record) == RecordXML.export(record))
    }
  }

  @Test("golden validates in process", arguments: Fixtures.goldens.map(\.name))
  func validatesInProcess(name: String) throws {
    let golden = try #require(Fixtures.bytes("Golden", name))
    let document = try LibXMLDocument.parse(golden, source: name)
    #expect(try SchemaValidator.validate(document).isEmpty)
  }

  @Test("golden validates with xmllint --schema", arguments: Fixtures.goldens.map(\.name))
  func validatesWithXmllint(name: String) throws {
    guard let xmllint = Fixtures.xmllint else {
      Issue.record("xmllint is missing (Debian package libxml2-utils): run scripts/setup.sh")
      return
    }
    let result = try Fixtures.runXmllint(xmllint, file: Fixtures.url("Golden", name))
    #expect(result.status == 0, "xmllint rejected Golden/\(name): \(result.errors)")
  }

  @Test("xmllint rejects a schema violation too (the external check is live)")
  func xmllintRejectsViolation() throws {
    guard let xmllint = Fixtures.xmllint else {
      Issue.record("xmllint is missing (Debian package libxml2-utils): run scripts/setup.sh")
      return
    }
    let bad = Fixtures.sampleText.replacingOccurrences(of: "<KhoiLop>8</KhoiLop>", with: "<KhoiLop>13</KhoiLop>")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-xmllint-\(UUID()).xml")
    try Data(bad.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(try Fixtures.runXmllint(xmllint, file: file).status != 0)
  }

  @Test("the schema resource ships with the module")
  func schemaResource() throws {
    #expect(FileManager.default.fileExists(atPath: RecordXML.schemaURL.path))
    #expect(RecordXML.schemaVersion == "1.0")
    #expect(RecordXML.namespace == "urn:hocba:xml:1.0")
  }
}
