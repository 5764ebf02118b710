internal import CPangoCairo

/// PNG images (signatures, seal) drawn with their alpha channel, scaled to fit a frame.
enum PNGImage {
  static func draw(_ png: [UInt8], in frame: Frame, _ cr: OpaquePointer?) throws(RecordPDFError) {
    let source = ByteSink()
    source.bytes = png
    let image = cairo_image_surface_create_from_png_stream(
      { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        let count = Int(length)
        guard sink.offset + count <= sink.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        for index in 0..<count { data[index] = sink.bytes[sink.offset + index] }
        sink.offset += count
        return CAIRO_STATUS_SUCCESS
      }, Unmanaged.passUnretained(source).toOpaque())
    defer { cairo_surface_destroy(image) }
    withExtendedLifetime(source) {}
    guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else { throw .imageUnreadable }
    let width = Double(cairo_image_surface_get_width(image))
    let height = Double(cairo_image_surface_get_height(image))
    guard width > 0, height > 0 else { throw .imageUnreadable }
    let scale = min(frame.width / width, frame.height / height)
    cairo_save(cr)
    cairo_translate(cr, frame.x + (frame.width - width * scale) / 2, frame.y + (frame.height - height * scale) / 2)
    cairo_scale(cr, scale, scale)
    cairo_set_source_surface(cr, image, 0, 0)
    cairo_paint(cr)
    cairo_restore(cr)
  }
}
