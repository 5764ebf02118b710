import ScanCapture

// Numbers printed one digit per box ("Mã định danh: |0|3|8|2|…|"): the boxes' bars are not part of the value.
extension FieldReader {
  /// The marks of a value split into the value's own ink and the bars of a row of character boxes: at least four
  /// thin upright marks (at most 1/30 inch wide, a slightly skewed bar included, and four times as tall) clearly taller than the value's other marks (a quarter more than
  /// their median), or, in a row with nothing written, at least four thin marks alone. Tesseract reads a bar as
  /// "1" or "|" ("|0|3|8" came out as "327"). A value with fewer bars keeps all its marks: a thin "1" or "l" is
  /// never taken away on its own.
  func boxBars(among marks: [PixelRect]) -> (ink: [PixelRect], bars: [PixelRect]) {
    let thin = max(4, dpi / 30)
    let isBar = { (mark: PixelRect) in mark.width <= thin && mark.height >= 4 * mark.width }
    let upright = marks.filter(isBar)
    let others = marks.filter { !isBar($0) }
    let heights = others.map(\.height).sorted()
    guard let median = heights.isEmpty ? nil : heights[heights.count / 2] else {
      return upright.count >= 4 ? ([], upright) : (marks, [])
    }
    let bars = upright.filter { 4 * $0.height >= 5 * median }
    guard bars.count >= 4 else { return (marks, []) }
    return (marks.filter { mark in !bars.contains(mark) }, bars)
  }

  /// This reader on a page with `bars` painted white (grown by a pixel each way for their anti-aliased rim).
  func withoutBars(_ bars: [PixelRect]) throws -> Self {
    guard !bars.isEmpty else { return self }
    var copy = self
    copy.image = try image.whitening(
      bars.map { PixelRect(x: $0.x - 2, y: $0.y - 2, width: $0.width + 4, height: $0.height + 4) })
    return copy
  }
}
