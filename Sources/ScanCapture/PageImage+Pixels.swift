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
