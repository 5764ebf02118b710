import HocBaModel
import HocBaSamples
import Testing

@testable import HocBaRules

@Suite struct NameTests {
  @Test func toneStyleDetection() {
    #expect(VietnameseName.toneStyle(of: "Nguyễn Thị Thuỷ") == .secondVowel)
    #expect(VietnameseName.toneStyle(of: "Nguyễn Thị Thủy") == .firstVowel)
    #expect(VietnameseName.toneStyle(of: "TRẦN THỊ HOÀ") == .secondVowel)
    #expect(VietnameseName.toneStyle(of: "Lê Văn Hòa") == .firstVowel)
    #expect(VietnameseName.toneStyle(of: "Khoẻ") == .secondVowel)
    #expect(VietnameseName.toneStyle(of: "Lê Quý Đôn") == .neutral)  // "qu" is the onset
    #expect(VietnameseName.toneStyle(of: "Hoài Thuyền Huy") == .neutral)  // closed or toneless
    #expect(VietnameseName.toneStyle(of: "Hoà Thủy") == .mixed)
  }

  @Test func keysForRosterMatching() {
    #expect(VietnameseName.canonicalKey("Nguyễn Thị Thuỷ") == VietnameseName.canonicalKey("NGUYỄN  THỊ THỦY"))
    #expect(VietnameseName.canonicalKey("Thuỷ") == "thủy")
    #expect(VietnameseName.canonicalKey("Thuỷ") != VietnameseName.canonicalKey("Thuy"))
    #expect(VietnameseName.diacriticFreeKey(" Đặng  Thị Thuỷ ") == "dang thi thuy")
  }

  @Test func nfcIsComparedCodePointByCodePoint() {
    let decomposed = "Nguyễn".decomposedStringWithCanonicalMapping
    #expect(decomposed == "Nguyễn")  // Swift String equality ignores the form…
    #expect(!VietnameseName.isNFC(decomposed))  // …the check does not.
    #expect(VietnameseName.isNFC("Nguyễn"))
  }

  @Test func comparisonLevels() {
    #expect(VietnameseName.compare("Nguyễn Thị Thuỷ", "Nguyễn Thị Thuỷ") == .identical)
    #expect(VietnameseName.compare("NGUYỄN THỊ THUỶ", "Nguyễn Thị Thuỷ") == .caseOrSpacing)
    #expect(VietnameseName.compare("Nguyễn Thị Thuỷ", "Nguyễn Thị Thủy") == .toneStyle)
    #expect(VietnameseName.compare("Nguyen Thi Thuy", "Nguyễn Thị Thuỷ") == .diacritics)
    #expect(VietnameseName.compare("Nguyễn Thị Thu", "Nguyễn Thị Thuỷ") == .different)
  }

  @Test func c17PassesOnTheSamples() {
    for record in SampleRecords.all { #expect(findings("C17", record).isEmpty) }
  }

  @Test func c17FlagsANameNotInNFCWithoutRewritingIt() {
    var record = SampleRecords.tt22Secondary
    let decomposed = "Nguyễn Thị Thuỷ".decomposedStringWithCanonicalMapping
    record.student.fullName = decomposed
    let found = findings("C17", record)
    #expect(found.map(\.fieldPaths) == [["student.fullName"]])
    #expect(found.first?.severity == .warning)
    #expect(Array(record.student.fullName.unicodeScalars) == Array(decomposed.unicodeScalars))
  }

  @Test func c17NotesMixedStylesAndSpacingAndWarnsAboutDigits() {
    var record = SampleRecords.tt22Secondary
    record.student.fullName = "Nguyễn  Hoà Thủy"
    #expect(findings("C17", record).map(\.severity) == [.info, .info])
    record.student.fullName = "Nguy3n Thị Thuỷ"
    #expect(findings("C17", record).map(\.severity) == [.warning])
  }

  @Test func c17RosterToneStyleDifferenceIsInfoNeverAnError() {
    let record = SampleRecords.tt22Secondary  // "Nguyễn Thị Thuỷ"
    #expect(C17NameCheck.rosterFindings(record, rosterName: "Nguyễn Thị Thuỷ").isEmpty)
    #expect(C17NameCheck.rosterFindings(record, rosterName: "Nguyễn Thị Thủy").map(\.severity) == [.info])
    #expect(C17NameCheck.rosterFindings(record, rosterName: "Nguyen Thi Thuy").map(\.severity) == [.warning])
    #expect(C17NameCheck.rosterFindings(record, rosterName: "Trần Văn Đức").map(\.severity) == [.warning])
  }
}
