import Foundation
import TestSupport
import Testing

@testable import ScanCapture

/// Long thin horizontal lines (underlines under values, table rules) are taken off the page values are read
/// from; the letters stay.
@Suite struct UnderlineRemovalTests {
  static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scans/s001-p3-y2024.png")

  @Test func horizontalRulesGoAndTheTextStays() throws {
    let loaded = try #require(try PageLoader.load(Self.page).first)
    let grey = try PagePreparer().prepare(loaded.image, engine: FixtureOCREngine(orientation: nil)).image
    let before = try RulingLines.detect(in: grey)
    try #require(before.horizontal.count >= 10, "the sample year page has a ruled subject table")
    let cleaned = try RulingLines.removingUnderlines(from: grey)
    let after = try RulingLines.detect(in: cleaned)
    #expect(after.horizontal.isEmpty)
    // Vertical rules are not underlines: their ink stays, but where a horizontal rule crossed them.
    let rule = try #require(before.vertical.first).box
    #expect(cleaned.inkFraction(in: rule) > 0.8 * grey.inkFraction(in: rule))
    // Inside a cell of the table (between two rules) the ink is what it was: the digits were not touched.
    let rows = before.horizontal.map(\.midY)
    let cell = PixelRect(
      x: before.horizontal[0].box.x + 10, y: rows[1] + 8, width: before.horizontal[0].box.width - 20,
      height: rows[2] - rows[1] - 16)
    #expect(abs(cleaned.inkFraction(in: cell) - grey.inkFraction(in: cell)) < 0.002)
    #expect(grey.inkFraction(in: cell) > 0.01)
  }
}
