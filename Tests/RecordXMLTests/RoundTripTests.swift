import Foundation
import HocBaModel
import HocBaSamples
import Testing

@testable import RecordXML

/// model → XML → model gives an equal record; XML → model → XML gives the same bytes; text is NFC and escaped.
@Suite("Round trip and text")
struct RoundTripTests {
  @Test("model → XML → model is equal", arguments: Fixtures.goldens.map(\.name))
  func modelRoundTrip(name: String) throws {
    let record = try #require(Fixtures.goldens.first { $0.name == name }?.record)
    let parsed = try RecordXML.parse(RecordXML.export(record), source: name)
    #expect(parsed == record)
  }

  @Test("XML → model → XML is byte-identical", arguments: Fixtures.goldens.map(\.name))
  func xmlRoundTrip(name: String) throws {
    let golden = try #require(Fixtures.bytes("Golden", name))
    let again = try RecordXML.export(RecordXML.parse(golden, source: name))
    #expect(again == golden)
  }

  @Test("every optional field absent still round-trips (no empty elements)")
  func minimalRecord() throws {
    let student = StudentIdentity(
      fullName: "Học Sinh Tối Giản", sex: .unknown, birthDate: try #require(CalendarDate(year: 2012, month: 1, day: 31))
    )
    let record = SchoolYearRecord(
      student: student, schoolYear: try #require(SchoolYear(startYear: 2024)), grade: 6, className: "6A",
      school: SchoolRef(name: "Trường THCS Mẫu"), regime: .tt22)
    let bytes = try RecordXML.export(record)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.contains("<NoiSinh"))
    let empty = try NSRegularExpression(pattern: "<([A-Za-z0-9]+)></\\1>")
    #expect(empty.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) == 0)
    #expect(try RecordXML.parse(bytes, source: "minimal.xml") == record)
  }

  @Test("NFD text is exported as NFC")
  func nfdExportsNFC() throws {
    var record = SampleRecords.tt22Secondary
    let nfc = "Nguyễn Thị Thuỷ"
    let nfd = nfc.decomposedStringWithCanonicalMapping
    #expect(Array(nfd.utf8) != Array(nfc.utf8))
    record.student.fullName = nfd  // Bypasses the model's own NFC initialiser.
    record.homeroomComment = "Tiến bộ rõ rệt".decomposedStringWithCanonicalMapping
    let bytes = try RecordXML.export(record)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.utf8.elementsEqual(text.precomposedStringWithCanonicalMapping.utf8))
    #expect(bytes.contains(subsequence: Array("<HoTen>\(nfc)</HoTen>".utf8)))
    let parsed = try RecordXML.parse(bytes, source: "nfd.xml")
    #expect(Array(parsed.student.fullName.utf8) == Array(nfc.utf8))
  }

  @Test("&, <, > and quotes are escaped and come back")
  func escaping() throws {
    var record = SampleRecords.tt22Secondary
    let comment = #"Điểm "tốt" & <đều>; 'ổn' > trung bình"#
    record.homeroomComment = comment
    let text = String(decoding: try RecordXML.export(record), as: UTF8.self)
    #expect(text.contains(#"<NXGVCN>Điểm "tốt" &amp; &lt;đều&gt;; 'ổn' &gt; trung bình</NXGVCN>"#))
    #expect(try RecordXML.parse(Array(text.utf8), source: "escape.xml").homeroomComment == comment)
  }

  @Test("the writer escapes quotes, tabs and newlines in attributes")
  func attributeEscaping() throws {
    var writer = XMLWriter()
    try writer.open("A", attributes: [("x", "a\"b&c<d>\te\nf\rg")])
    writer.close()
    let text = String(decoding: try writer.finish(), as: UTF8.self)
    #expect(text == XMLWriter.declaration + #"<A x="a&quot;b&amp;c&lt;d&gt;&#9;e&#10;f&#13;g"/>"#)
  }

  @Test("tab, newline and carriage return survive the round trip")
  func whitespaceControls() throws {
    var record = SampleRecords.tt22Secondary
    record.homeroomComment = "Dòng 1\r\nDòng 2\tcột"
    let bytes = try RecordXML.export(record)
    #expect(try RecordXML.parse(bytes, source: "ws.xml").homeroomComment == record.homeroomComment)
  }

  @Test("a control character is refused, naming the field, not the value")
  func controlCharacterRefused() throws {
    var record = SampleRecords.tt22Secondary
    record.student.fullName = "Nguyễn\u{0001}Thị"
    #expect(throws: RecordXMLError.controlCharacter(element: "HoTen")) { try RecordXML.export(record) }
    record = SampleRecords.tt22Secondary
    record.subjects[0].comment = "ok\u{007F}"
    #expect(throws: RecordXMLError.controlCharacter(element: "NXet")) { try RecordXML.export(record) }
    let message = RecordXMLError.controlCharacter(element: "HoTen").message(in: .vietnamese)
    #expect(message.contains("HoTen") && !message.contains("Nguyễn"))
  }

  @Test("a record the schema cannot carry is refused with the element named")
  func notExportable() throws {
    var record = SampleRecords.tt22Secondary
    record.grade = 5
    do {
      _ = try RecordXML.export(record)
      Issue.record("grade 5 was exported")
    } catch {
      guard case .recordNotExportable(let issues) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(issues.map(\.element) == ["DLHocBa/TTChung/KhoiLop"])
      #expect(error.kind == .invalidInput)
    }
  }

  @Test("a summary of the other regime is refused on export")
  func regimeMismatch() throws {
    var record = SampleRecords.tt22Secondary
    record.summary = .tt58(TT58Summary())
    #expect(throws: RecordXMLError.regimeMismatch(source: nil)) { try RecordXML.export(record) }
  }
}

extension Array where Element == UInt8 {
  /// Whether `subsequence` occurs in the array.
  func contains(subsequence: [UInt8]) -> Bool {
    guard !subsequence.isEmpty, subsequence.count <= count else { return subsequence.isEmpty }
    return (0...(count - subsequence.count)).contains { self[$0..<($0 + subsequence.count)].elementsEqual(subsequence) }
  }
}
