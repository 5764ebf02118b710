import HocBaModel

/// Builds and renders the PDF học bạ of one record.
public enum RecordPDF {
  /// The pages of `record`: the information page, the page(s) of its school year, the digitization section.
  public static func layout(_ record: SchoolYearRecord, images: SignatureImages = SignatureImages())
    throws(RecordPDFError) -> [LayoutPage]
  {
    try layout(record, images: images, measure: CairoRenderer())
  }

  static func layout(_ record: SchoolYearRecord, images: SignatureImages, measure: any TextMeasuring)
    throws(RecordPDFError) -> [LayoutPage]
  {
    var flow = PageFlow(measure: measure)
    let qr = try record.student.lookupCode.map { code throws(RecordPDFError) in try QRCode.modules(for: code) }
    InformationPage.place(record, qr: qr, on: &flow)
    YearPage.place(record, images: images, on: &flow)
    DigitizationSection.place(record.provenance, on: &flow)
    var footer = "Học bạ \(record.student.fullName) — năm học \(record.schoolYear)"
    if let code = record.student.lookupCode { footer += " — Mã tra cứu: \(code)" }
    if let id = record.student.citizenID { footer += " — Mã định danh: \(id.digits)" }
    return flow.finish(footer: footer)
  }

  /// The PDF bytes of `record` (A4, fonts embedded).
  public static func render(_ record: SchoolYearRecord, images: SignatureImages = SignatureImages())
    throws(RecordPDFError) -> [UInt8]
  {
    let renderer = try CairoRenderer()
    return try renderer.render(layout(record, images: images, measure: renderer))
  }
}
