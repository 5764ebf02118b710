import Foundation
import HocBaModel
import ScanCapture
import TestSupport
import Testing

@testable import FieldMapping

/// Labels as different forms print them, and values as OCR misreads them.
@Suite struct LabelWordingTests {
  /// Words on one line: each (text, x, width) at y 700, 40 px high.
  static func line(_ words: [(String, Int, Int)]) -> PageText {
    PageText(
      words: words.map {
        OCRWord(
          text: $0.0, confidence: 90, box: PixelRect(x: $0.1, y: 700, width: $0.2, height: 40), blockIndex: 0,
          lineIndex: 0)
      })
  }

  @Test func theConnectiveVaIsOptionalInALabel() throws {
    #expect(Template.wordings(of: "Họ và tên cha") == ["Họ và tên cha", "Họ tên cha"])
    #expect(Template.wordings(of: "Họ và tên") == ["Họ và tên", "Họ tên"])
    #expect(Template.wordings(of: "Dân tộc") == ["Dân tộc"])
    // "và" at an end is a word of the label, not a connective.
    #expect(Template.wordings(of: "và tên cha") == ["và tên cha"])
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let info = try #require(templates.templates.first { $0.id == "info-page" })
    let text = Self.line([("Họ", 100, 50), ("tên", 160, 60), ("cha:", 230, 70), ("Lê", 320, 40), ("Văn", 370, 60)])
    let claimed = info.claimedLabels(in: text)
    // "Họ tên cha" is the father's label, not the student's "Họ và tên".
    #expect(claimed.map(\.phrase) == ["Họ và tên cha"])
  }

  @Test func aQualifierBeforeTheColonBelongsToTheLabel() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let info = try #require(templates.templates.first { $0.id == "info-page" })
    let page = try #require(try PageLoader.load(Evaluation.packageRoot.appendingPathComponent("Scans/s002.tif")).first)
    let text = Self.line([
      ("Họ", 100, 50), ("và", 160, 40), ("tên", 210, 60), ("học", 280, 60), ("sinh:", 350, 80), ("NGUYỄN", 450, 150),
      ("Giới", 1400, 80), ("tính:", 1490, 80), ("Nam", 1580, 70),
    ])
    let reader = FieldReader(template: info, image: page.image, engine: FixtureOCREngine(), text: text)
    let labels = reader.claimedLabels().map(\.match.box)
    let name = try #require(reader.claimedLabels().first { $0.phrase == "Họ và tên" }).match.box
    #expect(reader.labelEnd(name, labels: labels) == 430)
    // A label that ends in its colon ends there; the next label's colon is never taken for it.
    let other = Self.line([
      ("Ngày", 100, 80), ("sinh", 190, 70), ("12/03/2010", 280, 200), ("Giới", 520, 80), ("tính:", 610, 80),
    ])
    let second = FieldReader(template: info, image: page.image, engine: FixtureOCREngine(), text: other)
    let born = try #require(second.claimedLabels().first { $0.phrase == "Ngày sinh" }).match.box
    #expect(second.labelEnd(born, labels: second.claimedLabels().map(\.match.box)) == 260)
  }

  @Test(arguments: [
    ("Trường THPT Nguyễn Du, huyện Diễn Châu. tỉnh Nghệ An", "Trường THPT Nguyễn Du, huyện Diễn Châu, tỉnh Nghệ An"),
    ("Số 2 đường Nguyễn Văn Cừ. phường Dịch Vọng", "Số 2 đường Nguyễn Văn Cừ, phường Dịch Vọng"),
    ("phường Hưng Bình, TP. Vinh", "phường Hưng Bình, TP. Vinh"),
    ("Tp. thành phố", "Tp. thành phố"),
    ("“Nghệ An", "Nghệ An"),
  ])
  func addressStopsBeforeAUnitAreCommas(read: String, value: String) {
    #expect(ValueNormalizer.normalize(read, type: .text, lexicon: nil) == value)
  }

  @Test func theShortWordingIsALabelOnlyWhereItStandsAsOne() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let info = try #require(templates.templates.first { $0.id == "info-page" })
    // "(Ký, ghi rõ họ tên)" under a signature is not the student's name label.
    let signature = Self.line([
      ("(Ký,", 100, 60), ("ghi", 170, 50), ("rõ", 230, 30), ("họ", 270, 40), ("tên)", 320, 60),
    ])
    #expect(info.claimedLabels(in: signature).isEmpty)
    let label = Self.line([("Họ", 100, 50), ("tên:", 160, 60), ("Lê", 230, 40)])
    #expect(info.claimedLabels(in: label).map(\.phrase) == ["Họ và tên"])
  }

  @Test func aCapitalisedWordBeforeAnUnclaimedColonIsAValueNotAQualifier() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let info = try #require(templates.templates.first { $0.id == "info-page" })
    let page = try #require(try PageLoader.load(Evaluation.packageRoot.appendingPathComponent("Scans/s002.tif")).first)
    // "Tôn giáo" is no label of the template: its colon must not end "Nơi sinh".
    let text = Self.line([
      ("Nơi", 100, 60), ("sinh", 170, 70), ("Hà", 260, 50), ("Nội", 320, 60), ("Tôn", 400, 60), ("giáo:", 470, 80),
    ])
    let reader = FieldReader(template: info, image: page.image, engine: FixtureOCREngine(), text: text)
    let born = try #require(reader.claimedLabels().first { $0.phrase == "Nơi sinh" }).match.box
    #expect(reader.labelEnd(born, labels: reader.claimedLabels().map(\.match.box)) == 240)
  }

  @Test func twoLinesJoinedKeepTheCommaAndAlwaysGoToReview() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let info = try #require(templates.templates.first { $0.id == "info-page" })
    let page = try #require(try PageLoader.load(Evaluation.packageRoot.appendingPathComponent("Scans/s002.tif")).first)
    let reader = FieldReader(template: info, image: page.image, engine: FixtureOCREngine(), text: PageText(words: []))
    let top = FieldReading(
      path: "student.residence", type: .text, critical: false, rawText: "Số 2 đường Cừ, phường Dịch Vọng,",
      normalizedValue: "Số 2 đường Cừ, phường Dịch Vọng", confidence: 95,
      box: PixelRect(x: 400, y: 700, width: 900, height: 40))
    let bottom = FieldReading(
      path: "student.residence", type: .text, critical: false, rawText: "huyện Đông Anh, TP. Hà Nội",
      normalizedValue: "huyện Đông Anh, TP. Hà Nội", confidence: 96,
      box: PixelRect(x: 250, y: 790, width: 600, height: 40))
    let joined = reader.joined(top, bottom)
    #expect(joined.normalizedValue == "Số 2 đường Cừ, phường Dịch Vọng, huyện Đông Anh, TP. Hà Nội")
    #expect(joined.confidence <= FieldReader<FixtureOCREngine>.disputedConfidence)
    #expect(joined.box == PixelRect(x: 250, y: 700, width: 1050, height: 130))
  }

  @Test func arabicTermNumbersMatchRomanHeaders() {
    // Only a term's number: "Ngoại ngữ 2" keeps its digit, so a misread "Ngoại ngữ 1" is not taken for it.
    #expect(TextMatching.foldingNumerals(["ngoai", "ngu", "2"]) == ["ngoai", "ngu", "2"])
    #expect(TextMatching.foldingNumerals(["hk", "2"]) == ["hk", "ii"])
    // Written as one word, as school software prints them.
    #expect(TextMatching.foldingNumerals(["hk1"]) == ["hki"])
    #expect(TextMatching.foldingNumerals(["hk2"]) == ["hkii"])
    #expect(TextMatching.foldingNumerals(["hk3"]) == ["hk3"])
    let second = TextMatching.foldingNumerals(TextMatching.tokens("HK II"))
    #expect(!TextMatching.occurrences(of: second, in: TextMatching.foldingNumerals(TextMatching.tokens("HK2"))).isEmpty)
    #expect(TextMatching.occurrences(of: second, in: TextMatching.foldingNumerals(TextMatching.tokens("HK1"))).isEmpty)
    let key = TextMatching.foldingNumerals(TextMatching.tokens("Học kì II"))
    #expect(
      !TextMatching.occurrences(of: key, in: TextMatching.foldingNumerals(TextMatching.tokens("Học kì 2"))).isEmpty)
    #expect(
      TextMatching.occurrences(of: key, in: TextMatching.foldingNumerals(TextMatching.tokens("Học kì 3"))).isEmpty)
  }
}
