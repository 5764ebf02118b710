internal import CLeptonica
import Foundation

// Field snippets for the review program: a stored crop read back and handed out as plain grey pixels, so the
// terminal driver can draw it without knowing about Leptonica.

extension PageImage {
  /// The largest crop file read back (field crops are a few kilobytes; this only stops a hostile file).
  static let snippetByteLimit = 16 << 20

  /// Reads a stored crop (PNG, or any format Leptonica decodes) from `url`.
  public static func load(png url: URL) throws(CaptureError) -> PageImage {
    let file = url.lastPathComponent
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: url, options: .mappedIfSafe))
    } catch {
      throw .fileNotFound(file: file)
    }
    guard !bytes.isEmpty else { throw .emptyFile(file: file) }
    guard bytes.count <= snippetByteLimit else {
      throw .fileTooLarge(file: file, bytes: bytes.count, limit: snippetByteLimit)
    }
    guard let pix = pixReadMem(bytes, bytes.count) else { throw .corruptImage(file: file, page: nil) }
    return PageImage(owning: pix)
  }

  /// The image as 8-bit grey pixels (row-major, 0 black … 255 white), shrunk keeping its aspect ratio to fit
  /// `maxWidth` × `maxHeight` pixels; never enlarged. Nil when Leptonica cannot convert it.
  public func greyPixels(fittingWidth maxWidth: Int, height maxHeight: Int) -> (
    width: Int, height: Int, pixels: [UInt8]
  )? {
    guard width > 0, height > 0, maxWidth > 0, maxHeight > 0, let grey = try? grey8() else { return nil }
    let factor = min(1, Double(maxWidth) / Double(width), Double(maxHeight) / Double(height))
    var source = grey.pix
    var scaled: UnsafeMutablePointer<PIX>?
    if factor < 1 {
      scaled = pixScale(grey.pix, Float(factor), Float(factor))
      guard let scaled else { return nil }
      source = scaled
    }
    defer { scaled.map(destroy) }
    let outWidth = Int(pixGetWidth(source))
    let outHeight = Int(pixGetHeight(source))
    var pixels = [UInt8](repeating: 255, count: outWidth * outHeight)
    var value: UInt32 = 0
    for y in 0..<outHeight {
      for x in 0..<outWidth where pixGetPixel(source, Int32(x), Int32(y), &value) == 0 {
        pixels[y * outWidth + x] = UInt8(truncatingIfNeeded: value)
      }
    }
    return (outWidth, outHeight, pixels)
  }
}

extension PageImage {
  /// An 8-bit grey image made from row-major `pixels` (0 black … 255 white); nil when the sizes disagree.
  public convenience init?(grey pixels: [UInt8], width: Int, height: Int) {
    guard width > 0, height > 0, pixels.count == width * height,
      let pix = pixCreate(Int32(width), Int32(height), 8)
    else { return nil }
    for y in 0..<height {
      for x in 0..<width {
        _ = pixSetPixel(pix, Int32(x), Int32(y), UInt32(pixels[y * width + x]))
      }
    }
    self.init(owning: pix)
  }
}

extension PageImage {
  /// A table cell's snippet for the reviewer: the row's `label` region, a dark bar, then the `value` region framed
  /// by a dark line, side by side as one grey picture (each part cleaned as for reading). A label wider than
  /// `maxLabelWidth` is shrunk to it, keeping its aspect ratio, so that the value keeps most of the picture.
  public func rowSnippet(label: PixelRect, value: PixelRect, maxLabelWidth: Int) -> PageImage? {
    guard
      let labelPart = croppedForReading(to: label, whiteBorder: 0).greyPixels(
        fittingWidth: max(1, maxLabelWidth), height: Int.max),
      let valuePart = croppedForReading(to: value, whiteBorder: 0).greyPixels(fittingWidth: Int.max, height: Int.max)
    else { return nil }
    let frame = max(2, valuePart.height / 30)
    let gap = max(8, valuePart.height / 6)
    let height = max(labelPart.height, valuePart.height + 2 * frame)
    let valueLeft = labelPart.width + gap
    let width = valueLeft + valuePart.width + 2 * frame
    var pixels = [UInt8](repeating: 255, count: width * height)
    func copy(_ part: (width: Int, height: Int, pixels: [UInt8]), left: Int, top: Int) {
      for y in 0..<part.height {
        for x in 0..<part.width { pixels[(top + y) * width + left + x] = part.pixels[y * part.width + x] }
      }
    }
    copy(labelPart, left: 0, top: (height - labelPart.height) / 2)
    let barLeft = labelPart.width + (gap - frame) / 2
    for y in 0..<height {
      for x in barLeft..<(barLeft + frame) { pixels[y * width + x] = 0 }
    }
    let valueTop = (height - valuePart.height) / 2
    for y in (valueTop - frame)..<(valueTop + valuePart.height + frame) {
      for x in valueLeft..<width { pixels[y * width + x] = 0 }
    }
    copy(valuePart, left: valueLeft + frame, top: valueTop)
    return PageImage(grey: pixels, width: width, height: height)
  }
}
