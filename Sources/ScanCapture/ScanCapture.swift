// ScanCapture owns every use of Leptonica and Tesseract: it loads scanned pages (PNG, JPEG, TIFF, PDF through
// poppler's pdftoppm), prepares them for OCR (orientation, deskew, red-ink split, blank detection) and recognises
// text behind the `OCREngine` protocol. C types never leave the module.
//
// Performance: start the process with OMP_THREAD_LIMIT=1 in the environment (libgomp reads it when Tesseract
// loads; setting it later has no effect). It is about 3.5x faster on this project's machines.
internal import CLeptonica

/// A rectangle in image pixels, origin at the top-left corner.
public struct PixelRect: Sendable, Hashable, Codable {
  /// Left edge.
  public var x: Int
  /// Top edge.
  public var y: Int
  /// Width in pixels.
  public var width: Int
  /// Height in pixels.
  public var height: Int

  /// Creates a rectangle from its top-left corner and size.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// The part of this rectangle inside a `width`×`height` image, or nil when they do not overlap.
  public func clamped(toWidth imageWidth: Int, height imageHeight: Int) -> PixelRect? {
    let left = max(0, x)
    let top = max(0, y)
    let right = min(imageWidth, x + width)
    let bottom = min(imageHeight, y + height)
    guard right > left, bottom > top else { return nil }
    return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// This rectangle shrunk by `amount` pixels on every side (never below 1×1).
  public func inset(by amount: Int) -> PixelRect {
    PixelRect(
      x: x + amount, y: y + amount, width: max(1, width - 2 * amount), height: max(1, height - 2 * amount))
  }
}

/// Leptonica writes diagnostics to stderr; a library never prints, so they are switched off once per process.
let leptonicaSetup: Void = {
  _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
}()
