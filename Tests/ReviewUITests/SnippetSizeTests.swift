import HocBaModel
import ReviewUI
import ScanCapture
import TerminalDriver
import Testing

/// Issue 19 item 5: the snippet is legible at 120×40 and usable at 80×24, in symbols and in the pixel modes.
struct SnippetSizeTests {
  static let legible = TerminalSize(columns: 120, rows: 40)

  /// A row snippet as import stores it ("label | value", about 3.2:1), made from a synthetic row.
  static func rowSnippet() throws -> GreyImage {
    var pixels = [UInt8](repeating: 230, count: 600 * 100)
    for y in 30..<70 {
      for x in 20..<140 where x % 30 < 20 { pixels[y * 600 + x] = 30 }
      for x in 420..<480 where x % 20 < 12 { pixels[y * 600 + x] = 30 }
    }
    let row = try #require(PageImage(grey: pixels, width: 600, height: 100))
    let snippet = try #require(
      row.rowSnippet(
        label: PixelRect(x: 10, y: 10, width: 140, height: 80), value: PixelRect(x: 400, y: 10, width: 100, height: 80),
        maxLabelWidth: 200))
    let grey = try #require(snippet.greyPixels(fittingWidth: 10_000, height: 10_000))
    return GreyImage(width: grey.width, height: grey.height, pixels: grey.pixels)
  }

  /// The box the core keeps for the snippet at `size`.
  static func area(_ size: TerminalSize) throws -> SnippetArea {
    var model = ReviewModelTests.opened()
    model.showsSnippets = true
    return try #require(model.render(size: size).snippet)
  }

  @Test(arguments: [(legible, 48, 7), (SmallTerminalTests.size, 30, 4)])
  func symbolsFillTheBoxWithAPictureOfAtLeast(size: TerminalSize, columns: Int, rows: Int) throws {
    let area = try Self.area(size)
    let renderer = SnippetRenderer(environment: ["TERM": "xterm-256color"], mode: .symbols)
    let lines = renderer.render(try Self.rowSnippet(), columns: area.columns, rows: area.rows)
    #expect(lines.count >= rows && lines.count <= area.rows, "\(lines.count) rows in a box of \(area.rows)")
    let widths = Set(lines.map { SnippetTests.visible($0).count })
    #expect(widths.count == 1 && widths.first! >= columns && widths.first! <= area.columns, "\(widths)")
    let text = lines.joined()
    #expect(!text.contains("\u{1B}P") && !text.contains("\u{1B}_G") && !text.contains("\u{1B}]1337"), "plain symbols")
    #expect(Set(lines.map(SnippetTests.visible)).count > 1, "the rows differ: a picture, not blank")
  }

  @Test func at120x40TheSnippetBoxTakesThePanelBesideTheGrid() throws {
    let area = try Self.area(Self.legible)
    #expect(area.columns >= 50 && area.rows >= 12, "\(area.columns)×\(area.rows)")
    var model = ReviewModelTests.opened()
    model.showsSnippets = true
    try GoldenScreenTests().check(model, Self.legible, "browse-snippet")
  }

  @Test func sixelsAreAsLargeAsTheBoxAllows() throws {
    let area = try Self.area(Self.legible)
    let renderer = SnippetRenderer(environment: ["TERM": "xterm-256color"], mode: .sixels, cell: (10, 20))
    let output = renderer.render(try Self.rowSnippet(), columns: area.columns, rows: area.rows).joined()
    // ESC P … q, then the raster attributes "Pan;Pad;width;height.
    let start = try #require(output.range(of: "\u{1B}P"))
    let body = try #require(output[start.upperBound...].range(of: "q\""))
    let attributes = output[body.upperBound...].prefix { $0.isNumber || $0 == ";" }.split(separator: ";")
    #expect(attributes.count == 4)
    let width = Int(attributes[2]) ?? 0
    #expect(width >= 48 * 10 && width <= area.columns * 10, "sixel picture \(width) px wide")
    #expect(output.hasSuffix("\u{1B}\\"), "the sixel string is terminated")
  }

  @Test func kittyDrawsIntoTheBoxAndTheDrawerErasesItWhenTheFocusMoves() throws {
    let area = try Self.area(Self.legible)
    let renderer = SnippetRenderer(environment: ["TERM": "xterm-kitty"], mode: .kitty, cell: (10, 20))
    var drawer = SnippetDrawer(renderer: renderer) { _, _, _ in try? Self.rowSnippet() }
    let drawn = drawer.update(area, repaintedRows: [])
    #expect(drawn.contains("\u{1B}_G") && drawn.contains("\u{1B}[\(area.row + 1);\(area.column + 1)H"))
    var moved = area
    moved.cropPath = "crops/other.png"
    let retired = drawer.retire(before: moved)
    #expect(retired.output.contains("\u{1B}_Ga=d"), "the old picture is deleted")
    #expect(retired.rows == area.row..<(area.row + area.rows), "and its rows are repainted")
    #expect(drawer.update(moved, repaintedRows: []).contains("\u{1B}_G"), "the new one is drawn")
  }
}
