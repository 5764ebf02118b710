internal import CLeptonica
import Foundation

/// Size limits checked from headers before any image is decoded.
public struct LoadLimits: Sendable, Hashable {
  /// The longest allowed side in pixels.
  public var maximumSide: Int
  /// The largest allowed area in pixels.
  public var maximumPixels: Int
  /// The largest allowed file in bytes.
  public var maximumFileBytes: Int
  /// The most pages one file may have.
  public var maximumPages: Int

  /// Creates limits.
  public init(maximumSide: Int, maximumPixels: Int, maximumFileBytes: Int, maximumPages: Int) {
    self.maximumSide = maximumSide
    self.maximumPixels = maximumPixels
    self.maximumFileBytes = maximumFileBytes
    self.maximumPages = maximumPages
  }

  /// 12000 px a side, 120 megapixels, 512 MiB, 500 pages: A3 at 600 dpi fits.
  public static let `default` = LoadLimits(
    maximumSide: 12_000, maximumPixels: 120_000_000, maximumFileBytes: 512 << 20, maximumPages: 500)

  /// Whether a `width`×`height` image is within the limits.
  public func allows(width: Int, height: Int) -> Bool {
    width > 0 && height > 0 && width <= maximumSide && height <= maximumSide && width * height <= maximumPixels
  }
}

/// One decoded page of a scanned file.
public struct LoadedPage {
  /// The page image as stored in the file (not yet rotated or converted).
  public let image: PageImage
  /// The page's position in the file, starting at 1.
  public let pageNumber: Int
}

/// Loads scanned files: PNG, JPEG, TIFF (multi-page) and PDF, detected from the content, not the extension.
public enum PageLoader {
  /// The resolution PDFs are rasterised at.
  public static let pdfResolution = 300

  /// Decodes every page of the file at `url`, refusing oversized images from their headers.
  public static func load(_ url: URL, limits: LoadLimits = .default) throws(CaptureError) -> [LoadedPage] {
    _ = leptonicaSetup
    let name = url.path
    let (bytes, path) = try FileInspector.readRegularFile(url, maximumBytes: limits.maximumFileBytes)
    if bytes.starts(with: Array("%PDF-".utf8)) {
      return try PDFRasterizer(file: name, path: path, limits: limits).pages()
    }
    switch detectFormat(bytes) {
    case .png, .jpeg:
      let image = try decodeSingle(bytes, name: name, page: nil, limits: limits)
      return [LoadedPage(image: image, pageNumber: 1)]
    case .tiff:
      return try decodeTIFF(bytes, name: name, limits: limits)
    case nil:
      throw .unsupportedFormat(file: name)
    }
  }

  enum ImageFormat { case png, jpeg, tiff }

  /// The format from the magic bytes (Leptonica's `findFileFormatBuffer`), nil for anything else.
  static func detectFormat(_ bytes: [UInt8]) -> ImageFormat? {
    guard bytes.count >= 12 else { return nil }  // findFileFormatBuffer reads 12 bytes
    var format: Int32 = 0
    guard findFileFormatBuffer(bytes, &format) == 0 else { return nil }
    switch Int(format) {
    case Int(IFF_PNG): return .png
    case Int(IFF_JFIF_JPEG): return .jpeg
    case Int(IFF_TIFF)...Int(IFF_TIFF_ZIP), Int(IFF_TIFF_JPEG): return .tiff
    default: return nil
    }
  }

  /// Decodes a PNG or JPEG after checking its header against the limits.
  static func decodeSingle(_ bytes: [UInt8], name: String, page: Int?, limits: LoadLimits) throws(CaptureError)
    -> PageImage
  {
    let isPNG = detectFormat(bytes) == .png
    let (width, height) = try isPNG ? pngSize(bytes, name: name, page: page) : headerSize(bytes, name: name, page: page)
    guard limits.allows(width: width, height: height) else {
      throw .imageTooLarge(file: name, page: page, width: width, height: height)
    }
    guard !isPNG || pngChunksComplete(bytes) else { throw .corruptImage(file: name, page: page) }
    let pix: UnsafeMutablePointer<PIX>?
    if !isPNG {
      var warnings: Int32 = 0
      pix = pixReadMemJpeg(bytes, bytes.count, 0, 1, &warnings, 0 /* hint 0: fail on damaged data */)
    } else {
      pix = pixReadMem(bytes, bytes.count)
    }
    guard let pix else { throw .corruptImage(file: name, page: page) }
    return try normalised(pix)
  }

  /// Width and height from the PNG IHDR chunk, read directly: libpng's header reader wants more than the header
  /// (and prints to stderr), and the size check must work on a file that is nothing but a header.
  static func pngSize(_ bytes: [UInt8], name: String, page: Int?) throws(CaptureError) -> (Int, Int) {
    guard bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else {
      throw .corruptImage(file: name, page: page)
    }
    return (bigEndian(bytes, at: 16), bigEndian(bytes, at: 20))
  }

  /// Whether the PNG's chunk chain reaches IEND inside the file: catches truncated files before libpng sees them.
  static func pngChunksComplete(_ bytes: [UInt8]) -> Bool {
    var offset = 8
    while offset + 8 <= bytes.count {
      let length = bigEndian(bytes, at: offset)
      if bytes[offset + 4..<offset + 8].elementsEqual("IEND".utf8) { return true }
      offset += 12 + length
    }
    return false
  }

  private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
  }

  /// Width and height from Leptonica's header reader (JPEG).
  static func headerSize(_ bytes: [UInt8], name: String, page: Int?) throws(CaptureError) -> (Int, Int) {
    var width: Int32 = 0
    var height: Int32 = 0
    guard pixReadHeaderMem(bytes, bytes.count, nil, &width, &height, nil, nil, nil) == 0 else {
      throw .corruptImage(file: name, page: page)
    }
    return (Int(width), Int(height))
  }

  /// Decodes every TIFF directory, checking each header first.
  static func decodeTIFF(_ bytes: [UInt8], name: String, limits: LoadLimits) throws(CaptureError) -> [LoadedPage] {
    var count: Int32 = 0
    let counted = bytes.withUnsafeBytes { buffer -> Bool in
      guard let stream = fmemopen(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count, "rb") else {
        return false
      }
      defer { fclose(stream) }
      return tiffGetCount(stream, &count) == 0
    }
    guard counted, count > 0 else { throw .corruptImage(file: name, page: nil) }
    guard Int(count) <= limits.maximumPages else {
      throw .tooManyPages(file: name, pages: Int(count), limit: limits.maximumPages)
    }
    var pages: [LoadedPage] = []
    for index in 0..<count {
      let pageNumber = Int(index) + 1
      var width: Int32 = 0
      var height: Int32 = 0
      var bps: Int32 = 0
      var spp: Int32 = 0
      guard readHeaderMemTiff(bytes, bytes.count, index, &width, &height, &bps, &spp, nil, nil, nil) == 0 else {
        throw .corruptImage(file: name, page: pageNumber)
      }
      guard limits.allows(width: Int(width), height: Int(height)) else {
        throw .imageTooLarge(file: name, page: pageNumber, width: Int(width), height: Int(height))
      }
      guard let pix = pixReadMemTiff(bytes, bytes.count, index) else {
        throw .corruptImage(file: name, page: pageNumber)
      }
      pages.append(LoadedPage(image: try normalised(pix), pageNumber: pageNumber))
    }
    return pages
  }

  /// Takes ownership of a decoded PIX, removes any colour map and flattens transparency onto white,
  /// so later stages see opaque 1, 8 or 32 bpp images.
  static func normalised(_ pix: UnsafeMutablePointer<PIX>) throws(CaptureError) -> PageImage {
    var current = pix
    if pixGetColormap(current) != nil {
      defer { destroy(pix) }
      current = try checked(pixRemoveColormap(pix, Int32(REMOVE_CMAP_BASED_ON_SRC)), "pixRemoveColormap")
    }
    if pixGetDepth(current) == 32 && pixGetSpp(current) == 4 {
      let withAlpha = current
      defer { destroy(withAlpha) }
      current = try checked(pixAlphaBlendUniform(withAlpha, 0xFFFF_FF00), "pixAlphaBlendUniform")
      _ = pixCopyResolution(current, withAlpha)
    }
    return PageImage(owning: current)
  }
}
