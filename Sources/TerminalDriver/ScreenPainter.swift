import ReviewUI

/// Turns screens into the escape sequences that update a terminal, redrawing only the rows that changed.
public struct ScreenPainter: Sendable {
  private var previous: [String] = []
  /// Whether highlights are drawn (reverse video, underline, bold).
  public var attributes: Bool

  /// Creates a painter; the first paint draws every row.
  public init(attributes: Bool = true) {
    self.attributes = attributes
  }

  /// The rows the last paint wrote (every row after a full repaint).
  public private(set) var repaintedRows: Set<Int> = []

  /// Forgets what is on the terminal, so the next paint draws every row (after a resize).
  public mutating func invalidate() { previous = [] }

  /// Forgets what is on `rows`, so the next paint draws them again (after a picture was erased there).
  public mutating func invalidate(rows: Range<Int>) {
    for row in rows where previous.indices.contains(row) { previous[row] = "" }
  }

  /// The bytes that turn the last painted screen into `screen`.
  public mutating func paint(_ screen: Screen) -> String {
    let full = previous.count != screen.lines.count
    var output = full ? "\u{1B}[2J" : ""
    var drawn: [String] = []
    repaintedRows = []
    for (row, line) in screen.lines.enumerated() {
      let styled = attributes ? style(line, screen.highlights.filter { $0.row == row }) : line
      drawn.append(styled)
      if !full && previous[row] == styled { continue }
      repaintedRows.insert(row)
      output += "\u{1B}[\(row + 1);1H" + styled
    }
    previous = drawn
    if let cursor = screen.cursor {
      output += "\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h"
    } else {
      output += "\u{1B}[?25l"
    }
    return output
  }

  private func style(_ line: String, _ highlights: [Highlight]) -> String {
    guard !highlights.isEmpty else { return line }
    var characters = Array(line).map(String.init)
    for highlight in highlights.sorted(by: { $0.column > $1.column }) {
      let start = highlight.column
      let end = min(characters.count, start + highlight.length) - 1
      guard start <= end else { continue }
      let code =
        switch highlight.style {
        case .focus: "7"
        case .pending: "4"
        case .error: "1;31"
        case .title: "7"
        }
      characters[start] = "\u{1B}[\(code)m" + characters[start]
      characters[end] += "\u{1B}[0m"
    }
    return characters.joined()
  }
}
