import Foundation
import HocBaModel
import Testing

@testable import RecordXML

/// Hostile files fail fast with the specific error, and every message names the file and holds no values.
@Suite("Hostile input")
struct HostileInputTests {
  private func hostile(_ name: String) throws -> [UInt8] {
    try #require(Fixtures.bytes("Hostile", name), "missing fixture Hostile/\(name)")
  }

  private func expectNamesSource(_ error: RecordXMLError?, _ source: String) {
    #expect(error != nil)
    #expect(error?.kind == .invalidInput)
    for language in Language.allCases {
      #expect(error?.message(in: language).contains(source) == true, "message does not name \(source)")
    }
  }

  @Test("billion laughs is refused before parsing")
  func billionLaughs() throws {
    let bytes = try hostile("billion-laughs.xml")
    #expect(SecurityChecks.prologHasMarkupDeclaration(bytes))
    let error = Fixtures.parseError(bytes, source: "billion-laughs.xml")
    #expect(error == .doctypeForbidden(source: "billion-laughs.xml"))
    expectNamesSource(error, "billion-laughs.xml")
  }

  @Test("an external entity is refused by the DOCTYPE scan, so the file is never read")
  func externalEntity() throws {
    let bytes = try hostile("external-entity.xml")
    // The refusal happens in the byte scan, before libxml2 runs: no entity can be resolved.
    #expect(SecurityChecks.prologHasMarkupDeclaration(bytes))
    let error = Fixtures.parseError(bytes, source: "external-entity.xml")
    #expect(error == .doctypeForbidden(source: "external-entity.xml"))
    expectNamesSource(error, "external-entity.xml")
    #expect(!Fixtures.messages(error).contains("root:"))  // Nothing from /etc/passwd.
  }

  @Test("a DOCTYPE alone (after a comment) is refused")
  func doctypeOnly() throws {
    let error = Fixtures.parseError(try hostile("doctype-only.xml"), source: "doctype-only.xml")
    #expect(error == .doctypeForbidden(source: "doctype-only.xml"))
    expectNamesSource(error, "doctype-only.xml")
  }

  @Test("a DOCTYPE after a BOM or a PI, or a bare ENTITY, is still refused")
  func doctypeVariants() {
    let bom = String(decoding: [0xEF, 0xBB, 0xBF], as: UTF8.self)
    for text in [
      bom + "<!DOCTYPE HocBa><HocBa/>",
      "<?xml version='1.0'?><?pi x?>\n\t<!DOCTYPE HocBa><HocBa/>",
      "<!ENTITY x 'y'><HocBa/>",
    ] {
      #expect(Fixtures.parseError(text) == .doctypeForbidden(source: "hostile.xml"))
    }
    #expect(!SecurityChecks.prologHasMarkupDeclaration(Array("<!-- <!DOCTYPE x> --><HocBa/>".utf8)))
  }

  @Test("a duplicate Id anywhere is refused, naming the Id")
  func duplicateID() throws {
    let error = Fixtures.parseError(try hostile("duplicate-id.xml"), source: "duplicate-id.xml")
    #expect(error == .duplicateID(source: "duplicate-id.xml", id: "data", line: 5))
    expectNamesSource(error, "duplicate-id.xml")
    #expect(Fixtures.messages(error).contains(#"Id="data""#))
  }

  @Test("a duplicate subject row Id in a valid record is refused")
  func duplicateSubjectRow() {
    let text = Fixtures.sampleText.replacingOccurrences(of: #"Id="mh-gdcd""#, with: #"Id="mh-toan""#)
    guard case .duplicateID(_, "mh-toan", _) = Fixtures.parseError(text) else {
      Issue.record("duplicate mh-toan was not refused as a duplicate Id")
      return
    }
  }

  @Test("malformed XML is refused with its line number")
  func malformed() throws {
    let error = Fixtures.parseError(try hostile("malformed.xml"), source: "malformed.xml")
    #expect(error == .malformed(source: "malformed.xml", line: 4, problem: .unbalancedTags))
    expectNamesSource(error, "malformed.xml")
    #expect(!Fixtures.messages(error).contains("Tên"))
  }

  @Test("other malformed inputs get a specific problem")
  func malformedVariants() {
    #expect(Fixtures.parseError("") == .malformed(source: "hostile.xml", line: 0, problem: .empty))
    #expect(
      Fixtures.parseError("<HocBa xmlns=\"urn:hocba:xml:1.0\">&nbsp;</HocBa>")
        == .malformed(source: "hostile.xml", line: 1, problem: .undefinedEntity))
    #expect(
      Fixtures.parseError("<HocBa/>\n<Other/>") == .malformed(source: "hostile.xml", line: 2, problem: .trailingContent)
    )
  }

  @Test("a 50 MB text node is refused by the size limit before parsing")
  func hugeTextNode() {
    let head = Array(#"<?xml version="1.0" encoding="UTF-8"?><HocBa xmlns="urn:hocba:xml:1.0" PBan="1.0"><X>"#.utf8)
    let tail = Array("</X></HocBa>".utf8)
    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: head.count + 50 * 1024 * 1024 + tail.count)
    bytes.replaceSubrange(0..<head.count, with: head)
    bytes.replaceSubrange((bytes.count - tail.count)..<bytes.count, with: tail)
    let error = Fixtures.parseError(bytes, source: "huge.xml")
    #expect(error == .tooLarge(source: "huge.xml", limit: SecurityChecks.maximumSize))
    expectNamesSource(error, "huge.xml")
  }

  @Test("non-UTF-8 input and other declared encodings are refused")
  func notUTF8() {
    let utf16: [UInt8] = [0xFF, 0xFE] + Array("<HocBa/>".utf8).flatMap { [$0, 0] }
    #expect(Fixtures.parseError(utf16, source: "u16.xml") == .notUTF8(source: "u16.xml"))
    #expect(Fixtures.parseError([0x3C, 0x61, 0xC3, 0x28, 0x3E], source: "bad.xml") == .notUTF8(source: "bad.xml"))
    let latin1 = #"<?xml version="1.0" encoding="ISO-8859-1"?><HocBa/>"#
    #expect(Fixtures.parseError(latin1, source: "l1.xml") == .notUTF8(source: "l1.xml"))
  }

  @Test("a wrong root element or namespace is refused")
  func wrongRoot() {
    let error = Fixtures.parseError(#"<HDon xmlns="urn:hocba:xml:1.0" PBan="1.0"/>"#, source: "hoadon.xml")
    #expect(error == .wrongRoot(source: "hoadon.xml", found: "HDon (urn:hocba:xml:1.0)"))
    expectNamesSource(error, "hoadon.xml")
    #expect(
      Fixtures.parseError(#"<HocBa xmlns="urn:other" PBan="1.0"/>"#)
        == .wrongRoot(source: "hostile.xml", found: "HocBa (urn:other)"))
    #expect(Fixtures.parseError(#"<HocBa PBan="1.0"/>"#) == .wrongRoot(source: "hostile.xml", found: "HocBa"))
  }

  @Test("a newer version says the file was made by a newer hocba")
  func newerVersion() {
    let byAttribute = Fixtures.sampleText.replacingOccurrences(of: #"PBan="1.0""#, with: #"PBan="1.1""#)
    let error = Fixtures.parseError(byAttribute, source: "new.xml")
    #expect(error == .newerVersion(source: "new.xml", found: "1.1"))
    expectNamesSource(error, "new.xml")
    #expect(Fixtures.messages(error).contains("newer hocba"))
    let byNamespace = Fixtures.sampleText.replacingOccurrences(of: "urn:hocba:xml:1.0", with: "urn:hocba:xml:2.0")
      .replacingOccurrences(of: #"PBan="1.0""#, with: #"PBan="2.0""#)
    #expect(Fixtures.parseError(byNamespace, source: "v2.xml") == .newerVersion(source: "v2.xml", found: "2.0"))
    let older = Fixtures.sampleText.replacingOccurrences(of: #"PBan="1.0""#, with: #"PBan="0.9""#)
    #expect(Fixtures.parseError(older, source: "old.xml") == .unsupportedVersion(source: "old.xml", found: "0.9"))
  }

  @Test("deep nesting is refused without recursion trouble")
  func deepNesting() {
    let depth = 200
    let text =
      #"<HocBa xmlns="urn:hocba:xml:1.0" PBan="1.0">"# + String(repeating: "<a>", count: depth)
      + String(repeating: "</a>", count: depth) + "</HocBa>"
    guard case .schemaInvalid(let source, _) = Fixtures.parseError(text) else {
      Issue.record("deep nesting was not refused")
      return
    }
    #expect(source == "hostile.xml")
  }
}
