/// Places blocks top to bottom on A4 pages, starting a new page when a block does not fit; every page gets the
/// record's footer (lookup code, personal ID, page number).
struct PageFlow {
  static let margin = 42.0
  static let left = margin
  static let right = LayoutPage.width - margin
  static let contentWidth = right - left
  static let bottom = LayoutPage.height - margin - 18

  let measure: any TextMeasuring
  private(set) var pages: [LayoutPage] = []
  var current = LayoutPage()
  var y = margin

  init(measure: any TextMeasuring) { self.measure = measure }

  /// Starts a new page when `height` more points do not fit on this one.
  mutating func ensure(_ height: Double) {
    if y + height > Self.bottom && !current.items.isEmpty { newPage() }
  }

  mutating func newPage() {
    pages.append(current)
    current = LayoutPage()
    y = Self.margin
  }

  /// The height `text` takes at `width`.
  func height(_ text: String, width: Double, style: TextStyle) -> Double {
    text.isEmpty ? 0 : measure.height(of: text, width: width, style: style)
  }

  /// Places text across the content width (or at `x`/`width`) and moves down by its height plus `gap`.
  mutating func paragraph(
    _ text: String, style: TextStyle = .body, x: Double = left, width: Double = contentWidth, gap: Double = 3
  ) {
    let h = height(text, width: width, style: style)
    ensure(h)
    current.items.append(.text(text, Frame(x: x, y: y, width: width, height: h), style))
    y += h + gap
  }

  /// A "label: value" line; the value is left out (with its label kept) when nil.
  mutating func field(_ label: String, _ value: String?) {
    paragraph(label + ": " + (value ?? ""))
  }

  /// Places one table row of cells (widths in points), each cell boxed and as tall as the tallest.
  mutating func row(_ cells: [String], widths: [Double], styles: [TextStyle], padding: Double = 3) {
    var tallest = 10.0
    for (index, cell) in cells.enumerated() {
      tallest = max(tallest, height(cell, width: widths[index] - 2 * padding, style: styles[index]))
    }
    let h = tallest + 2 * padding
    ensure(h)
    var x = Self.left
    for (index, cell) in cells.enumerated() {
      let frame = Frame(x: x, y: y, width: widths[index], height: h)
      current.items.append(.box(frame))
      if !cell.isEmpty {
        let inner = Frame(x: x + padding, y: y + padding, width: widths[index] - 2 * padding, height: tallest)
        current.items.append(.text(cell, inner, styles[index]))
      }
      x += widths[index]
    }
    y += h
  }

  /// All pages, each with the footer naming the record (the same on every page) and "page n/m".
  func finish(footer: String) -> [LayoutPage] {
    var all = pages
    if !current.items.isEmpty { all.append(current) }
    let total = all.count
    for index in all.indices {
      let frame = Frame(x: Self.left, y: LayoutPage.height - Self.margin - 8, width: Self.contentWidth, height: 10)
      all[index].items.append(.text("\(footer) — Trang \(index + 1)/\(total)", frame, .small))
    }
    return all
  }
}
