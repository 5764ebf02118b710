import Foundation
import Testing

/// Runs the poppler tools (pdftotext, pdftoppm, pdffonts) on a file and returns their standard output.
enum PDFTools {
  struct Failed: Error, CustomStringConvertible {
    let description: String
  }

  static func output(_ tool: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
    process.arguments = arguments
    let sink = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-pdf-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: sink.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: sink) }
    process.standardOutput = try FileHandle(forWritingTo: sink)
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failed(description: "\(tool) exited \(process.terminationStatus)")
    }
    return try Data(contentsOf: sink)
  }

  /// The text of the PDF in content-stream order (`pdftotext -raw`), whitespace collapsed, NFC.
  static func text(of pdf: String) throws -> String {
    normalized(String(decoding: try output("pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"]), as: UTF8.self))
  }

  static func normalized(_ text: String) -> String {
    text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

/// A greyscale raster (binary PGM, as `pdftoppm -gray` writes it).
struct GreyImage {
  let width: Int
  let height: Int
  let pixels: [UInt8]

  init(pgm: Data) throws {
    let bytes = [UInt8](pgm)
    var fields: [String] = []
    var index = 0
    while fields.count < 4 {
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
      var field = ""
      while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A {
        field.append(Character(UnicodeScalar(bytes[index])))
        index += 1
      }
      fields.append(field)
    }
    index += 1
    guard fields[0] == "P5", let w = Int(fields[1]), let h = Int(fields[2]) else {
      throw PDFTools.Failed(description: "not a binary PGM")
    }
    width = w
    height = h
    pixels = Array(bytes[index..<(index + w * h)])
  }

  func pixel(_ x: Int, _ y: Int) -> UInt8 { pixels[y * width + x] }

  /// The share of dark pixels (< 128) in a rectangle.
  func ink(x: Int, y: Int, width w: Int, height h: Int) -> Double {
    var dark = 0
    for row in y..<(y + h) { for column in x..<(x + w) where pixel(column, row) < 128 { dark += 1 } }
    return Double(dark) / Double(w * h)
  }
}
