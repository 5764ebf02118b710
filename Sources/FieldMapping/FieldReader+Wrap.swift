import ScanCapture

// Labelled values that continue on the next line (an address too long for its line).
extension FieldReader {
  /// The ink of the line under a labelled value when that line has no label of its own: the value's second line.
  /// `band` is the value's band on the label's row; nil when the next line is empty or labelled.
  func continuation(under band: PixelRect, label: PixelRect, labels: [PixelRect]) throws -> (
    ink: PixelRect, limit: PixelRect
  )? {
    let height = label.height
    // Below the value's band (the first line's descenders and dots end inside it), about one line deep.
    let top = band.y + band.height
    let area = PixelRect(
      x: max(0, label.x - pixels(0.1)), y: top - height / 4, width: band.x + band.width - label.x + pixels(0.1),
      height: height * 2)
    let marks = try self.marks(in: area, minimumHeight: max(3, height * 35 / 100)).filter { $0.y >= top - height / 6 }
    guard let first = marks.min(by: { $0.y + $0.height / 2 < $1.y + $1.height / 2 }) else { return nil }
    let middle = first.y + first.height / 2
    // A line that starts a new label ("Họ và tên cha: …") is not a continuation.
    let labelled = labels.contains { abs($0.y + $0.height / 2 - middle) < height * 3 / 4 }
    guard !labelled else { return nil }
    let line = marks.filter { abs($0.y + $0.height / 2 - middle) <= height * 3 / 4 }
    guard !line.isEmpty else { return nil }
    let limit = PixelRect(x: area.x, y: middle - height, width: area.width, height: 2 * height)
    // A word ending in ":" on that line is a label the page OCR did not claim: not a continuation.
    guard !text.words(inside: limit).contains(where: { $0.text.hasSuffix(":") }) else { return nil }
    return (PageText.union(line), limit)
  }

  /// One reading of a value printed on two lines: the texts joined by a space, the lower confidence, both boxes.
  func joined(_ first: FieldReading, _ second: FieldReading) -> FieldReading {
    var result = first
    result.rawText = [first.rawText, second.rawText].filter { !$0.isEmpty }.joined(separator: " ")
    if let top = first.normalizedValue, let bottom = second.normalizedValue {
      // The normaliser trims the comma that ended the first line; the joined value keeps it.
      let comma = first.rawText.last(where: { !$0.isWhitespace }) == "," && !top.hasSuffix(",")
      result.normalizedValue = [top + (comma ? "," : ""), bottom].filter { !$0.isEmpty }.joined(separator: " ")
    } else {
      result.normalizedValue = nil
    }
    // Two lines joined are always shown to a person: a misread label below would otherwise join silently.
    result.confidence = min(first.confidence, second.confidence, Self.disputedConfidence)
    result.box = PageText.union([first.box, second.box])
    result.cropPNG = try? image.croppedForReading(to: result.box, whiteBorder: 0).pngData()
    return result
  }
}
