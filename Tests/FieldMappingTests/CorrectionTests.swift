import Foundation
import HocBaModel
import ScanCapture
import Testing

@testable import FieldMapping

/// Label matching that does not borrow neighbouring words, the supplementary page reading, and the lexicon
/// corrections of names, ethnicities and subject lists.
@Suite struct CorrectionTests {
  static func names() throws -> NameLexicon {
    try #require(try TemplateSet.load(directory: TemplateLoadingTests.mappings).names)
  }

  @Test func aShortDistinguishingWordMustBePresent() {
    // "mẹ" and "Lê" differ in one letter: the student's own line must not be taken for the mother's label.
    let line = TextMatching.tokens("Họ và tên: Lê Diệu Trang")
    #expect(TextMatching.occurrences(of: TextMatching.tokens("Họ và tên mẹ"), in: line).isEmpty)
    #expect(TextMatching.occurrences(of: TextMatching.tokens("Họ và tên"), in: line) == [0..<3])
  }

  @Test func aLabelStartsAtItsOwnFirstWordNotTheWordBefore() {
    // The line above ends in "hộ:"; "hộ Mã định danh cá nhân" is within the edit budget of the label, but the
    // window starting at "Mã" matches exactly and wins.
    let tokens = TextMatching.tokens("Người giám hộ: Mã định danh cá nhân: 079207632114")
    let found = TextMatching.occurrences(of: TextMatching.tokens("Mã định danh cá nhân"), in: tokens)
    #expect(found == [3..<8])
  }

  @Test func supplementaryWordsFillOnlyWhereThePageReadingHasNone() {
    let first = MatchingTests.words(["Ngày sinh: 26/12/2013"])
    let page = PageText(words: first)
    var dropped = MatchingTests.words(["x", "Họ và tên: Tạ Thị Ngân"]).filter { $0.lineIndex == 1 }
    dropped += first  // the sparse pass finds the same words again
    let merged = page.adding(dropped)
    #expect(merged.words.count == first.count + 6)
    #expect(merged.contains("Họ và tên"))
    #expect(Set(merged.words.suffix(6).map(\.lineIndex)).isDisjoint(with: Set(first.map(\.lineIndex))))
  }

  @Test func missingAnchorsAreCountedByClaimedLabels() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let info = try #require(templates.templates.first { $0.id == "info-page" })
    // "Họ và tên" occurs inside the parents' labels: those do not stand in for the student's own.
    let parentsOnly = PageText(words: MatchingTests.words(["Họ và tên cha: A B", "Họ và tên mẹ: C D"]))
    #expect(info.anchorsMissing(in: parentsOnly).contains("Họ và tên"))
    let withStudent = PageText(words: MatchingTests.words(["Họ và tên: E F", "Họ và tên cha: A B"]))
    #expect(!info.anchorsMissing(in: withStudent).contains("Họ và tên"))
    // A year page without any promotion phrase is missing one too.
    let year = try #require(templates.templates.first { $0.id == "year-tt22-thcs" })
    #expect(year.anchorsMissing(in: withStudent).contains("promotion"))
    let promoted = PageText(words: MatchingTests.words(["Được lên lớp"]))
    #expect(!year.anchorsMissing(in: promoted).contains("promotion"))
  }

  @Test func nameSyllablesNoNameHasAreReplacedByTheirOnlyLookAlike() throws {
    let names = try Self.names()
    #expect(names.corrected("Định Thanh Vy") == ("Đinh Thanh Vy", true))
    #expect(names.corrected("Đặng Đức Quần") == ("Đặng Đức Quân", true))
    // Real names are kept, even when a more common look-alike exists.
    #expect(names.corrected("Lê Tuân Nam") == ("Lê Tuân Nam", false))
    #expect(names.corrected("Trịnh Diệu Ỷ Lan") == ("Trịnh Diệu Ỷ Lan", false))
    // "Chỉ" could be "Chi" or "Chí": no guess.
    #expect(names.corrected("Phan Thanh Chỉ").name == "Phan Thanh Chỉ")
    #expect(!names.lists("Phan Thanh Chỉ"), "so it goes to review")
    #expect(names.lists("Trịnh Diệu Ỷ Lan"))
  }

  @Test func ethnicityIsLookedUpInTheOfficialList() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let info = try #require(templates.templates.first { $0.id == "info-page" })
    let groups = try #require(info.lexicons["ethnicity"])
    #expect(ValueNormalizer.normalize("Kính", type: .text, lexicon: groups) == "Kinh")
    #expect(ValueNormalizer.normalize("Tay", type: .text, lexicon: groups) == "Tày")
    #expect(ValueNormalizer.normalize("Người Sao Hỏa", type: .text, lexicon: groups) == "Người Sao Hỏa")
  }

  @Test func aWordOneLetterOffExactlyOneLevelIsProposed() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let year = try #require(templates.templates.first { $0.id == "year-tt22-thcs" })
    let levels = try #require(year.lexicons["level"])
    #expect(ValueNormalizer.nearest("Tết", in: levels) == "T")
    #expect(ValueNormalizer.nearest("Khả.", in: levels) == nil, "a listed word is no edit away from itself")
    #expect(ValueNormalizer.nearest("Kho", in: levels) == "K")
    // "Tat" is one letter from both "Tốt" and "Đạt": no guess.
    #expect(ValueNormalizer.nearest("Tat", in: levels) == nil)
    // Too short to say: "Ti" could be anything.
    #expect(ValueNormalizer.nearest("Ti", in: levels) == nil)
    #expect(ValueNormalizer.nearest("Giỏi", in: levels) == nil)
  }

  @Test func subjectListsMustNameCatalogSubjects() {
    let names = Dictionary(
      SubjectCatalog.entries.filter { $0.regime == .tt58 && $0.band == .thcs }.map { ($0.name, $0.name) }
    ) { first, _ in first }
    #expect(
      ValueNormalizer.normalize("Ngu văn, Cong nghệ.", type: .subjectList, lexicon: names) == "Ngữ văn, Công nghệ")
    #expect(ValueNormalizer.normalize("Vật lỉ", type: .subjectList, lexicon: names) == "Vật lí")
    #expect(ValueNormalizer.normalize("Ngữ văn, Bóng đá", type: .subjectList, lexicon: names) == nil)
    #expect(
      SubjectCatalog.codes(forNames: "Ngữ văn, Công nghệ", regime: .tt58, band: .thcs) == ["ngu-van", "cong-nghe"])
    #expect(SubjectCatalog.codes(forNames: "Ngữ văn, Bóng đá", regime: .tt58, band: .thcs) == nil)
  }

  @Test func classNamesOfTheWrongShapeAreReadAgainWithTheAlternateProfile() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    for template in templates.templates {
      let profile = try #require(template.profiles["className"])
      #expect(profile.alternate == "text")
      #expect(profile.accepts("7C4") && profile.accepts("10A1") && profile.accepts("6A"))
      #expect(!profile.accepts("704"), "the eng model's reading of 7C4")
      #expect(!profile.accepts("7AA"), "the eng model's reading of 7A4")
    }
    let info = try String(
      contentsOf: TemplateLoadingTests.mappings.appendingPathComponent("info-page.json"), encoding: .utf8)
    let badPattern = info.replacingOccurrences(of: "\"^(6|7|8|9|10|11|12)[A-Z][0-9]{0,2}$\"", with: "\"^(6|7\"")
    #expect(
      throws: MappingError.invalidTemplate(
        file: "x.json", keyPath: "profiles.className.pattern", problem: .invalidValue)
    ) {
      try TemplateSet.parse(Data(badPattern.utf8), file: "x.json")
    }
    let badAlternate = info.replacingOccurrences(of: "\"alternate\": \"text\"", with: "\"alternate\": \"chu\"")
    #expect(
      throws: MappingError.invalidTemplate(
        file: "x.json", keyPath: "profiles.className.alternate", problem: .unknownProfile("chu"))
    ) {
      try TemplateSet.parse(Data(badAlternate.utf8), file: "x.json")
    }
  }
}
