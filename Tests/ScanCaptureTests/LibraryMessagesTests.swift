import Foundation
import HocBaModel
import ScanCapture
import TestSupport
import Testing

/// What libpng and libjpeg print while a damaged file is decoded is attached to that file's error, not printed.
@Suite struct LibraryMessagesTests {
  /// A copy of `fixture` with bytes inverted from `offset` on (inside the compressed image data).
  func damaged(_ fixture: String, at offset: (Int) -> Int, count: Int, in folder: TemporaryDirectory) throws -> URL {
    var bytes = [UInt8](try Data(contentsOf: Fixture.url(fixture)))
    let start = offset(bytes.count)
    for index in start..<min(start + count, bytes.count - 2) { bytes[index] ^= 0xFF }
    let url = folder.url.appendingPathComponent("hong-" + fixture)
    try Data(bytes).write(to: url)
    return url
  }

  @Test func libpngsMessageIsAttachedToTheDamagedPNG() throws {
    let folder = try TemporaryDirectory()
    let png = [UInt8](try Data(contentsOf: Fixture.url("page.png")))
    let idat = try #require((0..<png.count - 4).first { png[$0..<$0 + 4].elementsEqual("IDAT".utf8) })
    let url = try damaged("page.png", at: { _ in idat + 60 }, count: 40, in: folder)
    do {
      _ = try PageLoader.loadScan(url)
      Issue.record("a damaged PNG must not load")
    } catch {
      guard case .libraryReported(let inner, let messages) = error else {
        Issue.record("no library message attached: \(error)")
        return
      }
      #expect(inner == .corruptImage(file: url.path, page: nil))
      #expect(messages.first?.hasPrefix("libpng error:") == true, "\(messages)")
      let text = error.message(in: .vietnamese)
      #expect(text.contains(url.path) && text.contains("thư viện ảnh báo: «libpng error:"), "\(text)")
    }
  }

  @Test func libjpegsMessageIsAttachedToTheCutJPEG() throws {
    let folder = try TemporaryDirectory()
    let jpeg = try Data(contentsOf: Fixture.url("page.jpg"))
    let url = folder.url.appendingPathComponent("cut.jpg")
    try jpeg.prefix(jpeg.count / 2).write(to: url)
    #expect(
      throws: CaptureError.libraryReported(
        .corruptImage(file: url.path, page: nil), messages: ["Premature end of JPEG file"])
    ) {
      try PageLoader.loadScan(url)
    }
  }

  @Test func aWarningOfAFileThatDecodesIsKeptWithTheScan() throws {
    let folder = try TemporaryDirectory()
    let png = try Data(contentsOf: Fixture.url("page.png"))
    let chunk = Array("tEXt".utf8) + Array("Comment".utf8) + [0] + Array("hocba".utf8)
    let header = 8 + 8 + 13 + 4
    let url = folder.url.appendingPathComponent("canh-bao.png")
    try (png.prefix(header) + Data([0, 0, 0, 13] + chunk + [0xDE, 0xAD, 0xBE, 0xEF]) + png.dropFirst(header))
      .write(to: url)
    let scan = try PageLoader.loadScan(url)
    #expect(scan.pages.count == 1 && scan.problem == nil)
    #expect(scan.libraryMessages == ["libpng warning: tEXt: CRC error"])
  }

  @Test func aGoodFileHasNoMessages() throws {
    let scan = try PageLoader.loadScan(Fixture.url("page.png"))
    #expect(scan.libraryMessages.isEmpty && scan.problem == nil)
  }
}
