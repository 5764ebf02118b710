import Foundation
import ScanCapture
import TestSupport
import Testing

@testable import FieldMapping

/// Numbers printed one digit per box ("Mã định danh cá nhân: |0|3|8|…|"): the bars of the boxes are not read.
@Suite struct BoxedNumberTests {
  /// A reader of a 300 DPI sample page (only its resolution matters here).
  static func reader() throws -> FieldReader<FixtureOCREngine> {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let info = try #require(templates.templates.first { $0.id == "info-page" })
    let page = try #require(try PageLoader.load(Evaluation.packageRoot.appendingPathComponent("Scans/s002.tif")).first)
    let reader = FieldReader(template: info, image: page.image, engine: FixtureOCREngine(), text: PageText(words: []))
    try #require(reader.dpi == 300)
    return reader
  }

  /// Twelve digits 40 px high (each 20 px wide, a "1" 6 px wide), each between two bars 4 px wide and 70 px high.
  static func boxedRow(digits: String = "038210015170") -> (digits: [PixelRect], bars: [PixelRect]) {
    var digitBoxes: [PixelRect] = []
    var bars: [PixelRect] = []
    for (index, digit) in digits.enumerated() {
      let left = 600 + index * 50
      bars.append(PixelRect(x: left, y: 685, width: 4, height: 70))
      let width = digit == "1" ? 6 : 20
      digitBoxes.append(PixelRect(x: left + 25 - width / 2, y: 700, width: width, height: 40))
    }
    bars.append(PixelRect(x: 600 + digits.count * 50, y: 685, width: 4, height: 70))
    return (digitBoxes, bars)
  }

  @Test func theBarsOfARowOfBoxesAreSetApart() throws {
    let row = Self.boxedRow()
    let split = try Self.reader().boxBars(among: (row.digits + row.bars).shuffled())
    #expect(Set(split.bars) == Set(row.bars))
    // The thin "1"s are as tall as the other digits: they stay digits.
    #expect(Set(split.ink) == Set(row.digits))
  }

  @Test func anEmptyRowOfBoxesHasNoInk() throws {
    let split = try Self.reader().boxBars(among: Self.boxedRow().bars)
    #expect(split.ink.isEmpty)
    #expect(split.bars.count == 13)
  }

  @Test func aValueWithoutBoxesKeepsEveryMark() throws {
    let reader = try Self.reader()
    // "1111 7" in a sans font: four thin upright strokes, but no taller than the other digit.
    let ones = (0..<4).map { PixelRect(x: 600 + $0 * 30, y: 700, width: 6, height: 40) }
    let seven = PixelRect(x: 760, y: 700, width: 20, height: 40)
    let split = reader.boxBars(among: ones + [seven])
    #expect(split.bars.isEmpty)
    #expect(split.ink.count == 5)
    // Three tall bars (a table rule, a bracket, a slash) are no row of boxes either.
    let three = Array(Self.boxedRow().bars.prefix(3))
    #expect(reader.boxBars(among: three + [seven]).bars.isEmpty)
  }

  @Test func barsArePaintedWhiteAndTheDigitsStay() throws {
    let row = Self.boxedRow()
    let width = 1400
    let height = 900
    var pixels = [UInt8](repeating: 240, count: width * height)
    for rect in row.digits + row.bars {
      for y in rect.y..<(rect.y + rect.height) {
        for x in rect.x..<(rect.x + rect.width) { pixels[y * width + x] = 30 }
      }
    }
    let image = try #require(PageImage(grey: pixels, width: width, height: height))
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let info = try #require(templates.templates.first { $0.id == "info-page" })
    let reader = FieldReader(template: info, image: image, engine: FixtureOCREngine(), text: PageText(words: []))
    let cleaned = try reader.withoutBars(row.bars)
    for bar in row.bars {
      #expect(image.inkFraction(in: bar) == 1)
      #expect(cleaned.image.inkFraction(in: bar) == 0)
    }
    for digit in row.digits {
      #expect(cleaned.image.inkFraction(in: digit) == 1)
    }
    #expect(try reader.withoutBars([]).image === image)
  }
}
