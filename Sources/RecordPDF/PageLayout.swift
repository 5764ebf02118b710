// RecordPDF owns the PDF học bạ (bản thể hiện): a pure layout of the record on A4 pages (boxes, text, the QR
// code of the lookup code), built from the same `SchoolYearRecord` the XML is written from, and one cairo/pango
// renderer that draws it with embedded fonts.

/// A rectangle in PDF points, origin at the top left of the page.
public struct Frame: Sendable, Hashable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}

/// How a piece of text is set: size in points, weight, alignment inside its frame.
public struct TextStyle: Sendable, Hashable {
  public enum Alignment: Sendable, Hashable { case left, center, right }
  public var size: Double
  public var bold: Bool
  public var italic: Bool
  public var alignment: Alignment

  public init(size: Double = 9, bold: Bool = false, italic: Bool = false, alignment: Alignment = .left) {
    self.size = size
    self.bold = bold
    self.italic = italic
    self.alignment = alignment
  }

  static let body = TextStyle()
  static let label = TextStyle(bold: true)
  static let small = TextStyle(size: 7)
  static let cell = TextStyle(size: 8)
  static let centeredCell = TextStyle(size: 8, alignment: .center)
  static let header = TextStyle(size: 8, bold: true, alignment: .center)
  static let heading = TextStyle(size: 11, bold: true, alignment: .center)
  static let title = TextStyle(size: 22, bold: true, alignment: .center)
}

/// One thing drawn on a page.
public enum LayoutItem: Sendable, Hashable {
  /// Text wrapped to the frame's width, starting at its top.
  case text(String, Frame, TextStyle)
  /// A stroked rectangle (table cells, boxes).
  case box(Frame)
  /// A QR code: `modules[row][column]` true for dark, drawn into the square frame.
  case qrCode([[Bool]], Frame)
  /// A PNG image (signature or seal) drawn into the frame, keeping its transparency.
  case image([UInt8], Frame)
}

/// One A4 page of the layout.
public struct LayoutPage: Sendable, Hashable {
  public static let width = 595.28
  public static let height = 841.89
  public var items: [LayoutItem] = []
}

/// Measures wrapped text, so the pure layout can size table rows (the renderer supplies pango's measure).
public protocol TextMeasuring {
  /// The height in points of `text` wrapped to `width` in `style`.
  func height(of text: String, width: Double, style: TextStyle) -> Double
}
