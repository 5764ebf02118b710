import Foundation
import ReviewUI
import ScanCapture
import TerminalDriver
import TestSupport
import Testing

/// The current field's scanned snippet: decoded by ScanCapture, drawn by chafa, placed by the core.
struct SnippetTests {
  /// A 200×40 synthetic crop: white paper with a dark bar in the middle third, written as a real PNG.
  static func syntheticCrop(in directory: TemporaryDirectory) throws -> URL {
    let (width, height) = (200, 40)
    var pixels = [UInt8](repeating: 240, count: width * height)
    for y in 12..<28 {
      for x in 60..<140 { pixels[y * width + x] = 20 }
    }
    let image = try #require(PageImage(grey: pixels, width: width, height: height))
    let url = directory.url.appendingPathComponent("crop.png")
    try image.writePNG(to: url)
    return url
  }

  /// What a terminal shows of `line`: the text without escape sequences.
  static func visible(_ line: String) -> String {
    line.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
  }

  @Test func aStoredCropReadsBackAsGreyPixelsFittedToTheBox() throws {
    let directory = try TemporaryDirectory()
    let image = try PageImage.load(png: try Self.syntheticCrop(in: directory))
    let full = try #require(image.greyPixels(fittingWidth: 1000, height: 1000))
    #expect(full.width == 200 && full.height == 40, "never enlarged")
    #expect(full.pixels[20 * 200 + 100] == 20 && full.pixels[0] == 240)
    let small = try #require(image.greyPixels(fittingWidth: 100, height: 100))
    #expect(small.width == 100 && small.height == 20 && small.pixels.count == 2000)
    #expect(throws: CaptureError.self) { try PageImage.load(png: directory.url.appendingPathComponent("none.png")) }
  }

  @Test func symbolModeDrawsTheCropAtTheExpectedSizeAndNotBlank() throws {
    let directory = try TemporaryDirectory()
    let image = try PageImage.load(png: try Self.syntheticCrop(in: directory))
    let grey = try #require(image.greyPixels(fittingWidth: 400, height: 160))
    let picture = GreyImage(width: grey.width, height: grey.height, pixels: grey.pixels)
    let renderer = SnippetRenderer(environment: ["TERM": "xterm-256color"], mode: .symbols)
    let cells = renderer.fittedCells(picture, columns: 20, rows: 4)
    #expect(cells.columns == 20 && cells.rows == 2, "a 5:1 crop in 1:2 cells is 20 × 2")
    let lines = renderer.render(picture, columns: 20, rows: 4)
    #expect(lines.count == cells.rows)
    for line in lines { #expect(Self.visible(line).count == cells.columns, "\(line.debugDescription)") }
    let paper = GreyImage(width: 200, height: 40, pixels: [UInt8](repeating: 240, count: 8000))
    let blank = renderer.render(paper, columns: 20, rows: 4)
    #expect(blank.count == lines.count && blank != lines, "the bar shows: the picture is not blank")
  }

  @Test(arguments: [GraphicsMode.kitty, .sixels, .iterm2])
  func pixelModesEmitTheirProtocol(mode: GraphicsMode) {
    let picture = GreyImage(width: 40, height: 8, pixels: (0..<320).map { UInt8($0 % 40 * 6) })
    let output = SnippetRenderer(environment: ["TERM": "xterm-256color"], mode: mode).render(
      picture, columns: 10, rows: 2
    ).joined()
    let start = ["kitty": "\u{1B}_G", "sixels": "\u{1B}P", "iterm2": "\u{1B}]1337;"][mode.rawValue]!
    #expect(output.contains(start), "\(mode): \(output.prefix(20).debugDescription)")
  }

  @Test func theCoreKeepsABlankBoxForTheSnippetOnlyWhenAsked() throws {
    var model = ReviewModelTests.opened()
    for size in [GoldenScreenTests.small, GoldenScreenTests.large] {
      #expect(model.render(size: size).snippet == nil, "--no-images: no box, the path is shown")
    }
    model.showsSnippets = true
    for size in [GoldenScreenTests.small, GoldenScreenTests.large] {
      let screen = model.render(size: size)
      let area = try #require(screen.snippet)
      #expect(area.cropPath == model.currentField?.cropPath)
      #expect(area.rows >= 2 && area.columns >= 10 && area.row + area.rows <= size.rows - 3)
      #expect(area.column + area.columns <= size.columns)
      for row in area.row..<(area.row + area.rows) {
        let cells = Array(screen.lines[row])[area.column..<(area.column + area.columns)]
        #expect(cells.allSatisfy { $0 == " " }, "row \(row) of the box is blank")
      }
      try GoldenScreenTests().check(model, size, "browse-snippet")
    }
  }

  @Test func noImagesYieldsNoImageOutput() throws {
    var model = ReviewModelTests.opened()
    var painter = ScreenPainter(attributes: false)
    var loads = 0
    var drawer = SnippetDrawer(renderer: SnippetRenderer(environment: ["TERM": "xterm"], mode: .symbols)) { _, _, _ in
      loads += 1
      return GreyImage(width: 2, height: 2, pixels: [0, 255, 255, 0])
    }
    let off = model.render(size: GoldenScreenTests.small)
    _ = painter.paint(off)
    #expect(drawer.update(off.snippet, repaintedRows: painter.repaintedRows).isEmpty)
    #expect(loads == 0)
    model.showsSnippets = true
    let on = model.render(size: GoldenScreenTests.small)
    _ = painter.paint(on)
    let drawn = drawer.update(on.snippet, repaintedRows: painter.repaintedRows)
    #expect(loads == 1 && drawn.hasPrefix("\u{1B}7") && drawn.hasSuffix("\u{1B}8"))
    #expect(drawer.update(on.snippet, repaintedRows: []).isEmpty, "unchanged: not redrawn")
    let retired = drawer.retire(before: nil)
    let area = try #require(on.snippet)
    #expect(retired.rows == area.row..<(area.row + area.rows) && retired.output.contains("\u{1B}["))
    #expect(drawer.retire(before: nil).output.isEmpty, "erased once")
  }
}
