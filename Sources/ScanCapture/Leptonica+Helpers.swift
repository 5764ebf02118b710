internal import CLeptonica

// Small ownership helpers for Leptonica temporaries: every PIX or BOX is created, checked and destroyed in one scope.

/// Returns `pix` or throws naming the Leptonica call that returned NULL.
func checked(_ pix: UnsafeMutablePointer<PIX>?, _ operation: String) throws(CaptureError) -> UnsafeMutablePointer<PIX> {
  guard let pix else { throw .libraryFailure(operation: operation) }
  return pix
}

/// Releases one reference to `pix` (Leptonica PIXes are reference counted).
func destroy(_ pix: UnsafeMutablePointer<PIX>) {
  var owned: UnsafeMutablePointer<PIX>? = pix
  pixDestroy(&owned)
}

/// Runs `body` with a temporary Leptonica BOX for `rect`.
func withBox<T>(_ rect: PixelRect, _ body: (UnsafeMutablePointer<BOX>) throws(CaptureError) -> T) throws(CaptureError)
  -> T
{
  var box = boxCreate(Int32(rect.x), Int32(rect.y), Int32(rect.width), Int32(rect.height))
  defer { boxDestroy(&box) }
  guard let box else { throw .libraryFailure(operation: "boxCreate") }
  return try body(box)
}
