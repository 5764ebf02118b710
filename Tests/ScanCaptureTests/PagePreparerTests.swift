import Foundation
import ScanCapture
import TestSupport
import Testing

@Suite(.serialized) struct PagePreparerTests {
  let engine = TesseractEngine()
  let preparer = PagePreparer()

  private func prepared(_ name: String) throws -> PreparedPage {
    let image = try #require(try PageLoader.load(Fixture.url(name)).first).image
    return try preparer.prepare(image, engine: engine)
  }

  private func text(_ page: PreparedPage) throws -> String {
    try engine.recognizePage(page.image).map(\.text).joined(separator: " ")
  }

  @Test func leavesAnUprightPageAlone() throws {
    let page = try prepared("page.png")
    #expect(page.rotationApplied == 0)
    #expect(!page.orientationUncertain)
    #expect(abs(page.skewDegrees) < 0.3)
    #expect(!page.isBlank)
    #expect(page.redInk == nil && page.redInkFraction == 0)
    #expect(page.image.depth == 8)
  }

  @Test(arguments: [("page-rot90.png", 90), ("page-rot180.png", 180)])
  func turnsSidewaysAndUpsideDownPagesUpright(name: String, expectedTurn: Int) throws {
    let page = try prepared(name)
    #expect(!page.orientationUncertain)
    #expect((page.orientationConfidence ?? 0) >= PagePreparer.minimumOrientationConfidence)
    #expect(page.rotationApplied == expectedTurn)
    #expect(page.image.width == 1400 && page.image.height == 1300)
    #expect(try text(page).contains("Họ và tên"))
  }

  @Test func straightensAPageScannedThreeDegreesOff() throws {
    let page = try prepared("page-skew3.png")
    #expect(page.rotationApplied == 0)
    #expect(abs(page.skewDegrees - 3) <= 0.5, "measured \(page.skewDegrees)")
    #expect(try text(page).contains("Họ và tên: Nguyễn Thị Thuỷ"))
  }

  @Test func splitsOffTheRedSeal() throws {
    let page = try prepared("page-seal.png")
    #expect(page.redInkFraction > 0.005)
    let mask = try #require(page.redInk)
    #expect(mask.depth == 1 && mask.width == page.image.width && mask.height == page.image.height)
    // The seal ring sits around (950, 330); after the split the grey image there is (nearly) white.
    #expect(page.image.inkFraction(in: PixelRect(x: 1060, y: 300, width: 70, height: 60)) < 0.01)
    let recognized = try text(page)
    #expect(recognized.contains("Họ và tên: Nguyễn Thị Thuỷ"))
    #expect(!recognized.contains("KÝ"))
  }

  @Test func detectsBlankPages() throws {
    let blank = try prepared("blank.png")
    #expect(blank.isBlank)
    #expect(blank.orientationConfidence == nil && !blank.orientationUncertain)
    #expect(try !prepared("page.png").isBlank)
  }

  @Test func flagsLowConfidenceOrientationForReviewInsteadOfGuessing() throws {
    let image = try #require(try PageLoader.load(Fixture.url("page-rot90.png")).first).image
    let unsure = FixtureOCREngine(orientation: OrientationEstimate(clockwiseCorrection: 90, confidence: 0.4))
    let page = try preparer.prepare(image, engine: unsure)
    #expect(page.orientationUncertain)
    #expect(page.rotationApplied == 0)
    let silent = try preparer.prepare(image, engine: FixtureOCREngine(orientation: nil))
    #expect(silent.orientationUncertain && silent.rotationApplied == 0)
  }

  @Test func passesEngineFailuresThrough() throws {
    let image = try #require(try PageLoader.load(Fixture.url("page.png")).first).image
    let failing = FaultInjectingOCREngine(base: FixtureOCREngine(), failingCall: 1)
    #expect(throws: CaptureError.recognitionTimedOut(milliseconds: 1)) { try preparer.prepare(image, engine: failing) }
    #expect(failing.callCount == 1)
  }
}
