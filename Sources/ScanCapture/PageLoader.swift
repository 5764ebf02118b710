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

  /// Decodes every page of the file at `url`, refusing oversized images from their headers; any unreadable page
  /// is an error (use `loadScan` to keep the readable pages of a damaged multi-page file).
  public static func load(_ url: URL, limits: LoadLimits = .default) throws(CaptureError) -> [LoadedPage] {
    let scan = try loadScan(url, limits: limits)
    if let problem = scan.problem { throw problem }
    return scan.pages
  }

  /// The SHA-256 of the file at `url`, read in fixed-size chunks after its type and size were checked with
  /// `fstat`: a file over the byte limit is refused before a single byte is read.
  public static func fingerprint(_ url: URL, limits: LoadLimits = .default) throws(CaptureError) -> String {
    try FileInspector.hashRegularFile(url, maximumBytes: limits.maximumFileBytes)
  }

  /// Reads the file once, hashing the bytes it decodes; throws `fileChanged` when they differ from
  /// `expectedSHA256`. Pages of a multi-page file that cannot be read are named in `problem`; the others are kept.
  /// Throws when no page at all can be read.
  public static func loadScan(_ url: URL, limits: LoadLimits = .default, expectedSHA256: String? = nil)
    throws(CaptureError) -> LoadedScan
  {
    _ = leptonicaSetup
    let name = url.path
    let (bytes, _, sha256) = try FileInspector.readRegularFile(url, maximumBytes: limits.maximumFileBytes) {
      (head: [UInt8]) throws(CaptureError) in try checkHead(head, name: name, limits: limits)
    }
    if let expectedSHA256, expectedSHA256 != sha256 { throw .fileChanged(file: name) }
    if bytes.starts(with: Array("%PDF-".utf8)) {
      let (pages, problem) = try PDFRasterizer(file: name, limits: limits).pages(bytes)
      return LoadedScan(pages: pages, sha256: sha256, problem: problem)
    }
    let (decoded, messages) = LibraryMessages.capturing { () throws(CaptureError) -> LoadedScan in
      switch detectFormat(bytes) {
      case .png, .jpeg:
        let image = try decodeSingle(bytes, name: name, page: nil, limits: limits)
        return LoadedScan(pages: [LoadedPage(image: image, pageNumber: 1)], sha256: sha256, problem: nil)
      case .tiff:
        let (pages, problem) = try decodeTIFF(bytes, name: name, limits: limits)
        return LoadedScan(pages: pages, sha256: sha256, problem: problem)
      case nil:
        throw .unsupportedFormat(file: name)
      }
    }
    return try attaching(messages, to: decoded)
  }

  /// The decoded scan or its error, with what the image libraries printed attached to the file's problem.
  static func attaching(_ messages: [String], to decoded: Result<LoadedScan, CaptureError>) throws(CaptureError)
    -> LoadedScan
  {
    switch decoded {
    case .failure(let error):
      throw messages.isEmpty ? error : .libraryReported(error, messages: messages)
    case .success(let scan) where messages.isEmpty:
      return scan
    case .success(let scan):
      var attached = LoadedScan(
        pages: scan.pages, sha256: scan.sha256, problem: scan.problem.map { .libraryReported($0, messages: messages) })
      attached.libraryMessages = messages
      return attached
    }
  }

  /// Refuses from the first bytes what would be refused anyway (unknown format, a PNG header over the limits),
  /// before the rest of the file is read into memory.
  static func checkHead(_ head: [UInt8], name: String, limits: LoadLimits) throws(CaptureError) {
    if head.starts(with: Array("%PDF-".utf8)) { return }
    let format = detectFormat(head)
    guard let format else { throw .unsupportedFormat(file: name) }
    if format == .png {
      let (width, height) = try pngSize(head, name: name, page: nil)
      try check(width: width, height: height, name: name, page: nil, limits: limits)
    }
  }

  /// Zero or negative sizes are damage, not size; anything over the limits is too large.
  static func check(width: Int, height: Int, name: String, page: Int?, limits: LoadLimits) throws(CaptureError) {
    guard width > 0, height > 0 else { throw .corruptImage(file: name, page: page) }
    guard limits.allows(width: width, height: height) else {
      throw .imageTooLarge(file: name, page: page, width: width, height: height)
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
    try check(width: width, height: height, name: name, page: page, limits: limits)
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

  /// Decodes every TIFF directory, checking each header first. The pages are counted by a full walk of the
  /// directory chain; pages that cannot be read are returned as an `incompleteFile` problem, the others kept.
  static func decodeTIFF(_ bytes: [UInt8], name: String, limits: LoadLimits) throws(CaptureError) -> (
    [LoadedPage], CaptureError?
  ) {
    let walk = try tiffWalk(bytes, name: name, limits: limits)
    var pages: [LoadedPage] = []
    var damaged: [Int] = []
    var firstError: CaptureError?
    for (dataInside, index) in walk.directories {
      let pageNumber = index + 1
      do throws(CaptureError) {
        guard dataInside else { throw .corruptImage(file: name, page: pageNumber) }
        pages.append(
          LoadedPage(
            image: try decodeTIFFPage(bytes, index: index, name: name, limits: limits),
            pageNumber: pageNumber))
      } catch {
        if case .imageTooLarge = error { throw error }  // a bomb header refuses the whole file
        damaged.append(pageNumber)
        firstError = firstError ?? error
      }
    }
    if walk.chainBroken { damaged.append(walk.directories.count + 1) }
    guard !damaged.isEmpty else { return (pages, nil) }
    guard !pages.isEmpty else { throw firstError ?? .corruptImage(file: name, page: damaged.first) }
    let count = walk.chainBroken ? nil : walk.directories.count
    return (pages, .incompleteFile(file: name, damagedPages: damaged, pageCount: count, keptPages: pages.count))
  }

  /// The directory walk, or libtiff's count for TIFF variants the walk does not read (BigTIFF).
  private static func tiffWalk(_ bytes: [UInt8], name: String, limits: LoadLimits) throws(CaptureError)
    -> TIFFDirectoryWalk
  {
    if let walk = TIFFDirectoryWalk(bytes, maximumPages: limits.maximumPages) {
      guard walk.directories.count <= limits.maximumPages else {
        throw .tooManyPages(file: name, pages: walk.directories.count, limit: limits.maximumPages)
      }
      guard !walk.directories.isEmpty else { throw .corruptImage(file: name, page: nil) }
      return walk
    }
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
    return TIFFDirectoryWalk(directories: (0..<Int(count)).map { (true, $0) }, chainBroken: false)
  }

  private static func decodeTIFFPage(_ bytes: [UInt8], index: Int, name: String, limits: LoadLimits)
    throws(CaptureError) -> PageImage
  {
    var width: Int32 = 0
    var height: Int32 = 0
    var bps: Int32 = 0
    var spp: Int32 = 0
    guard readHeaderMemTiff(bytes, bytes.count, Int32(index), &width, &height, &bps, &spp, nil, nil, nil) == 0 else {
      throw .corruptImage(file: name, page: index + 1)
    }
    try check(width: Int(width), height: Int(height), name: name, page: index + 1, limits: limits)
    guard let pix = pixReadMemTiff(bytes, bytes.count, Int32(index)) else {
      throw .corruptImage(file: name, page: index + 1)
    }
    return try normalised(pix)
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
