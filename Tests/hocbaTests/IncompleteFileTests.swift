import Foundation
import Testing

/// Multi-page files cut short: the readable pages are kept, the damaged ones named, and a rescan replaces the file.
@Suite(.serialized) struct IncompleteFileTests {
  static var scans: String { ImportCommandTests.scans }
  static var mappings: String { ImportCommandTests.mappings }

  func importFolder(_ scratch: Scratch, _ folder: URL, extra: [String] = []) throws -> CommandRunner.Result {
    try CommandRunner.hocba(
      ["import", folder.path, "--mappings", Self.mappings, "--jobs", "1"] + extra, in: scratch.url)
  }

  /// `head -c 600000 s002.tif`: the cut falls inside page 2, before the directories of pages 2 and 3.
  @Test func aTIFFCutInsidePage2KeepsPage1AndNamesTheLossUntilARescanReplacesIt() throws {
    let scratch = try Scratch()
    let folder = scratch.url.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let full = try Data(contentsOf: URL(fileURLWithPath: Self.scans + "/s002.tif"))
    let target = folder.appendingPathComponent("s002.tif")
    try full.prefix(600_000).write(to: target)
    try FileManager.default.copyItem(
      atPath: Self.scans + "/s001-p1-info.png", toPath: folder.appendingPathComponent("good.png").path)

    let first = try importFolder(scratch, folder)
    #expect(first.status == 2, "\(first.stderr)\n\(first.stdout)")
    let line = first.stdout.split(separator: "\n").first { $0.contains("s002.tif") }.map(String.init) ?? ""
    #expect(line.contains("trang 2 trở đi"), "\(first.stdout)")
    #expect(line.contains("quét lại"))
    #expect(first.stdout.contains("Tệp chưa đầy đủ — đã giữ các trang đọc được (1)"))
    #expect(first.stdout.contains("Trang đã nhập: 2"), "page 1 of s002 and good.png")
    #expect(try scratch.sql("SELECT complete FROM scan WHERE file_name = 's002.tif';") == "0")

    // English, and a rerun still reports the file (nothing is imported twice).
    let again = try importFolder(scratch, folder, extra: ["--lang", "en"])
    #expect(again.status == 2)
    #expect(again.stdout.contains("page 2 onwards (the file is truncated) damaged: rescan"), "\(again.stdout)")
    #expect(again.stdout.contains("Pages imported: 0"))

    // The complete file under the same name replaces the damaged one.
    try full.write(to: target)
    let rescan = try importFolder(scratch, folder)
    #expect(!rescan.stdout.contains("Tệp chưa đầy đủ"), "\(rescan.stdout)")
    #expect(try scratch.sql("SELECT count(*) FROM scan WHERE file_name = 's002.tif' AND complete = 0;") == "0")
    #expect(try scratch.sql("SELECT group_concat(page_count) FROM scan WHERE file_name = 's002.tif';").hasSuffix("3"))
    let pages = try scratch.sql(
      "SELECT count(*) FROM page p JOIN scan s ON s.id = p.scan_id WHERE s.file_name = 's002.tif' AND outcome <> 'duplicate';"
    )
    #expect(pages == "3", "each page of s002 stored once")
    #expect(try scratch.sql("PRAGMA integrity_check;") == "ok")
    let audit = try CommandRunner.hocba(["audit", "verify"], in: scratch.url)
    #expect(audit.status == 0, "\(audit.stderr)")
  }

  /// A cut inside the last page's strip table: every directory is there, so the page count is known.
  @Test func aDamagedLastPageIsNamedOutOfTheDeclaredCount() throws {
    let scratch = try Scratch()
    let folder = scratch.url.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let full = try Data(contentsOf: URL(fileURLWithPath: Self.scans + "/s002.tif"))
    // The third directory starts 1218 bytes... before the end; its strip arrays follow it. Find it from the chain.
    let bytes = [UInt8](full)
    func u32(_ at: Int) -> Int {
      Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    var directory = u32(4)
    for _ in 0..<2 { directory = u32(directory + 2 + 12 * u16(directory)) }
    let cut = directory + 2 + 12 * u16(directory) + 4  // the third directory and its next pointer, nothing more
    try full.prefix(cut).write(to: folder.appendingPathComponent("ba-trang.tif"))
    let result = try importFolder(scratch, folder)
    #expect(result.status == 2, "\(result.stderr)")
    #expect(
      result.stdout.contains("ba-trang.tif: trang 3/3 hỏng: quét lại tệp này (đã giữ 2 trang đọc được"),
      "\(result.stdout)")
    #expect(result.stdout.contains("Trang đã nhập: 2"))
  }
}
