internal import CLeptonica
internal import CTesseract

/// Owns one initialised TessBaseAPI for one language model; ended and deleted in deinit.
final class TesseractAPI {
  let handle: OpaquePointer
  let language: String
  /// The image currently set with SetImage, kept alive so identity comparison is safe.
  private var currentImage: PageImage?

  /// Creates and initialises the API; a missing model becomes `missingLanguageData`.
  init(language: String) throws(CaptureError) {
    guard let handle = TessBaseAPICreate() else { throw .libraryFailure(operation: "TessBaseAPICreate") }
    // Tesseract's diagnostics go to debug_file; a library never prints. It must be set before Init to cover Init.
    _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
    guard TessBaseAPIInit3(handle, nil, language) == 0 else {
      TessBaseAPIDelete(handle)
      throw .missingLanguageData(language: language, package: Self.debianPackage(for: language))
    }
    guard TessBaseAPISetVariable(handle, "debug_file", "/dev/null") != 0 else {
      TessBaseAPIEnd(handle)
      TessBaseAPIDelete(handle)
      throw .libraryFailure(operation: "TessBaseAPISetVariable(debug_file)")
    }
    self.handle = handle
    self.language = language
  }

  deinit {
    TessBaseAPIEnd(handle)
    TessBaseAPIDelete(handle)
  }

  /// The Debian package that ships `language`'s traineddata.
  static func debianPackage(for language: String) -> String {
    "tesseract-ocr-" + language.lowercased().replacingOccurrences(of: "_", with: "-")
  }

  /// Sets `image` unless it is already set; stamps 300 dpi when the file had no resolution.
  func use(_ image: PageImage) {
    if currentImage !== image {
      TessBaseAPISetImage2(handle, image.pix)
      currentImage = image
    }
    if image.resolution < 70 { TessBaseAPISetSourceResolution(handle, 300) }
  }

  /// Forgets the current image (for example before it is released by the caller).
  func clearImage() {
    TessBaseAPIClear(handle)
    currentImage = nil
  }

  /// Sets a parameter, throwing when Tesseract does not know it.
  func set(_ name: String, _ value: String) throws(CaptureError) {
    guard TessBaseAPISetVariable(handle, name, value) != 0 else {
      throw .libraryFailure(operation: "TessBaseAPISetVariable(\(name))")
    }
  }

  /// Runs recognition on the current image and rectangle, giving up after `milliseconds`.
  func recognize(deadlineMilliseconds milliseconds: Int) throws(CaptureError) {
    guard let monitor = TessMonitorCreate() else { throw .libraryFailure(operation: "TessMonitorCreate") }
    defer { TessMonitorDelete(monitor) }
    TessMonitorSetDeadlineMSecs(monitor, Int32(clamping: milliseconds))
    let clock = ContinuousClock()
    let start = clock.now
    let status = TessBaseAPIRecognize(handle, monitor)
    guard status == 0 else {
      // Recognize returns -1 both for a passed deadline and for a real failure; the clock tells them apart.
      if clock.now - start >= .milliseconds(milliseconds) { throw .recognitionTimedOut(milliseconds: milliseconds) }
      throw .libraryFailure(operation: "TessBaseAPIRecognize")
    }
  }

  /// Takes a Tesseract-allocated string, frees it with TessDeleteText and returns a Swift copy.
  static func take(_ text: UnsafeMutablePointer<CChar>?) -> String? {
    guard let text else { return nil }
    defer { TessDeleteText(text) }
    return String(cString: text)
  }
}
