import Foundation
import HocBaSamples
import RecordPDF
import TestSupport
import Testing

/// The rendered pages: not blank, the QR code module by module, fonts embedded.
@Suite("PDF học bạ rendering")
struct PDFRasterTests {
  @Test("page 1 is inked, and the QR code region matches the lookup code's modules")
  func qrCodeOnPage() throws {
    let record = SampleRecords.tt22Secondary
    let scratch = try TemporaryDirectory()
    let file = scratch.path("r.pdf")
    try Data(try RecordPDF.render(record)).write(to: URL(fileURLWithPath: file))
    let dpi = 144.0
    let pgm = try PDFTools.output("pdftoppm", ["-gray", "-r", "144", "-f", "1", "-l", "1", "-singlefile", file])
    let image = try GreyImage(pgm: pgm)
    let page = image.ink(x: 0, y: 0, width: image.width, height: image.height)
    #expect(page > 0.005 && page < 0.3, "page ink \(page)")

    let pages = try RecordPDF.layout(record)
    var found: ([[Bool]], Frame)?
    for item in pages[0].items { if case .qrCode(let modules, let frame) = item { found = (modules, frame) } }
    let (modules, frame) = try #require(found)
    let scale = dpi / 72
    let unit = frame.width / Double(modules.count + 8) * scale
    let originX = frame.x * scale + 4 * unit
    let originY = frame.y * scale + 4 * unit
    var mismatches = 0
    var dark = 0
    for (row, line) in modules.enumerated() {
      for (column, expected) in line.enumerated() {
        let x = Int(originX + (Double(column) + 0.5) * unit)
        let y = Int(originY + (Double(row) + 0.5) * unit)
        let isDark = image.pixel(x, y) < 128
        if isDark != expected { mismatches += 1 }
        if isDark { dark += 1 }
      }
    }
    #expect(mismatches == 0, "\(mismatches) QR modules differ")
    let share = Double(dark) / Double(modules.count * modules.count)
    #expect(share > 0.3 && share < 0.7, "QR dark share \(share)")
    // The quiet zone (4 modules) above the code is white.
    let quiet = image.ink(
      x: Int(frame.x * scale), y: Int(frame.y * scale), width: Int(frame.width * scale), height: Int(3 * unit))
    #expect(quiet < 0.01)
    // Finder pattern: the top-left 7×7 corner is dark on its border, light inside the ring.
    #expect(modules[0][0] && modules[0][6] && modules[6][0] && !modules[1][1] && modules[3][3])
  }

  @Test("every font is embedded, and DejaVu Sans is used")
  func fontsEmbedded() throws {
    let scratch = try TemporaryDirectory()
    let file = scratch.path("r.pdf")
    try Data(try RecordPDF.render(SampleRecords.tt22Upper)).write(to: URL(fileURLWithPath: file))
    let listing = String(decoding: try PDFTools.output("pdffonts", [file]), as: UTF8.self)
    let lines = listing.split(separator: "\n").map(String.init)
    let header = try #require(lines.first)
    let column = try #require(header.range(of: "emb")).lowerBound.utf16Offset(in: header)
    let fonts = lines.dropFirst(2)
    #expect(!fonts.isEmpty)
    for line in fonts {
      let start = line.index(line.startIndex, offsetBy: column)
      #expect(line[start...].hasPrefix("yes"), "not embedded: \(line)")
    }
    #expect(fonts.contains { $0.contains("DejaVuSans") })
  }
}
