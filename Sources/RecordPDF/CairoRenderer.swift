internal import CPangoCairo
import Foundation

/// Draws layout pages into a PDF with cairo, text set by pango in DejaVu Sans (full Vietnamese coverage),
/// glyph subsets embedded by cairo's PDF surface. Also measures text for the layout, with the same font.
final class CairoRenderer: TextMeasuring {
  static let family = "DejaVu Sans"
  private let measuringSurface: OpaquePointer
  private let measuringContext: OpaquePointer

  init() throws(RecordPDFError) {
    measuringSurface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
    measuringContext = cairo_create(measuringSurface)
    try Self.check(cairo_status(measuringContext))
  }

  deinit {
    cairo_destroy(measuringContext)
    cairo_surface_destroy(measuringSurface)
  }

  func height(of text: String, width: Double, style: TextStyle) -> Double {
    let layout = makeLayout(measuringContext, text, width: width, style: style)
    defer { hocba_layout_free(layout) }
    var w: Int32 = 0
    var h: Int32 = 0
    pango_layout_get_size(layout, &w, &h)
    return Double(h) / Double(hocba_pango_scale())
  }

  /// The PDF of `pages`.
  func render(_ pages: [LayoutPage]) throws(RecordPDFError) -> [UInt8] {
    let sink = ByteSink()
    let surface = cairo_pdf_surface_create_for_stream(
      { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes
          .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
      }, Unmanaged.passUnretained(sink).toOpaque(), LayoutPage.width, LayoutPage.height)
    guard let surface else { throw .drawingFailed("surface") }
    cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Học bạ")
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "hocba")
    let context = cairo_create(surface)
    for page in pages {
      for item in page.items { try draw(item, context) }
      cairo_show_page(context)
    }
    let status = cairo_status(context)
    cairo_destroy(context)
    cairo_surface_finish(surface)
    let surfaceStatus = cairo_surface_status(surface)
    cairo_surface_destroy(surface)
    try Self.check(status)
    try Self.check(surfaceStatus)
    withExtendedLifetime(sink) {}
    return sink.bytes
  }

  private func draw(_ item: LayoutItem, _ cr: OpaquePointer?) throws(RecordPDFError) {
    switch item {
    case .text(let text, let frame, let style):
      let layout = makeLayout(cr, text, width: frame.width, style: style)
      defer { hocba_layout_free(layout) }
      cairo_set_source_rgb(cr, 0, 0, 0)
      cairo_move_to(cr, frame.x, frame.y)
      pango_cairo_show_layout(cr, layout)
    case .box(let frame):
      cairo_set_source_rgb(cr, 0, 0, 0)
      cairo_set_line_width(cr, 0.5)
      cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height)
      cairo_stroke(cr)
    case .qrCode(let modules, let frame):
      let quiet = 4
      let unit = frame.width / Double(modules.count + 2 * quiet)
      cairo_set_source_rgb(cr, 1, 1, 1)
      cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.width)
      cairo_fill(cr)
      cairo_set_source_rgb(cr, 0, 0, 0)
      for (row, line) in modules.enumerated() {
        for (column, dark) in line.enumerated() where dark {
          let x = frame.x + Double(column + quiet) * unit
          let y = frame.y + Double(row + quiet) * unit
          cairo_rectangle(cr, x, y, unit, unit)
        }
      }
      cairo_fill(cr)
    case .image(let png, let frame):
      try PNGImage.draw(png, in: frame, cr)
    }
  }

  private func makeLayout(_ cr: OpaquePointer?, _ text: String, width: Double, style: TextStyle) -> OpaquePointer {
    let layout = pango_cairo_create_layout(cr)!
    let font = pango_font_description_new()
    pango_font_description_set_family(font, Self.family)
    pango_font_description_set_absolute_size(font, style.size * Double(hocba_pango_scale()))
    if style.bold { pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD) }
    if style.italic { pango_font_description_set_style(font, PANGO_STYLE_OBLIQUE) }
    pango_layout_set_font_description(layout, font)
    pango_font_description_free(font)
    pango_layout_set_width(layout, Int32(width * Double(hocba_pango_scale())))
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
    switch style.alignment {
    case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
    case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
    case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
    }
    pango_layout_set_text(layout, text, -1)
    return layout
  }

  static func check(_ status: cairo_status_t) throws(RecordPDFError) {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw .drawingFailed(String(cString: cairo_status_to_string(status)))
  }
}

/// Collects the bytes cairo writes.
final class ByteSink {
  var bytes: [UInt8] = []
  var offset = 0
}
