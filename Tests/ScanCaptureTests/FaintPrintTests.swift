import Foundation
import Testing

@testable import ScanCapture

/// Pale scans: print at mid-grey (toner running out, a light scanner setting, a thin typewriter stroke at
/// 200 DPI) is still print. Blank detection, ink marks and the OCR image measure it against the page's own paper.
@Suite struct FaintPrintTests {
  /// A page of `paper` grey with dark bars of `ink` grey (lines of "text") covering about 3 % of it.
  static func page(paper: UInt8, ink: UInt8?, width: Int = 600, height: Int = 800) throws -> PageImage {
    var pixels = [UInt8](repeating: paper, count: width * height)
    if let ink {
      for line in 0..<8 {
        let top = 120 + line * 70
        for y in top..<(top + 6) {
          for x in 80..<520 { pixels[y * width + x] = ink }
        }
      }
    }
    return try #require(PageImage(grey: pixels, width: width, height: height))
  }

  let detector = BlankPageDetector(maximumInk: 0.002, marginFraction: 0.05)

  @Test func faintPrintIsNotABlankPage() throws {
    let faint = try Self.page(paper: 232, ink: 132)
    // A fixed black/white threshold at 128 sees no ink at all on this page…
    #expect(faint.inkFraction() < 0.002)
    // …measured against its paper, it is a page of print.
    #expect(!detector.isBlank(faint))
    #expect(detector.isBlank(try Self.page(paper: 232, ink: nil)))
  }

  @Test func showThroughAndTintAreNotInk() throws {
    // The back page's print shining through at 30 levels darker than the paper, on tinted paper.
    #expect(detector.isBlank(try Self.page(paper: 225, ink: 195)))
  }

  @Test func faintPrintIsStretchedToBlackOnWhite() throws {
    let faint = try Self.page(paper: 232, ink: 132)
    let stretched = try FaintPrintStretch().stretched(faint)
    let pixels = try #require(stretched.greyPixels(fittingWidth: 600, height: 800)).pixels
    #expect(pixels[125 * 600 + 300] < 20, "ink becomes (nearly) black")
    #expect(pixels[40 * 600 + 300] > 245, "paper becomes white")
    #expect(stretched.inkFraction() > 0.02)
  }

  @Test func blackPrintIsLeftAsItIs() throws {
    let black = try Self.page(paper: 232, ink: 20)
    #expect(try FaintPrintStretch().stretched(black) === black)
    let blank = try Self.page(paper: 232, ink: nil)
    #expect(try FaintPrintStretch().stretched(blank) === blank)
  }

  @Test func greyStrokesAreInkMarksInACell() throws {
    // A cell on white paper holding a thin grey stroke (175) and, at its top edge, a black ruling line.
    let width = 200
    let height = 60
    var pixels = [UInt8](repeating: 245, count: width * height)
    for y in 20..<44 { for x in 60..<64 { pixels[y * width + x] = 175 } }
    for y in 0..<2 { for x in 0..<width { pixels[y * width + x] = 10 } }
    let cell = try #require(PageImage(grey: pixels, width: width, height: height))
    let marks = try RulingLines.inkMarks(
      in: cell, region: PixelRect(x: 0, y: 0, width: width, height: height), minimumHeight: 8)
    #expect(marks.count == 1)
    #expect(marks.first.map { $0.x == 60 && $0.height == 24 } == true)
  }
}
