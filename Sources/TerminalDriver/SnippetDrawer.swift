import ReviewUI

/// Draws the current field's snippet into the box the core kept blank, after the text frame was painted.
///
/// The picture is redrawn only when the box or its crop changed, or when the painter wrote over its rows.
public struct SnippetDrawer {
  /// Reads a crop (its stored path) as grey pixels fitting a pixel box; nil when it cannot be read.
  public typealias Loader = (_ cropPath: String, _ maxWidth: Int, _ maxHeight: Int) -> GreyImage?

  private let renderer: SnippetRenderer
  private let load: Loader
  private var drawn: SnippetArea?
  private var cache: (area: SnippetArea, lines: [String])?

  /// A drawer that renders with `renderer` the crops `load` reads.
  public init(renderer: SnippetRenderer, load: @escaping Loader) {
    self.renderer = renderer
    self.load = load
  }

  /// Before painting a frame whose snippet is `next`: the bytes that erase the picture drawn for another area
  /// (empty when none), and the rows the text painter must then repaint.
  public mutating func retire(before next: SnippetArea?) -> (output: String, rows: Range<Int>) {
    guard let old = drawn, old != next else { return ("", 0..<0) }
    drawn = nil
    var output = "\u{1B}7" + (renderer.mode == .kitty ? "\u{1B}_Ga=d\u{1B}\\" : "")
    let blank = String(repeating: " ", count: old.columns)
    for row in old.row..<(old.row + old.rows) { output += "\u{1B}[\(row + 1);\(old.column + 1)H" + blank }
    return (output + "\u{1B}8", old.row..<(old.row + old.rows))
  }

  /// The bytes that bring the snippet on the terminal up to date with `area`, given the rows the text painter
  /// just wrote. The cursor is saved and restored around the drawing.
  public mutating func update(_ area: SnippetArea?, repaintedRows: Set<Int>) -> String {
    let clearKitty = renderer.mode == .kitty ? "\u{1B}_Ga=d\u{1B}\\" : ""
    guard let area else { return "" }
    let covered = area.row..<(area.row + area.rows)
    guard area != drawn || !repaintedRows.isDisjoint(with: covered) else { return "" }
    drawn = area
    var output = "\u{1B}7" + clearKitty
    let blank = String(repeating: " ", count: area.columns)
    for row in covered { output += "\u{1B}[\(row + 1);\(area.column + 1)H" + blank }
    for (offset, line) in lines(for: area).enumerated() {
      output += "\u{1B}[\(area.row + offset + 1);\(area.column + 1)H" + line
    }
    return output + "\u{1B}8"
  }

  /// The rendered rows for `area`, cached while the area stays the same.
  private mutating func lines(for area: SnippetArea) -> [String] {
    if let cache, cache.area == area { return cache.lines }
    let maxWidth = area.columns * renderer.cellWidth
    let maxHeight = area.rows * renderer.cellHeight
    let lines = load(area.cropPath, maxWidth, maxHeight).map {
      renderer.render($0, columns: area.columns, rows: area.rows)
    }
    cache = (area, lines ?? [])
    return lines ?? []
  }
}
