internal import CLeptonica

/// One straight ruling line found on a page: a horizontal or vertical stroke of a printed table.
public struct RulingSegment: Sendable, Hashable, Codable {
  /// The stroke's bounding box in page pixels.
  public var box: PixelRect

  /// Creates a segment from its bounding box.
  public init(box: PixelRect) {
    self.box = box
  }

  /// The horizontal centre line (for a horizontal segment: its y position).
  public var midY: Int { box.y + box.height / 2 }
  /// The vertical centre line (for a vertical segment: its x position).
  public var midX: Int { box.x + box.width / 2 }
}

/// The table rulings of a page, found by morphology: long thin horizontal and vertical runs of ink.
///
/// Dotted leaders, letters and signatures are shorter than `minimumLength` and vanish in the opening, so only the
/// printed rules of tables remain. Expects a deskewed page (residual skew below about 0.5°).
public struct RulingLines: Sendable, Hashable {
  /// Horizontal rulings, top to bottom.
  public var horizontal: [RulingSegment]
  /// Vertical rulings, left to right.
  public var vertical: [RulingSegment]

  /// Creates a set of rulings (tests build them by hand).
  public init(horizontal: [RulingSegment], vertical: [RulingSegment]) {
    self.horizontal = horizontal
    self.vertical = vertical
  }

  /// The resolution assumed when the image does not carry one.
  public static let fallbackResolution = 300

  /// Finds the rulings of `image`; a segment is at least `minimumLength` inches long (0.3 in by default).
  public static func detect(in image: PageImage, minimumLength: Double = 0.3) throws(CaptureError) -> RulingLines {
    _ = leptonicaSetup
    let dpi = image.resolution > 0 ? image.resolution : fallbackResolution
    let length = Int32(max(20, Double(dpi) * minimumLength))
    let binary = try checked(image.binarised(threshold: 160), "pixConvertTo1")
    defer { destroy(binary) }
    let horizontal = try segments(binary, open: (length, 1), merge: (Int32(dpi / 20), 3))
    let vertical = try segments(binary, open: (1, length), merge: (3, Int32(dpi / 20)))
    return RulingLines(
      horizontal: horizontal.sorted { $0.midY < $1.midY }, vertical: vertical.sorted { $0.midX < $1.midX })
  }

  /// Opens `binary` with a line-shaped brick, closes small gaps and returns the connected strokes.
  private static func segments(
    _ binary: UnsafeMutablePointer<PIX>, open: (Int32, Int32), merge: (Int32, Int32)
  ) throws(CaptureError) -> [RulingSegment] {
    // Pinholes in a rule (scanner noise, a rotated thin line) would cut it into pieces shorter than the opening:
    // a closing along the rule's direction by a few pixels fills them first.
    let bridge: (Int32, Int32) = open.0 > open.1 ? (5, 1) : (1, 5)
    let filled = try checked(pixCloseBrick(nil, binary, bridge.0, bridge.1), "pixCloseBrick")
    defer { destroy(filled) }
    let opened = try checked(pixOpenBrick(nil, filled, open.0, open.1), "pixOpenBrick")
    defer { destroy(opened) }
    let merged = try checked(pixCloseBrick(nil, opened, merge.0, merge.1), "pixCloseBrick")
    defer { destroy(merged) }
    return try componentBoxes(merged).map(RulingSegment.init(box:))
  }

  /// The bounding boxes of the 8-connected components of a 1-bpp image.
  private static func componentBoxes(_ binary: UnsafeMutablePointer<PIX>) throws(CaptureError) -> [PixelRect] {
    var boxes = pixConnComp(binary, nil, 8)
    guard let list = boxes else { throw .libraryFailure(operation: "pixConnComp") }
    defer { boxaDestroy(&boxes) }
    var result: [PixelRect] = []
    for index in 0..<boxaGetCount(list) {
      var x: Int32 = 0
      var y: Int32 = 0
      var width: Int32 = 0
      var height: Int32 = 0
      guard boxaGetBoxGeometry(list, index, &x, &y, &width, &height) == 0 else {
        throw .libraryFailure(operation: "boxaGetBoxGeometry")
      }
      result.append(PixelRect(x: Int(x), y: Int(y), width: Int(width), height: Int(height)))
    }
    return result
  }

  /// The boxes of ink marks inside `region` (page pixels), without remnants of ruling lines at its edges.
  ///
  /// Used to tell an empty cell from a filled one before any OCR, and to crop a value tightly. Marks lower than
  /// `minimumHeight` pixels (specks, dotted leaders) are left out; `keepingRules` keeps the ruling remnants too.
  public static func inkMarks(
    in image: PageImage, region: PixelRect, minimumHeight: Int, keepingRules: Bool = false
  ) throws(CaptureError) -> [PixelRect] {
    _ = leptonicaSetup
    guard let area = region.clamped(toWidth: image.width, height: image.height) else { return [] }
    let piece = try withBox(area) { box throws(CaptureError) in
      try checked(pixClipRectangle(image.pix, box, nil), "pixClipRectangle")
    }
    defer { destroy(piece) }
    let binary = try checked(
      pixGetDepth(piece) == 1 ? pixClone(piece) : pixConvertTo1(piece, inkThreshold(in: image, area: area)),
      "pixConvertTo1")
    defer { destroy(binary) }
    let dpi = image.resolution > 0 ? image.resolution : fallbackResolution
    let thin = max(3, dpi / 60)
    return try componentBoxes(binary).compactMap { box in
      let isRuleBit =
        (box.height <= thin && box.width >= 4 * box.height)
        || (box.width <= thin && box.height >= area.height * 4 / 5)
      guard keepingRules || !isRuleBit, box.height >= minimumHeight else { return nil }
      return PixelRect(x: box.x + area.x, y: box.y + area.y, width: box.width, height: box.height)
    }
  }

  /// The grey level below which a pixel of `area` is ink: 60 levels under the area's paper (its median grey),
  /// between 128 and 200. A thin typewriter stroke scanned at 200 DPI is grey (150–180), not black; a fixed 128
  /// lost the "7" of "7,8" and cropped the value to ",8".
  static func inkThreshold(in image: PageImage, area: PixelRect) -> Int32 {
    guard let histogram = image.greyHistogram(in: area) else { return 128 }
    let total = histogram.reduce(0, +)
    var seen = 0
    for (level, count) in histogram.enumerated() {
      seen += count
      if 2 * seen >= total { return Int32(min(200, max(128, level - 60))) }
    }
    return 128
  }

  /// A copy of a grey page without dotted leaders (the "……" lines under label values), which full-page OCR
  /// otherwise reads as a garbage line merged with the text above it. A leader is a horizontal run, at least
  /// half an inch long, of specks no larger than 1/60 inch with gaps below 1/20 inch; other specks (i-dots,
  /// diacritics, full stops) stay. Images that are not 8-bit grey are returned as they are.
  public static func removingDottedLeaders(from image: PageImage) throws(CaptureError) -> PageImage {
    _ = leptonicaSetup
    guard image.depth == 8 else { return image }
    let dpi = image.resolution > 0 ? image.resolution : fallbackResolution
    let binary = try checked(image.binarised(threshold: 160), "pixConvertTo1")
    defer { destroy(binary) }
    let speck = Int32(max(3, dpi / 60))
    var changed: Int32 = 0
    let specks = try checked(
      pixSelectBySize(binary, speck, speck, 8, Int32(L_SELECT_IF_BOTH), Int32(L_SELECT_IF_LTE), &changed),
      "pixSelectBySize")
    defer { destroy(specks) }
    let bridged = try checked(pixCloseBrick(nil, specks, Int32(max(8, dpi / 20)), 1), "pixCloseBrick")
    defer { destroy(bridged) }
    let runs = try checked(pixOpenBrick(nil, bridged, Int32(max(40, dpi / 2)), 1), "pixOpenBrick")
    defer { destroy(runs) }
    let leaders = try checked(pixAnd(nil, runs, specks), "pixAnd")
    defer { destroy(leaders) }
    return try whitened(image, where: leaders, dilatedBy: (3, 3))
  }

  /// A copy of `image` with the pixels of `marks` (1 bpp, same geometry), grown by `dilation`, painted white.
  static func whitened(
    _ image: PageImage, where marks: UnsafeMutablePointer<PIX>, dilatedBy dilation: (Int32, Int32)
  ) throws(CaptureError) -> PageImage {
    let mask = try checked(pixDilateBrick(nil, marks, dilation.0, dilation.1), "pixDilateBrick")
    defer { destroy(mask) }
    let copy = try PageImage.wrap(pixCopy(nil, image.pix), "pixCopy")
    guard pixSetMasked(copy.pix, mask, 255) == 0 else { throw .libraryFailure(operation: "pixSetMasked") }
    return copy
  }
}
