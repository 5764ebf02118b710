internal import CLeptonica
internal import CTesseract
import Foundation

/// The Tesseract-backed `OCREngine`: one long-lived TessBaseAPI per language, created on first use.
/// Not thread-safe; give each worker thread its own engine.
public final class TesseractEngine: OCREngine {
  /// Time limit for one page.
  public let pageTimeout: Duration
  /// Time limit for one region.
  public let regionTimeout: Duration
  /// The profile `recognizePage` uses.
  public let pageProfile: RecognitionProfile
  private var apis: [String: TesseractAPI] = [:]

  /// Creates an engine; models are loaded lazily.
  public init(
    pageProfile: RecognitionProfile = .page, pageTimeout: Duration = .seconds(60), regionTimeout: Duration = .seconds(5)
  ) {
    self.pageProfile = pageProfile
    self.pageTimeout = pageTimeout
    self.regionTimeout = regionTimeout
  }

  /// Loads the models for `languages` now (to report a missing model before work starts).
  public func preload(_ languages: [String]) throws(CaptureError) {
    for language in languages { _ = try api(for: language) }
  }

  public func recognizePage(_ image: PageImage) throws(CaptureError) -> [OCRWord] {
    let api = try configured(for: pageProfile, image: image)
    TessBaseAPISetRectangle(api.handle, 0, 0, Int32(image.width), Int32(image.height))
    try api.recognize(deadlineMilliseconds: Self.milliseconds(pageTimeout))
    return try words(from: api)
  }

  public func recognizeSparseWords(_ image: PageImage) throws(CaptureError) -> [OCRWord] {
    var profile = pageProfile
    profile.pageSegmentation = .sparseText
    let api = try configured(for: profile, image: image)
    TessBaseAPISetRectangle(api.handle, 0, 0, Int32(image.width), Int32(image.height))
    try api.recognize(deadlineMilliseconds: Self.milliseconds(pageTimeout))
    return try words(from: api)
  }

  public func recognizeRegion(_ image: PageImage, region: PixelRect, profile: RecognitionProfile) throws(CaptureError)
    -> OCRText
  {
    guard let area = region.clamped(toWidth: image.width, height: image.height) else {
      throw .regionOutsideImage(region: region, width: image.width, height: image.height)
    }
    let api = try configured(for: profile, image: image)
    try api.set("lstm_choice_mode", profile.includesAlternatives ? "2" : "0")
    TessBaseAPISetRectangle(api.handle, Int32(area.x), Int32(area.y), Int32(area.width), Int32(area.height))
    try api.recognize(deadlineMilliseconds: Self.milliseconds(regionTimeout))
    guard let raw = TesseractAPI.take(TessBaseAPIGetUTF8Text(api.handle)) else {
      throw .libraryFailure(operation: "TessBaseAPIGetUTF8Text")
    }
    let text = raw.split(separator: "\n", omittingEmptySubsequences: true)
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    let confidence = text.isEmpty ? 0 : Double(max(0, TessBaseAPIMeanTextConf(api.handle)))
    let alternatives = profile.includesAlternatives ? try choices(from: api) : nil
    return OCRText(text: text, confidence: confidence, alternatives: alternatives)
  }

  public func detectOrientation(_ image: PageImage) throws(CaptureError) -> OrientationEstimate? {
    let api = try api(for: "osd")
    api.use(image)
    var degrees: Int32 = 0
    var confidence: Float = 0
    // script_name is left nil: in 5.3 it points into the unicharset and must not be freed, whatever capi.h says.
    guard TessBaseAPIDetectOrientationScript(api.handle, &degrees, &confidence, nil, nil) != 0 else { return nil }
    // OSD reports the page's counter-clockwise rotation; turning it clockwise by (360 - d) % 360 undoes it.
    let correction = (360 - Int(degrees)) % 360
    return OrientationEstimate(clockwiseCorrection: correction, confidence: Double(confidence))
  }

  /// Starts every language model afresh, so a page's result never depends on the pages read before it.
  ///
  /// Measured: with long-lived engines, a page's CCCD read differently depending on which file the worker had read
  /// first (state left in the engine), which broke kill-and-resume equality. Re-initialising costs about 0.1 s per
  /// model per page.
  public func reset() {
    apis.removeAll()
  }

  /// Lets Tesseract drop its reference to the last image (call between pages to free memory early).
  public func releaseImages() {
    for api in apis.values { api.clearImage() }
  }

  // MARK: - Helpers

  private func api(for language: String) throws(CaptureError) -> TesseractAPI {
    if let api = apis[language] { return api }
    let api = try TesseractAPI(language: language)
    apis[language] = api
    return api
  }

  private func configured(for profile: RecognitionProfile, image: PageImage) throws(CaptureError) -> TesseractAPI {
    let api = try api(for: profile.language)
    TessBaseAPISetPageSegMode(api.handle, Self.mode(profile.pageSegmentation))
    try api.set("tessedit_char_whitelist", profile.characterWhitelist ?? "")
    api.use(image)
    return api
  }

  private static func mode(_ segmentation: PageSegmentation) -> TessPageSegMode {
    switch segmentation {
    case .auto: PSM_AUTO
    case .singleBlock: PSM_SINGLE_BLOCK
    case .singleLine: PSM_SINGLE_LINE
    case .singleWord: PSM_SINGLE_WORD
    case .sparseText: PSM_SPARSE_TEXT
    }
  }

  private static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
  }

  /// Walks the result iterator word by word; whitespace-only words (table rulings) are skipped.
  private func words(from api: TesseractAPI) throws(CaptureError) -> [OCRWord] {
    guard let iterator = TessBaseAPIGetIterator(api.handle) else { return [] }
    defer { TessResultIteratorDelete(iterator) }
    guard let page = TessResultIteratorGetPageIterator(iterator) else {
      throw .libraryFailure(operation: "TessResultIteratorGetPageIterator")
    }
    var result: [OCRWord] = []
    var block = -1
    var line = -1
    repeat {
      if TessPageIteratorIsAtBeginningOf(page, RIL_BLOCK) != 0 { block += 1 }
      if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 { line += 1 }
      guard let text = TesseractAPI.take(TessResultIteratorGetUTF8Text(iterator, RIL_WORD)),
        !text.allSatisfy(\.isWhitespace)
      else { continue }
      var left: Int32 = 0
      var top: Int32 = 0
      var right: Int32 = 0
      var bottom: Int32 = 0
      guard TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0 else { continue }
      let box = PixelRect(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top))
      let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD))
      result.append(
        OCRWord(text: text, confidence: confidence, box: box, blockIndex: max(0, block), lineIndex: max(0, line)))
    } while TessResultIteratorNext(iterator, RIL_WORD) != 0
    return result
  }

  /// Per symbol, the alternatives from the choice iterator (best first).
  private func choices(from api: TesseractAPI) throws(CaptureError) -> [[OCRChoice]] {
    guard let iterator = TessBaseAPIGetIterator(api.handle) else { return [] }
    defer { TessResultIteratorDelete(iterator) }
    var result: [[OCRChoice]] = []
    repeat {
      guard let symbol = TesseractAPI.take(TessResultIteratorGetUTF8Text(iterator, RIL_SYMBOL)) else { continue }
      var options: [OCRChoice] = []
      if let choice = TessResultIteratorGetChoiceIterator(iterator) {
        defer { TessChoiceIteratorDelete(choice) }
        repeat {
          // Choice strings belong to the iterator: copy, do not free.
          if let text = TessChoiceIteratorGetUTF8Text(choice) {
            options.append(
              OCRChoice(text: String(cString: text), confidence: Double(TessChoiceIteratorConfidence(choice))))
          }
        } while TessChoiceIteratorNext(choice) != 0
      }
      if options.isEmpty {
        options = [OCRChoice(text: symbol, confidence: Double(TessResultIteratorConfidence(iterator, RIL_SYMBOL)))]
      }
      result.append(options)
    } while TessResultIteratorNext(iterator, RIL_SYMBOL) != 0
    return result
  }
}
