internal import CLeptonica

/// Splits red ink (seals, red-pen corrections) from a colour scan: a 1-bpp mask of pixels where red clearly
/// dominates green and blue, and a grey image with those pixels whitened.
struct RedInkSplitter {
  /// How much brighter red must be than both green and blue (0–255).
  var dominance: Int32 = 60

  /// The grey OCR image, the mask (nil for non-colour input) and the mask's share of the page.
  func split(_ page: PageImage) throws(CaptureError) -> (grey: PageImage, redInk: PageImage?, fraction: Double) {
    let grey = try page.grey8()
    guard pixGetDepth(page.pix) == 32 else { return (grey, nil, 0) }
    let red = try checked(pixGetRGBComponent(page.pix, Int32(COLOR_RED)), "pixGetRGBComponent(red)")
    defer { destroy(red) }
    let green = try checked(pixGetRGBComponent(page.pix, Int32(COLOR_GREEN)), "pixGetRGBComponent(green)")
    defer { destroy(green) }
    let blue = try checked(pixGetRGBComponent(page.pix, Int32(COLOR_BLUE)), "pixGetRGBComponent(blue)")
    defer { destroy(blue) }
    let overGreen = try dominates(red, over: green)
    defer { destroy(overGreen) }
    let overBlue = try dominates(red, over: blue)
    defer { destroy(overBlue) }
    let core = try checked(pixAnd(nil, overGreen, overBlue), "pixAnd")
    defer { destroy(core) }
    // Grow by one pixel so the anti-aliased rim of red strokes is whitened too.
    let mask = try PageImage.wrap(pixDilateBrick(nil, core, 3, 3), "pixDilateBrick")
    _ = pixCopyResolution(mask.pix, page.pix)
    guard pixSetMasked(grey.pix, mask.pix, 255) == 0 else { throw .libraryFailure(operation: "pixSetMasked") }
    var count: Int32 = 0
    guard pixCountPixels(core, &count, nil) == 0 else { throw .libraryFailure(operation: "pixCountPixels") }
    let fraction = Double(count) / Double(page.width * page.height)
    return (grey, count > 0 ? mask : nil, fraction)
  }

  /// 1 where `a - b` (clipped at 0) is at least `dominance`.
  private func dominates(_ a: UnsafeMutablePointer<PIX>, over b: UnsafeMutablePointer<PIX>) throws(CaptureError)
    -> UnsafeMutablePointer<PIX>
  {
    let difference = try checked(pixSubtractGray(nil, a, b), "pixSubtractGray")
    defer { destroy(difference) }
    // pixThresholdToBinary sets 1 below the threshold; invert to get "difference >= dominance".
    let below = try checked(pixThresholdToBinary(difference, dominance), "pixThresholdToBinary")
    return try checked(pixInvert(below, below), "pixInvert")
  }
}

/// Decides whether a page is blank: its ink share, ignoring a border margin (scanner edges, punch holes), is tiny.
struct BlankPageDetector {
  /// Below this share of dark pixels the page counts as blank.
  var maximumInk: Double
  /// The share of each side ignored.
  var marginFraction: Double

  /// How much darker than the paper a pixel must be to count as ink. Measured against the page's own paper
  /// (its median grey), not a fixed level: faint print on a pale scan (grey 130 on 230) is ink, while
  /// show-through from the back and a lamp's fall-off (30–50 levels) are not.
  static let inkContrast = 80

  func isBlank(_ grey: PageImage) -> Bool {
    let dx = Int(Double(grey.width) * marginFraction)
    let dy = Int(Double(grey.height) * marginFraction)
    let inner = PixelRect(x: dx, y: dy, width: grey.width - 2 * dx, height: grey.height - 2 * dy)
    guard let histogram = grey.greyHistogram(in: inner) else { return grey.inkFraction(in: inner) < maximumInk }
    let total = histogram.reduce(0, +)
    guard total > 0 else { return true }
    var seen = 0
    var paper = 255
    for (level, count) in histogram.enumerated() {
      seen += count
      if 2 * seen >= total {
        paper = level
        break
      }
    }
    let threshold = paper - Self.inkContrast
    guard threshold > 0 else { return false }
    let ink = histogram[..<threshold].reduce(0, +)
    return Double(ink) / Double(total) < maximumInk
  }
}

/// Turns images by quarter turns and by small angles, keeping their resolution.
enum PageRotation {
  /// `image` turned clockwise by `degrees` (a multiple of 90).
  static func quarterTurns(_ image: PageImage, clockwiseDegrees degrees: Int) throws(CaptureError) -> PageImage {
    let quads = ((degrees / 90) % 4 + 4) % 4
    guard quads != 0 else { return image }
    let turned = try PageImage.wrap(pixRotateOrth(image.pix, Int32(quads)), "pixRotateOrth")
    _ = pixCopyResolution(turned.pix, image.pix)
    return turned
  }

  /// `image` turned clockwise by `degrees`, bringing in white at the corners.
  static func small(_ image: PageImage, clockwiseDegrees degrees: Double) throws(CaptureError) -> PageImage {
    let radians = Float(degrees * .pi / 180)
    let type = pixGetDepth(image.pix) == 1 ? L_ROTATE_SAMPLING : L_ROTATE_AREA_MAP
    let turned = try PageImage.wrap(
      pixRotate(image.pix, radians, Int32(type), Int32(L_BRING_IN_WHITE), 0, 0), "pixRotate")
    _ = pixCopyResolution(turned.pix, image.pix)
    return turned
  }
}

/// Measures the skew of text lines within ±10° (Leptonica's sweep and binary search on a 1-bpp copy).
struct SkewDetector {
  /// Below this Leptonica confidence the measured angle is not used.
  var minimumConfidence: Double = 3
  /// Angles smaller than this are not corrected.
  var minimumAngle: Double = 0.1
  /// The widest skew looked for, in degrees either way.
  static let sweepRange: Float = 10

  /// The clockwise rotation in degrees that straightens the text, or 0 when unsure or negligible.
  func correction(for grey: PageImage) throws(CaptureError) -> Double {
    let binary = try checked(grey.binarised(threshold: 130), "pixConvertTo1")
    defer { destroy(binary) }
    var angle: Float = 0
    var confidence: Float = 0
    // pixFindSkew's sweep is ±7° and finds nothing past about 6° (pages fed askew on a sheet feeder reach 7°):
    // the same sweep and search, reduced 4× then 2× as pixFindSkew does, over ±10° in 1° steps. It fails on
    // pages with too little text: treat that as "no skew".
    guard
      pixFindSkewSweepAndSearch(binary, &angle, &confidence, 4, 2, Self.sweepRange, 1, 0.01) == 0
    else { return 0 }
    guard Double(confidence) >= minimumConfidence, abs(Double(angle)) >= minimumAngle else { return 0 }
    return Double(angle)
  }
}

/// Darkens faint print: a pale scan whose darkest ink is mid-grey (toner running out, a light scanner setting:
/// print at grey 130 on paper at 230) is stretched so that its ink is black and its paper white. The fixed
/// thresholds further on (ink marks, ruling lines, skew) then see the print; pages with black ink are left as
/// they are.
struct FaintPrintStretch {
  /// The darkest ink level (the 0.3 % darkest pixels) above which a page counts as faint.
  var faintInkLevel = 90
  /// The paper–ink contrast below which there is nothing to stretch (a blank or a uniformly grey page).
  var minimumContrast = 40

  func stretched(_ grey: PageImage) throws(CaptureError) -> PageImage {
    guard grey.depth == 8,
      let histogram = grey.greyHistogram(in: PixelRect(x: 0, y: 0, width: grey.width, height: grey.height))
    else { return grey }
    let total = histogram.reduce(0, +)
    guard total > 0 else { return grey }
    func level(atShare share: Double) -> Int {
      var seen = 0
      for (level, count) in histogram.enumerated() {
        seen += count
        if Double(seen) >= share * Double(total) { return level }
      }
      return 255
    }
    let ink = level(atShare: 0.003)
    let paper = level(atShare: 0.5)
    guard ink > faintInkLevel, paper - ink >= minimumContrast else { return grey }
    let image = try PageImage.wrap(pixGammaTRC(nil, grey.pix, 1.0, Int32(ink), Int32(paper)), "pixGammaTRC")
    _ = pixCopyResolution(image.pix, grey.pix)
    return image
  }
}
