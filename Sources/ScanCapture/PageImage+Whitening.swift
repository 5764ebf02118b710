internal import CLeptonica

extension PageImage {
  /// A copy with every rectangle of `rects` (clamped to the image) painted paper white: white on grey and colour
  /// images, 0 on bilevel ones. Used to take printed marks that are not part of a value (the bars between the
  /// boxes of a "boxed" number) out of what OCR sees.
  public func whitening(_ rects: [PixelRect]) throws(CaptureError) -> PageImage {
    let copy = try PageImage.wrap(pixCopy(nil, pix), "pixCopy")
    let white: UInt32
    switch depth {
    case 1: white = 0
    case 32: white = 0xFFFF_FF00
    default: white = (1 << UInt32(depth)) - 1
    }
    for rect in rects {
      guard let inside = rect.clamped(toWidth: width, height: height) else { continue }
      try withBox(inside) { box throws(CaptureError) in
        guard pixSetInRectArbitrary(copy.pix, box, white) == 0 else {
          throw .libraryFailure(operation: "pixSetInRectArbitrary")
        }
      }
    }
    return copy
  }
}
