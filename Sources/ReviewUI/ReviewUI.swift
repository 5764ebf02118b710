// ReviewUI is the pure core of `hocba review`: state, messages, `update` returning effects, and `render(size:)`.
// It performs no I/O: a runner executes the effects (database, terminal) and feeds the results back as messages.
import HocBaModel

/// One decoded key press.
public enum Key: Sendable, Hashable {
  /// A printable character (any Unicode scalar sequence, already decoded from UTF-8).
  case character(Character)
  /// Enter / Return.
  case enter
  /// Tab.
  case tab
  /// Shift-Tab.
  case backTab
  /// Cursor up.
  case up
  /// Cursor down.
  case down
  /// Cursor left.
  case left
  /// Cursor right.
  case right
  /// Home.
  case home
  /// End.
  case end
  /// Backspace (erases left of the cursor).
  case backspace
  /// Delete (erases under the cursor).
  case delete
  /// Escape alone.
  case escape
  /// Function key F2.
  case f2
  /// Ctrl-C (raw mode delivers it as a key, not a signal).
  case interrupt
  /// Ctrl plus a letter (lower case), other than the letters that are keys of their own (Ctrl-C, -H, -I, -J, -M).
  case control(Character)
  /// Function key F1.
  case f1
}

/// A terminal size in character cells.
public struct TerminalSize: Sendable, Hashable {
  /// Columns.
  public var columns: Int
  /// Rows.
  public var rows: Int

  /// Creates a size.
  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }
}

/// A rendered screen: exactly `rows` lines of exactly `columns` characters, plus highlights and the cursor.
public struct Screen: Sendable, Hashable {
  /// The text lines, padded to the width; no colour codes.
  public var lines: [String]
  /// Spans to draw highlighted (reverse video) when the terminal has attributes.
  public var highlights: [Highlight]
  /// Where the terminal cursor goes (row, column), or nil to hide it.
  public var cursor: (row: Int, column: Int)? {
    get { cursorRow.map { ($0, cursorColumn) } }
    set {
      cursorRow = newValue?.row
      cursorColumn = newValue?.column ?? 0
    }
  }
  private var cursorRow: Int?
  private var cursorColumn = 0
  /// The blank box kept for the current field's scanned snippet, which the driver draws; nil for none.
  public var snippet: SnippetArea?

  /// Creates a screen.
  public init(
    lines: [String], highlights: [Highlight] = [], cursor: (row: Int, column: Int)? = nil, snippet: SnippetArea? = nil
  ) {
    self.lines = lines
    self.highlights = highlights
    self.cursorRow = cursor?.row
    self.cursorColumn = cursor?.column ?? 0
    self.snippet = snippet
  }

  /// The plain text of the screen, one line per row, for golden files.
  public var text: String { lines.joined(separator: "\n") + "\n" }
}

/// A box of blank cells in a screen where the driver draws a field's scanned snippet (the crop image).
public struct SnippetArea: Sendable, Hashable {
  /// The crop path as stored (relative to the work folder beside the database).
  public var cropPath: String
  /// The top row.
  public var row: Int
  /// The left column.
  public var column: Int
  /// How many rows.
  public var rows: Int
  /// How many columns.
  public var columns: Int

  /// Creates an area.
  public init(cropPath: String, row: Int, column: Int, rows: Int, columns: Int) {
    self.cropPath = cropPath
    self.row = row
    self.column = column
    self.rows = rows
    self.columns = columns
  }
}

/// A highlighted span of one screen row.
public struct Highlight: Sendable, Hashable {
  /// The row.
  public var row: Int
  /// The first column.
  public var column: Int
  /// How many columns.
  public var length: Int
  /// What the span means; the driver picks the attribute.
  public var style: Style

  /// The meaning of a highlighted span.
  public enum Style: Sendable, Hashable {
    /// The current field.
    case focus
    /// A field awaiting review.
    case pending
    /// An error message.
    case error
    /// A title bar.
    case title
  }

  /// Creates a highlight.
  public init(row: Int, column: Int, length: Int, style: Style) {
    self.row = row
    self.column = column
    self.length = length
    self.style = style
  }
}

extension String {
  /// The text cut or padded with spaces to exactly `width` characters; a cut ends with "…".
  func fitted(_ width: Int) -> String {
    guard width > 0 else { return "" }
    if count <= width { return self + String(repeating: " ", count: width - count) }
    return String(prefix(width - 1)) + "…"
  }

  /// The text centred in `width` characters (cut when longer).
  func centred(_ width: Int) -> String {
    guard count < width else { return fitted(width) }
    let left = (width - count) / 2
    return (String(repeating: " ", count: left) + self).fitted(width)
  }
}
