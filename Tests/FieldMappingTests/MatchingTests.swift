import Foundation
import HocBaModel
import ScanCapture
import TestSupport
import Testing

@testable import FieldMapping

@Suite struct MatchingTests {
  static func words(_ lines: [String]) -> [OCRWord] {
    var result: [OCRWord] = []
    for (line, text) in lines.enumerated() {
      for (index, word) in text.split(separator: " ").enumerated() {
        let box = PixelRect(x: 100 + index * 120, y: 100 + line * 80, width: 100, height: 40)
        result.append(OCRWord(text: String(word), confidence: 90, box: box, blockIndex: 0, lineIndex: line))
      }
    }
    return result
  }

  @Test func diacriticInsensitiveKeys() {
    #expect(TextMatching.key("Giáo dục công dân") == TextMatching.key("Giao duc cong dan"))
    #expect(TextMatching.key("ĐTB các môn:") == "dtb cac mon")
    #expect(TextMatching.key("Giáo dục công dân".decomposedStringWithCanonicalMapping) == "giao duc cong dan")
  }

  @Test func phrasesTolerateNoiseButNotNumerals() {
    let page = TextMatching.tokens("Tong so buoi nghi hoc ca nain: 15")
    #expect(!TextMatching.occurrences(of: TextMatching.tokens("Tổng số buổi nghỉ học cả năm"), in: page).isEmpty)
    let header = TextMatching.tokens("Học kì II")
    #expect(TextMatching.occurrences(of: TextMatching.tokens("Học kì I"), in: header).isEmpty)
    #expect(!TextMatching.occurrences(of: TextMatching.tokens("Học kì II"), in: header).isEmpty)
  }

  @Test func rowLabelsMatchSubjectsWithoutDiacritics() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let template = try #require(templates.templates.first { $0.id == "year-tt58-thcs" })
    let image = try #require(try PageLoader.load(Evaluation.packageRoot.appendingPathComponent("Scans/s002.tif")).first)
    let reader = FieldReader(
      template: template, image: image.image, engine: FixtureOCREngine(), text: PageText(words: []))
    let candidates = reader.rowCandidates(template.tables[0])
    #expect(reader.matchRow("Giao duc cong dan", candidates: candidates)?.key == "gdcd")
    #expect(reader.matchRow("Lich su", candidates: candidates)?.key == "lich-su")
    #expect(reader.matchRow("DTB cac mon", candidates: candidates)?.key == "average")
    #expect(reader.matchRow("Bóng đá", candidates: candidates) == nil)
  }

  @Test func classifiesWithFixtureEngine() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let page = PageText(
      words: Self.words([
        "Họ và tên: AN", "Năm học: 2023-2024", "Môn học Học kì I Học kì II Cả năm", "Khoa học tự nhiên 7,0",
        "Kết quả rèn luyện Kết quả học tập",
      ]))
    let result = Classifier.classify(page, templates: templates.templates)
    #expect((try? result.get())?.id == "year-tt22-thcs")
  }

  @Test func oneMisreadPhraseOfAnotherKindDoesNotThrowAnInformationPageOut() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    // "Hạnh kiểm" (a TT58 year-page phrase) read by mistake on an information page: evidence against, not a veto.
    let page = PageText(
      words: Self.words([
        "HỌC BẠ", "Họ và tên: Nguyễn Văn An", "Nơi sinh: Ninh Bình", "Họ và tên cha: Nguyễn Văn Bình",
        "Hạnh kiểm", "QUÁ TRÌNH HỌC TẬP",
      ]))
    #expect((try? Classifier.classify(page, templates: templates.templates).get())?.id == "info-page")
  }

  @Test func anInformationPageWhoseNameLabelWasMisreadIsStillClassified() throws {
    // No single phrase anchors the information page: "Họ và tên" read as "Họ và lộn" leaves the title, the
    // history table and the other labels.
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let page = PageText(
      words: Self.words([
        "HỌC BẠ", "Họ và lộn: Dương Đức Quyết", "Nơi sinh: Ninh Bình", "Quốc tịch: Việt Nam", "QUÁ TRÌNH HỌC TẬP",
      ]))
    #expect((try? Classifier.classify(page, templates: templates.templates).get())?.id == "info-page")
  }

  @Test func aLetterGivingAStudentsParticularsIsNoInformationPage() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let page = PageText(
      words: Self.words([
        "ĐƠN XIN CHUYỂN TRƯỜNG", "Kính gửi: Hiệu trưởng", "Họ và tên: Nguyễn Văn An", "Nơi sinh: Ninh Bình",
        "Dân tộc: Kinh", "Họ và tên cha: Nguyễn Văn Bình",
      ]))
    #expect((try? Classifier.classify(page, templates: templates.templates).get()) == nil)
  }

  @Test func aYearPageWithOneHeaderNotReadIsStillClassified() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let page = PageText(
      words: Self.words([
        "Họ và tên: AN", "Môn học Học kì I Học kì II Cả năm", "Khoa học tự nhiên 7,0", "Lịch sử và Địa lí 8,0",
        "Kết quả rèn luyện",
      ]))
    #expect((try? Classifier.classify(page, templates: templates.templates).get())?.id == "year-tt22-thcs")
  }

  @Test func evidenceForTwoKindsInEqualMeasureIsAmbiguousNotGuessed() throws {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let page = PageText(
      words: Self.words(["Kết quả rèn luyện Kết quả học tập", "Khoa học tự nhiên 7,0", "Vật lí 8,0"]))
    guard case .failure(let failure) = Classifier.classify(page, templates: templates.templates),
      case .ambiguous(let ids) = failure.reason.cause
    else {
      Issue.record("expected an ambiguous page")
      return
    }
    #expect(Set(ids) == ["year-tt22-thcs", "year-tt22-thpt"])
  }

  @Test(arguments: [
    ("Có tiến bộ ÀM¿", "Có tiến bộ"), ("Khá vững 0000(", "Khá vững"), ("Cần cố gắng \\qXwW", "Cần cố gắng"),
    ("Có tiến bộ An", "Có tiến bộ"), ("Chăm chỉ J4", "Chăm chỉ"), ("Học tốt môn Toán.", "Học tốt môn Toán"),
    ("Tiến bộ, cần cố gắng hơn", "Tiến bộ, cần cố gắng hơn"),
  ])
  func aCommentEndsBeforeTheSignatureReadAfterIt(read: String, comment: String) {
    #expect(ValueNormalizer.normalize(read, type: .comment, lexicon: nil) == comment)
  }

  @Test func aCellHoldingOnlyASignatureHasNoComment() {
    #expect(ValueNormalizer.normalize("4ÀWÑ", type: .comment, lexicon: nil) == nil)
  }

  @Test func unmatchedPageNamesMissingAnchors() throws {
    let engine = FixtureOCREngine(pageWords: Self.words(["ĐƠN XIN NGHỈ HỌC", "Kính gửi: thầy cô"]))
    let mapper = PageMapper(templates: try TemplateSet.load(directory: TemplateLoadingTests.mappings))
    let image = try #require(try PageLoader.load(Evaluation.packageRoot.appendingPathComponent("Scans/s002.tif")).first)
    guard case .unmatched(let reason) = try mapper.read(image: image.image, engine: engine) else {
      Issue.record("a letter must not match a template")
      return
    }
    guard case .noTemplate(let misses) = reason.cause else {
      Issue.record("expected per-template misses, got \(reason)")
      return
    }
    let info = misses.first { $0.templateID == "info-page" }
    #expect(info?.noneOf.contains("Họ và tên") == true && info?.noneOf.contains("QUÁ TRÌNH HỌC TẬP") == true)
    #expect(info?.forbidden.contains("ĐƠN XIN") == true)
    #expect(misses.contains { $0.templateID == "year-tt22-thpt" })
    let vietnamese = reason.message(in: .vietnamese)
    #expect(vietnamese.contains("info-page: không có cụm nào") && vietnamese.contains("QUÁ TRÌNH HỌC TẬP"))
    #expect(!vietnamese.contains("missing") && reason.message(in: .english).contains("year-tt22-thpt: missing"))
    #expect(engine.regionRequests.isEmpty)
  }

  @Test func labelValueIsRightOfTheLabelUpToTheNextLabel() throws {
    // The information page of s001, with scripted page words: the value crop must stop before "Giới tính".
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let template = try #require(templates.templates.first { $0.id == "info-page" })
    let image = try #require(try PageLoader.load(Evaluation.packageRoot.appendingPathComponent("Scans/s002.tif")).first)
    let words = [
      OCRWord(
        text: "Họ", confidence: 90, box: PixelRect(x: 200, y: 690, width: 60, height: 45), blockIndex: 0, lineIndex: 0),
      OCRWord(
        text: "và", confidence: 90, box: PixelRect(x: 270, y: 690, width: 50, height: 45), blockIndex: 0, lineIndex: 0),
      OCRWord(
        text: "tên:", confidence: 90, box: PixelRect(x: 330, y: 690, width: 80, height: 45), blockIndex: 0, lineIndex: 0
      ),
      OCRWord(
        text: "Giới", confidence: 90, box: PixelRect(x: 1600, y: 690, width: 90, height: 45), blockIndex: 1,
        lineIndex: 1),
      OCRWord(
        text: "tính:", confidence: 90, box: PixelRect(x: 1700, y: 690, width: 90, height: 45), blockIndex: 1,
        lineIndex: 1),
    ]
    let reader = FieldReader(
      template: template, image: image.image, engine: FixtureOCREngine(), text: PageText(words: words))
    let labels = reader.claimedLabels()
    #expect(labels.contains { $0.phrase == "Họ và tên" })
    let spec = try #require(template.fields.first { $0.path == "student.fullName" })
    let target = FieldReader<FixtureOCREngine>.Target(
      path: spec.path, type: spec.type, profile: spec.profile, lexicon: nil, critical: true)
    let reading = try reader.readLabelled(spec, target: target, phrases: spec.label ?? [], labels: labels)
    #expect(reading.box.x >= 410)
    #expect(reading.box.x + reading.box.width <= 1600)
  }

  @Test(arguments: [
    ("7,8", FieldType.score, "7.8"), ("10", .score, "10.0"), ("7.8", .score, "7.8"), ("8,5.", .score, "8.5"),
    ("14/02/2007", .date, "2007-02-14"), ("037 307 581819", .citizenID, "037307581819"),
    ("2023 – 2024", .schoolYear, "2023-2024"), ("HUỲNH THANH HÀ", .name, "Huỳnh Thanh Hà"),
    ("Trần Văn Thuỷ", .name, "Trần Văn Thuỷ"), ("10 C7", .className, "10C7"), (" 15 ", .integer, "15"),
  ])
  func normalises(text: String, type: FieldType, expected: String) {
    #expect(ValueNormalizer.normalize(text, type: type, lexicon: nil) == expected)
  }

  @Test(arguments: ["78", "7,85", "", "7,", "abc"])
  func doesNotGuessScores(text: String) {
    #expect(ValueNormalizer.normalize(text, type: .score, lexicon: nil) == nil)
  }

  @Test func lexiconLooksUpWithoutDiacritics() {
    let lexicon = ["Đ": "Đ", "CĐ": "CĐ", "Tốt": "T", "T": "T"]
    #expect(ValueNormalizer.normalize("Đ", type: .passLevel, lexicon: lexicon) == "Đ")
    #expect(ValueNormalizer.normalize("tot", type: .level, lexicon: lexicon) == "T")
    #expect(ValueNormalizer.normalize("X", type: .level, lexicon: lexicon) == nil)
  }
}
