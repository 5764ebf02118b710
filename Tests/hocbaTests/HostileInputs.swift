import Foundation

/// Small hostile or broken inputs generated at test time: no fixture file holds them.
enum HostileInputs {
  /// A PDF of `pages` pages with no content (each rasterises to the same white page) and the given media box.
  static func blankPDF(pages: Int, mediaBox: String = "0 0 595 842") -> Data {
    var objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    let kids = (0..<pages).map { "\($0 + 3) 0 R" }.joined(separator: " ")
    objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
    objects += Array(repeating: "<< /Type /Page /Parent 2 0 R /MediaBox [\(mediaBox)] >>", count: pages)
    var text = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(text.utf8.count)
      text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = text.utf8.count
    text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    text += offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
    text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(text.utf8)
  }

  /// A PNG that is only a signature and an IHDR chunk declaring `width`×`height` (no image data).
  static func pngHeader(width: UInt32, height: UInt32) -> Data {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    bytes += Array("IHDR".utf8) + bigEndian(width) + bigEndian(height) + [8, 0, 0, 0, 0]
    bytes += [0, 0, 0, 0]  // CRC (not checked before the size)
    return Data(bytes)
  }

  /// A one-page little-endian TIFF declaring `width`×`height`, 8-bit grey, one strip of `stripBytes` bytes that
  /// the file does not hold (a bomb header when the size is huge). `looping` points the next-directory offset back
  /// at the first directory.
  static func tiffHeader(width: UInt32, height: UInt32, stripBytes: UInt32 = 1_000_000, looping: Bool = false)
    -> Data
  {
    let entries: [(UInt16, UInt16, UInt32)] = [
      (256, 4, width), (257, 4, height), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 8 + 2 + 9 * 12 + 4),
      (277, 3, 1), (278, 4, height), (279, 4, stripBytes),
    ]
    var bytes: [UInt8] = Array("II".utf8) + [42, 0] + littleEndian(8)
    bytes += [UInt8(entries.count), 0]
    for (tag, type, value) in entries {
      bytes += [UInt8(tag & 0xFF), UInt8(tag >> 8), UInt8(type), 0] + littleEndian(1) + littleEndian(value)
    }
    bytes += littleEndian(looping ? 8 : 0) + Array(repeating: 0x80, count: 64)
    return Data(bytes)
  }

  /// `png` with a tEXt chunk whose CRC is wrong after IHDR: libpng decodes it and warns ("tEXt: CRC error").
  static func pngWithBadTextChunk(_ png: Data) -> Data {
    let chunk = Array("tEXt".utf8) + Array("Comment".utf8) + [0] + Array("hocba".utf8)
    let body = bigEndian(UInt32(chunk.count - 4)) + chunk + [0xDE, 0xAD, 0xBE, 0xEF]
    let endOfHeader = 8 + 8 + 13 + 4
    return png.prefix(endOfHeader) + Data(body) + png.dropFirst(endOfHeader)
  }

  private static func bigEndian(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
  }
  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }
}
