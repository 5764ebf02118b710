import FieldMapping
import Foundation
import ScanCapture
import TestSupport
import Testing

/// Issue 19 item 5: a table cell's snippet shows the row's label beside the value ("Toán | 6,8").
struct RowSnippetTests {
  /// A synthetic row, 600×100 on grey paper: a label stroke at x 20–139 and a value stroke at x 420–479.
  static func row() throws -> PageImage {
    var pixels = [UInt8](repeating: 230, count: 600 * 100)
    for y in 30..<70 {
      for x in 20..<140 { pixels[y * 600 + x] = 30 }
      for x in 420..<480 { pixels[y * 600 + x] = 30 }
    }
    return try #require(PageImage(grey: pixels, width: 600, height: 100))
  }

  @Test func theSnippetIsTheLabelABarAndTheFramedValueSideBySide() throws {
    let label = PixelRect(x: 10, y: 10, width: 140, height: 80)
    let value = PixelRect(x: 400, y: 10, width: 100, height: 80)
    let snippet = try #require(try Self.row().rowSnippet(label: label, value: value, maxLabelWidth: 1000))
    let grey = try #require(snippet.greyPixels(fittingWidth: 10_000, height: 10_000))
    let frame = 2
    let gap = 13
    #expect(grey.width == 140 + gap + 100 + 2 * frame && grey.height == 80 + 2 * frame)
    func pixel(_ x: Int, _ y: Int) -> UInt8 { grey.pixels[y * grey.width + x] }
    let middle = grey.height / 2
    #expect(pixel(5, middle) > 200 && pixel(60, middle) < 60, "paper, then the label's ink")
    #expect((140..<(140 + gap)).contains { pixel($0, 0) < 60 && pixel($0, grey.height - 1) < 60 }, "the bar")
    let valueLeft = 140 + gap
    #expect(pixel(valueLeft, middle) < 60 && pixel(grey.width - 1, middle) < 60, "the value's frame")
    #expect(pixel(valueLeft + frame + 5, middle) > 200, "paper inside the frame")
    #expect(pixel(valueLeft + frame + 40, middle) < 60, "the value's ink at its place")
  }

  @Test func aLongLabelIsShrunkSoTheValueKeepsThePicture() throws {
    let label = PixelRect(x: 0, y: 10, width: 400, height: 80)
    let value = PixelRect(x: 400, y: 10, width: 100, height: 80)
    let snippet = try #require(try Self.row().rowSnippet(label: label, value: value, maxLabelWidth: 150))
    #expect(snippet.width == 150 + 13 + 100 + 4, "the label part is 150 wide, the value keeps its size")
  }

  /// A year page of the sample scans (synthetic), read with Tesseract: every subject cell's snippet region starts
  /// at its row's label.
  @Test func everySubjectCellsSnippetIncludesItsRowLabel() throws {
    let engine = TesseractEngine()
    let mapper = PageMapper(
      templates: try TemplateSet.load(directory: Evaluation.packageRoot.appendingPathComponent("Mappings")))
    let page = try #require(
      try PageLoader.load(Evaluation.packageRoot.appendingPathComponent("Scans/s001-p3-y2024.png")).first)
    let prepared = try PagePreparer().prepare(page.image, engine: engine)
    guard case .matched(_, _, let fields) = try mapper.read(prepared, engine: engine) else {
      Issue.record("the page is not matched")
      return
    }
    let cells = fields.filter { field in
      field.path.hasPrefix("subjects.")
        && ["firstTerm", "secondTerm", "fullYear"].contains { field.path.hasSuffix($0) }
    }
    #expect(cells.count >= 20, "\(cells.count) subject cells")
    let directory = try TemporaryDirectory()
    for cell in cells {
      let label = try #require(cell.snippetLabelBox, "\(cell.path) has a label region")
      let box = cell.box
      #expect(label.x + label.width <= box.x, "\(cell.path): the label is left of the value")
      #expect(label.y <= box.y + box.height / 2 && box.y + box.height / 2 <= label.y + label.height, "same row")
      #expect(prepared.image.inkFraction(in: label) > 0.01, "\(cell.path): the label region holds the label's ink")
      let url = directory.url.appendingPathComponent("\(cell.path).png")
      try Data(try #require(cell.cropPNG)).write(to: url)
      let crop = try PageImage.load(png: url)
      let labelWidth = min(label.width, 5 * label.height / 2)  // a long label is shrunk to 2.5 row heights
      #expect(
        crop.width > labelWidth + box.width && crop.height >= box.height,
        "\(cell.path): label and value, \(crop.width)×\(crop.height)")
    }
    let toan = try #require(cells.first { $0.path == "subjects.toan.fullYear" })
    let labelOCR = try engine.recognizeRegion(
      prepared.image, region: try #require(toan.snippetLabelBox),
      profile: RecognitionProfile(language: "vie", pageSegmentation: .singleLine))
    #expect(labelOCR.text.contains("Toán"), "the label region of the Toán row reads \(labelOCR.text)")
  }
}
