/// A page made ready for OCR: grey, upright, deskewed, with red ink split off.
public struct PreparedPage {
  /// The 8-bit grey, upright, deskewed image for OCR (red-ink pixels whitened).
  public let image: PageImage
  /// A 1-bpp mask of red ink (seals, red corrections) in the same geometry as `image`; nil when none was found.
  public let redInk: PageImage?
  /// The share of the page covered by red ink, 0–1.
  public let redInkFraction: Double
  /// The clockwise quarter-turn applied to make the page upright: 0, 90, 180 or 270.
  public let rotationApplied: Int
  /// The clockwise rotation in degrees applied to straighten the text (a page turned counter-clockwise on the
  /// scanner gives a positive value); 0 when no skew was measured.
  public let skewDegrees: Double
  /// OSD's confidence in the orientation, nil when OSD could not decide or was skipped (blank page).
  public let orientationConfidence: Double?
  /// True when OSD was unsure: the page was not turned and needs a person to check it.
  public let orientationUncertain: Bool
  /// True when the page carries (almost) no ink.
  public let isBlank: Bool
}

/// Prepares scanned pages for OCR in named stages: red-ink split and grey conversion, blank detection, faint
/// print darkened, orientation (Tesseract OSD), deskew.
public struct PagePreparer {
  /// Below this OSD confidence a page is never turned; it is flagged `orientationUncertain` for review.
  public static let minimumOrientationConfidence: Double = 5.0

  /// Below this share of dark pixels (margins ignored) a page is blank.
  public var maximumBlankInk: Double
  /// The share of each side ignored by blank detection.
  public var blankMarginFraction: Double

  /// Creates a preparer with the default thresholds.
  public init(maximumBlankInk: Double = 0.002, blankMarginFraction: Double = 0.05) {
    self.maximumBlankInk = maximumBlankInk
    self.blankMarginFraction = blankMarginFraction
  }

  /// Runs every stage on `page`; `engine` supplies orientation detection.
  public func prepare(_ page: PageImage, engine: some OCREngine) throws(CaptureError) -> PreparedPage {
    let split = try RedInkSplitter().split(page)
    let detector = BlankPageDetector(maximumInk: maximumBlankInk, marginFraction: blankMarginFraction)
    if detector.isBlank(split.grey) {
      return PreparedPage(
        image: split.grey, redInk: split.redInk, redInkFraction: split.fraction, rotationApplied: 0, skewDegrees: 0,
        orientationConfidence: nil, orientationUncertain: false, isBlank: true)
    }

    let strengthened = try FaintPrintStretch().stretched(split.grey)
    let estimate = try engine.detectOrientation(strengthened)
    let confident = estimate.map { $0.confidence >= Self.minimumOrientationConfidence } ?? false
    let rotation = confident ? estimate?.clockwiseCorrection ?? 0 : 0
    var grey = try PageRotation.quarterTurns(strengthened, clockwiseDegrees: rotation)
    var redInk = try split.redInk.map { mask throws(CaptureError) in
      try PageRotation.quarterTurns(mask, clockwiseDegrees: rotation)
    }

    let skew = try SkewDetector().correction(for: grey)
    if skew != 0 {
      grey = try PageRotation.small(grey, clockwiseDegrees: skew)
      redInk = try redInk.map { mask throws(CaptureError) in try PageRotation.small(mask, clockwiseDegrees: skew) }
    }

    return PreparedPage(
      image: grey, redInk: redInk, redInkFraction: split.fraction, rotationApplied: rotation, skewDegrees: skew,
      orientationConfidence: estimate?.confidence, orientationUncertain: !confident, isBlank: false)
  }
}
