internal import CLeptonica

extension RulingLines {
  /// A copy of a grey page without long thin horizontal lines: the underlines that some forms print under label
  /// values (and the table rules, whose cells are cropped inside them anyway). An underline touching the foot of
  /// "7G4" made Tesseract read "IG4". A line is a horizontal run of ink at least half an inch long and at most
  /// 1/50 inch thick; glyph strokes are shorter. Images that are not 8-bit grey are returned as they are.
  public static func removingUnderlines(from image: PageImage) throws(CaptureError) -> PageImage {
    _ = leptonicaSetup
    guard image.depth == 8 else { return image }
    let dpi = image.resolution > 0 ? image.resolution : fallbackResolution
    let binary = try checked(image.binarised(threshold: 160), "pixConvertTo1")
    defer { destroy(binary) }
    let runs = try checked(pixOpenBrick(nil, binary, Int32(max(40, dpi / 2)), 1), "pixOpenBrick")
    defer { destroy(runs) }
    // Thick horizontal ink (a filled box, a heavy bar) survives a vertical opening: it is not a line.
    let thick = try checked(pixOpenBrick(nil, runs, 1, Int32(max(3, dpi / 50) + 1)), "pixOpenBrick")
    defer { destroy(thick) }
    let lines = try checked(pixSubtract(nil, runs, thick), "pixSubtract")
    defer { destroy(lines) }
    return try whitened(image, where: lines, dilatedBy: (1, 3))
  }
}
