/// Recognises text on page images. One engine per worker thread: engines are not shared across threads.
public protocol OCREngine {
  /// Every word on the page with its box; whitespace-only "words" (table rulings) are left out.
  func recognizePage(_ image: PageImage) throws(CaptureError) -> [OCRWord]
  /// Every word on the page found by Tesseract's sparse-text segmentation (PSM 11): as much text as possible, in no
  /// particular order. Form lines that full layout analysis drops are usually found this way.
  func recognizeSparseWords(_ image: PageImage) throws(CaptureError) -> [OCRWord]
  /// The text inside `region` of `image`, read with `profile`.
  func recognizeRegion(_ image: PageImage, region: PixelRect, profile: RecognitionProfile) throws(CaptureError)
    -> OCRText
  /// Which way up the page is, or nil when there is too little text to tell.
  func detectOrientation(_ image: PageImage) throws(CaptureError) -> OrientationEstimate?

  /// Forgets any state kept from earlier pages (a no-op for engines without state).
  func reset()
}

/// One recognised word.
public struct OCRWord: Sendable, Hashable, Codable {
  /// The word's text (NFC, as Tesseract gives it).
  public var text: String
  /// Tesseract's confidence, 0–100. Low does not always mean wrong.
  public var confidence: Double
  /// The word's bounding box in page pixels.
  public var box: PixelRect
  /// The index of the text block on the page, from 0.
  public var blockIndex: Int
  /// The index of the text line on the page (counted across blocks), from 0.
  public var lineIndex: Int

  /// Creates a word.
  public init(text: String, confidence: Double, box: PixelRect, blockIndex: Int, lineIndex: Int) {
    self.text = text
    self.confidence = confidence
    self.box = box
    self.blockIndex = blockIndex
    self.lineIndex = lineIndex
  }
}

/// One alternative reading of a character.
public struct OCRChoice: Sendable, Hashable, Codable {
  /// The character (possibly several code points).
  public var text: String
  /// Confidence, 0–100.
  public var confidence: Double

  /// Creates a choice.
  public init(text: String, confidence: Double) {
    self.text = text
    self.confidence = confidence
  }
}

/// The text read from a region.
public struct OCRText: Sendable, Hashable, Codable {
  /// The text with surrounding whitespace trimmed; lines joined by "\n".
  public var text: String
  /// Mean confidence, 0–100 (0 when nothing was read).
  public var confidence: Double
  /// Per character, the alternatives Tesseract considered (best first); nil unless the profile asked for them.
  public var alternatives: [[OCRChoice]]?

  /// Creates a region result.
  public init(text: String, confidence: Double, alternatives: [[OCRChoice]]? = nil) {
    self.text = text
    self.confidence = confidence
    self.alternatives = alternatives
  }
}

/// Which way up a page is, as estimated by Tesseract's OSD.
public struct OrientationEstimate: Sendable, Hashable, Codable {
  /// Clockwise rotation in degrees (0, 90, 180 or 270) that makes the page upright.
  public var clockwiseCorrection: Int
  /// OSD's confidence; compare with `PagePreparer.minimumOrientationConfidence`.
  public var confidence: Double

  /// Creates an estimate.
  public init(clockwiseCorrection: Int, confidence: Double) {
    self.clockwiseCorrection = clockwiseCorrection
    self.confidence = confidence
  }
}

/// How Tesseract splits the region into text.
public enum PageSegmentation: String, Sendable, Hashable, Codable {
  /// Full layout analysis (PSM 3).
  case auto
  /// One uniform block of text (PSM 6).
  case singleBlock
  /// One line of text (PSM 7): the choice for table cells; it keeps decimal commas.
  case singleLine
  /// One word (PSM 8). Drops decimal commas on score cells; prefer `singleLine`.
  case singleWord
  /// As much text as possible in no particular order (PSM 11).
  case sparseText
}

/// How to read a region: model, segmentation and allowed characters.
public struct RecognitionProfile: Sendable, Hashable, Codable {
  /// Tesseract language model ("vie", "eng", …).
  public var language: String
  /// How the region is segmented.
  public var pageSegmentation: PageSegmentation
  /// The only characters Tesseract may output, or nil for no restriction.
  public var characterWhitelist: String?
  /// Whether to collect per-character alternatives.
  public var includesAlternatives: Bool

  /// Creates a profile.
  public init(
    language: String, pageSegmentation: PageSegmentation, characterWhitelist: String? = nil,
    includesAlternatives: Bool = false
  ) {
    self.language = language
    self.pageSegmentation = pageSegmentation
    self.characterWhitelist = characterWhitelist
    self.includesAlternatives = includesAlternatives
  }

  /// A whole page of Vietnamese text with layout analysis.
  public static let page = RecognitionProfile(language: "vie", pageSegmentation: .auto)
  /// One line of Vietnamese text (names, places, remarks).
  public static let text = RecognitionProfile(language: "vie", pageSegmentation: .singleLine)
  /// A score such as "7,8" or "10": English model, one line, digits and decimal separators only.
  public static let score = RecognitionProfile(
    language: "eng", pageSegmentation: .singleLine, characterWhitelist: "0123456789,.")
  /// A level or conduct grade ("Tốt", "Khá", "Đạt", "CĐ"): Vietnamese, one line.
  public static let level = RecognitionProfile(language: "vie", pageSegmentation: .singleLine)
  /// Digits only (dates, ID numbers, years).
  public static let digits = RecognitionProfile(
    language: "eng", pageSegmentation: .singleLine, characterWhitelist: "0123456789")
}

extension OCREngine {
  /// Engines without state have nothing to forget.
  public func reset() {}

  /// Engines without a sparse mode find nothing more than their page reading.
  public func recognizeSparseWords(_ image: PageImage) throws(CaptureError) -> [OCRWord] { [] }
}
