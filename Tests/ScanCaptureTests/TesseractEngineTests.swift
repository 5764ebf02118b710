import Foundation
import ScanCapture
import Testing

/// OCR suites run one test at a time: two Tesseract runs on this 2-vCPU box only slow each other down.
@Suite(.serialized) struct TesseractEngineTests {
  let engine = TesseractEngine()

  private func page(_ name: String) throws -> PageImage {
    try #require(try PageLoader.load(Fixture.url(name)).first).image
  }

  @Test func recognizesThePageAsWordsWithBoxesInsideTheImage() throws {
    let image = try page("page.png")
    let words = try engine.recognizePage(image)
    #expect(words.count > 20)
    #expect(words.allSatisfy { !$0.text.allSatisfy(\.isWhitespace) }, "no whitespace-only words (table rulings)")
    for word in words {
      #expect(word.box.x >= 0 && word.box.y >= 0 && word.box.width > 0 && word.box.height > 0)
      #expect(word.box.x + word.box.width <= image.width && word.box.y + word.box.height <= image.height)
      #expect((0...100).contains(word.confidence))
    }
    let text = words.map(\.text).joined(separator: " ")
    #expect(text.contains("Họ và tên: Nguyễn Thị Thuỷ"))
    #expect(text.contains("Đống Đa"))
    let lines = Set(words.map(\.lineIndex))
    #expect(lines.count >= 8)
  }

  @Test func readsScoreCellsWithTheScoreProfile() throws {
    let image = try page("page.png")
    for cell in Fixture.scoreCells {
      let region = PixelRect(x: cell.x, y: cell.y, width: cell.width, height: cell.height).inset(by: 6)
      let result = try engine.recognizeRegion(image, region: region, profile: .score)
      #expect(result.text == cell.value)
      #expect(result.confidence > 50)
    }
  }

  @Test func readsAVietnameseLineAndOffersAlternatives() throws {
    let image = try page("page.png")
    let nameLine = PixelRect(x: 110, y: 250, width: 900, height: 80)
    let plain = try engine.recognizeRegion(image, region: nameLine, profile: .text)
    #expect(plain.text == "Họ và tên: Nguyễn Thị Thuỷ")
    #expect(plain.alternatives == nil)
    var profile = RecognitionProfile.score
    profile.includesAlternatives = true
    let cell = Fixture.scoreCells[0]
    let scored = try engine.recognizeRegion(
      image, region: PixelRect(x: cell.x, y: cell.y, width: cell.width, height: cell.height).inset(by: 6),
      profile: profile)
    let alternatives = try #require(scored.alternatives)
    #expect(alternatives.map { $0.first?.text ?? "" }.joined() == "7,8")
  }

  @Test func cropsWithAWhiteBorder() throws {
    let image = try page("page.png")
    let cell = Fixture.scoreCells[1]
    let crop = image.cropped(
      to: PixelRect(x: cell.x + 6, y: cell.y + 6, width: cell.width - 12, height: cell.height - 12), whiteBorder: 20)
    #expect(crop.width == cell.width - 12 + 40 && crop.height == cell.height - 12 + 40)
    #expect(crop.resolution == 300)
    let result = try engine.recognizeRegion(
      crop, region: PixelRect(x: 0, y: 0, width: crop.width, height: crop.height), profile: .score)
    #expect(result.text == "10")
    let png = try crop.pngData()
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test func reportsAMissingModelWithItsDebianPackage() throws {
    let image = try page("page.png")
    let profile = RecognitionProfile(language: "xyz", pageSegmentation: .singleLine)
    #expect(throws: CaptureError.missingLanguageData(language: "xyz", package: "tesseract-ocr-xyz")) {
      try engine.recognizeRegion(image, region: PixelRect(x: 0, y: 0, width: 100, height: 100), profile: profile)
    }
    let message = CaptureError.missingLanguageData(language: "vie", package: "tesseract-ocr-vie").message(
      in: .vietnamese)
    #expect(message.contains("apt-get install tesseract-ocr-vie"))
  }

  @Test func stopsAtThePageDeadline() throws {
    let image = try page("page.png")
    let hurried = TesseractEngine(pageTimeout: .milliseconds(1))
    #expect(throws: CaptureError.recognitionTimedOut(milliseconds: 1)) { try hurried.recognizePage(image) }
  }

  @Test func refusesRegionsOutsideTheImage() throws {
    let image = try page("page.png")
    let region = PixelRect(x: 5000, y: 0, width: 10, height: 10)
    #expect(throws: CaptureError.regionOutsideImage(region: region, width: 1400, height: 1300)) {
      try engine.recognizeRegion(image, region: region, profile: .score)
    }
  }
}
