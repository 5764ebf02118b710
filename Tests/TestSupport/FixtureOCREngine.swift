import ScanCapture

/// An `OCREngine` that returns scripted results, for unit tests of the modules that consume OCR.
public final class FixtureOCREngine: OCREngine {
  /// Words returned by every `recognizePage` call.
  public var pageWords: [OCRWord]
  /// Region texts by rectangle; regions not listed read as empty text with confidence 0.
  public var regionTexts: [PixelRect: OCRText]
  /// The orientation estimate returned by `detectOrientation`.
  public var orientation: OrientationEstimate?
  /// Every region asked for, with its profile, in call order.
  public private(set) var regionRequests: [(region: PixelRect, profile: RecognitionProfile)] = []
  /// How many engine calls (of any kind) were made.
  public private(set) var callCount = 0

  /// Creates an engine with scripted answers.
  public init(
    pageWords: [OCRWord] = [], regionTexts: [PixelRect: OCRText] = [:],
    orientation: OrientationEstimate? = OrientationEstimate(clockwiseCorrection: 0, confidence: 10)
  ) {
    self.pageWords = pageWords
    self.regionTexts = regionTexts
    self.orientation = orientation
  }

  public func recognizePage(_ image: PageImage) throws(CaptureError) -> [OCRWord] {
    callCount += 1
    return pageWords
  }

  public func recognizeRegion(_ image: PageImage, region: PixelRect, profile: RecognitionProfile) throws(CaptureError)
    -> OCRText
  {
    callCount += 1
    regionRequests.append((region, profile))
    return regionTexts[region] ?? OCRText(text: "", confidence: 0)
  }

  public func detectOrientation(_ image: PageImage) throws(CaptureError) -> OrientationEstimate? {
    callCount += 1
    return orientation
  }
}

/// Wraps an engine and throws `error` on the Nth call (1-based, counting every kind of call); other calls pass through.
public final class FaultInjectingOCREngine<Base: OCREngine>: OCREngine {
  /// The engine that answers the calls that do not fail.
  public let base: Base
  /// The call that fails, from 1.
  public let failingCall: Int
  /// The error thrown.
  public let error: CaptureError
  /// Whether every call from `failingCall` on fails (true), or only that one.
  public let keepsFailing: Bool
  /// How many calls were made, including the failed ones.
  public private(set) var callCount = 0

  /// Creates an engine that fails on call `failingCall`.
  public init(
    base: Base, failingCall: Int, error: CaptureError = .recognitionTimedOut(milliseconds: 1),
    keepsFailing: Bool = false
  ) {
    self.base = base
    self.failingCall = failingCall
    self.error = error
    self.keepsFailing = keepsFailing
  }

  private func tick() throws(CaptureError) {
    callCount += 1
    if callCount == failingCall || (keepsFailing && callCount > failingCall) { throw error }
  }

  public func recognizePage(_ image: PageImage) throws(CaptureError) -> [OCRWord] {
    try tick()
    return try base.recognizePage(image)
  }

  public func recognizeRegion(_ image: PageImage, region: PixelRect, profile: RecognitionProfile) throws(CaptureError)
    -> OCRText
  {
    try tick()
    return try base.recognizeRegion(image, region: region, profile: profile)
  }

  public func detectOrientation(_ image: PageImage) throws(CaptureError) -> OrientationEstimate? {
    try tick()
    return try base.detectOrientation(image)
  }
}
