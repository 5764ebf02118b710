internal import CLeptonica
import Foundation

/// One page image, owning a Leptonica PIX. Not thread-safe: use it on one thread at a time.
public final class PageImage {
  /// The owned PIX; Tesseract and the preparation stages read it inside the module.
  let pix: UnsafeMutablePointer<PIX>

  /// Takes ownership of `pix` (destroyed in deinit).
  init(owning pix: UnsafeMutablePointer<PIX>) {
    _ = leptonicaSetup
    self.pix = pix
  }

  /// Wraps the result of a Leptonica call, throwing when it returned NULL.
  static func wrap(_ pix: UnsafeMutablePointer<PIX>?, _ operation: String) throws(CaptureError) -> PageImage {
    guard let pix else { throw .libraryFailure(operation: operation) }
    return PageImage(owning: pix)
  }

  deinit {
    var owned: UnsafeMutablePointer<PIX>? = pix
    pixDestroy(&owned)
  }

  /// Width in pixels.
  public var width: Int { Int(pixGetWidth(pix)) }
  /// Height in pixels.
  public var height: Int { Int(pixGetHeight(pix)) }
  /// Horizontal resolution in dots per inch, 0 when the file did not say.
  public var resolution: Int { Int(pixGetXRes(pix)) }
  /// Bits per pixel: 1 (bilevel), 8 (grey) or 32 (colour); 2, 4 and 16 are possible for unusual files.
  public var depth: Int { Int(pixGetDepth(pix)) }

  /// A copy of `rect` (clamped to the image) surrounded by `whiteBorder` pixels of white.
  public func cropped(to rect: PixelRect, whiteBorder: Int) -> PageImage {
    do {
      return try croppedOrThrow(to: rect, whiteBorder: whiteBorder)
    } catch {
      // Only allocation failures reach here: the rectangle is clamped and the PIX is valid.
      preconditionFailure("cropping failed: \(error.operationName)")
    }
  }

  private func croppedOrThrow(to rect: PixelRect, whiteBorder: Int) throws(CaptureError) -> PageImage {
    let piece: UnsafeMutablePointer<PIX>
    if let inside = rect.clamped(toWidth: width, height: height) {
      piece = try withBox(inside) { box throws(CaptureError) in
        try checked(pixClipRectangle(pix, box, nil), "pixClipRectangle")
      }
    } else {
      piece = try checked(
        pixCreate(Int32(max(1, rect.width)), Int32(max(1, rect.height)), pixGetDepth(pix)), "pixCreate")
      _ = pixSetBlackOrWhite(piece, Int32(L_SET_WHITE))
    }
    _ = pixCopyResolution(piece, pix)
    let border = Int32(max(0, whiteBorder))
    guard border > 0 else { return PageImage(owning: piece) }
    defer { destroy(piece) }
    let bordered = try checked(
      pixAddBlackOrWhiteBorder(piece, border, border, border, border, Int32(L_GET_WHITE_VAL)),
      "pixAddBlackOrWhiteBorder")
    return PageImage(owning: bordered)
  }

  /// A copy of `rect` made ready for reading one value: on a grey image the paper is made white (everything
  /// lighter than 80 % of the paper tone, estimated as the 90th percentile of the crop, becomes white and the
  /// ink is stretched to full contrast), then the crop is scaled by `scale` and surrounded by `whiteBorder`
  /// pixels of white. Tesseract misreads small crops whose grey paper meets a white border ("7,3" → "").
  public func croppedForReading(to rect: PixelRect, whiteBorder: Int, scale: Double = 1) -> PageImage {
    let plain = cropped(to: rect, whiteBorder: 0)
    do {
      var current = try checked(pixClone(plain.pix), "pixClone")
      defer { destroy(current) }
      if pixGetDepth(current) == 8 {
        var paper: UInt32 = 255
        _ = pixGetRankValue(current, 1, 0.9, &paper)
        let top = Int32(max(60, Double(paper) * 0.8))
        let stretched = try checked(pixGammaTRC(nil, current, 1.0, 0, top), "pixGammaTRC")
        destroy(current)
        current = stretched
      }
      if scale != 1 {
        let scaled = try checked(pixScale(current, Float(scale), Float(scale)), "pixScale")
        destroy(current)
        current = scaled
      }
      _ = pixCopyResolution(current, pix)
      let border = Int32(max(0, whiteBorder))
      let bordered = try checked(
        pixAddBlackOrWhiteBorder(current, border, border, border, border, Int32(L_GET_WHITE_VAL)),
        "pixAddBlackOrWhiteBorder")
      return PageImage(owning: bordered)
    } catch {
      preconditionFailure("preparing a crop failed: \(error.operationName)")
    }
  }

  /// Writes the image as PNG (with its resolution) to `url`.
  public func writePNG(to url: URL) throws {
    let bytes = try pngData()
    try Data(bytes).write(to: url)
  }

  /// The image encoded as PNG.
  public func pngData() throws -> [UInt8] {
    var data: UnsafeMutablePointer<UInt8>?
    var size = 0
    guard pixWriteMem(&data, &size, pix, Int32(IFF_PNG)) == 0, let data else {
      throw CaptureError.libraryFailure(operation: "pixWriteMem(PNG)")
    }
    defer { lept_free(data) }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// The share of dark pixels (0–1) inside `rect` (the whole image when nil) after binarising at mid-grey.
  public func inkFraction(in rect: PixelRect? = nil) -> Double {
    let full = PixelRect(x: 0, y: 0, width: width, height: height)
    guard let area = (rect ?? full).clamped(toWidth: width, height: height) else { return 0 }
    do {
      let binary = try checked(binarised(), "pixConvertTo1")
      defer { destroy(binary) }
      var count: Int32 = 0
      try withBox(area) { box throws(CaptureError) in
        guard pixCountPixelsInRect(binary, box, &count, nil) == 0 else {
          throw .libraryFailure(operation: "pixCountPixelsInRect")
        }
      }
      return Double(count) / Double(area.width * area.height)
    } catch {
      preconditionFailure("ink count failed: \(error.operationName)")
    }
  }

  /// The 256-bin grey-level histogram of an 8-bit image within `rect` (sampled every second pixel), nil for
  /// another depth or an empty area.
  func greyHistogram(in rect: PixelRect) -> [Int]? {
    guard pixGetDepth(pix) == 8, pixGetColormap(pix) == nil,
      let area = rect.clamped(toWidth: width, height: height)
    else { return nil }
    let numbers = try? withBox(area) { box throws(CaptureError) in pixGetGrayHistogramInRect(pix, box, 2) }
    guard let numa = numbers ?? nil else { return nil }
    defer {
      var owned: UnsafeMutablePointer<NUMA>? = numa
      numaDestroy(&owned)
    }
    return (0..<Int(numaGetCount(numa))).map { index in
      var value: Float = 0
      _ = numaGetFValue(numa, Int32(index), &value)
      return Int(value)
    }
  }

  /// Whether a 32-bit image holds visible colour (at least 0.01 % of the page clearly coloured).
  var hasColour: Bool {
    guard pixGetDepth(pix) == 32 else { return false }
    var pixelFraction: Float = 0
    var colourFraction: Float = 0
    guard pixColorFraction(pix, 20, 244, 40, 2, &pixelFraction, &colourFraction) == 0 else { return true }
    return pixelFraction * colourFraction > 0.0001
  }

  /// A 1-bpp copy where 1 means ink (darker than mid-grey).
  func binarised(threshold: Int32 = 128) -> UnsafeMutablePointer<PIX>? {
    if pixGetDepth(pix) == 1 { return pixClone(pix) }
    return pixConvertTo1(pix, threshold)
  }

  /// An 8-bit grey copy (colour is converted by luminance, colour maps removed).
  func grey8() throws(CaptureError) -> PageImage {
    let grey: UnsafeMutablePointer<PIX>?
    if pixGetDepth(pix) == 32 {
      grey = pixConvertRGBToLuminance(pix)
    } else {
      grey = pixConvertTo8(pix, 0)
    }
    let image = try PageImage.wrap(grey, "pixConvertTo8")
    _ = pixCopyResolution(image.pix, pix)
    return image
  }
}

extension PageImage {
  /// Stamps a resolution on an image whose file did not carry one (rasterised PDF pages).
  func setResolution(_ dpi: Int) {
    _ = pixSetResolution(pix, Int32(dpi), Int32(dpi))
  }
}
