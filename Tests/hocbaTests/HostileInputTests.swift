import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile and broken inputs, generated at test time, in one import batch with a good scan: each bad file is
/// refused with the exit code and a message naming it, the good file is imported, and the database stays intact.
@Suite(.serialized) struct HostileInputTests {
  static var scans: String { ImportCommandTests.scans }
  static var mappings: String { ImportCommandTests.mappings }

  /// The database passes SQLite's integrity check and the audit chain verifies.
  func expectIntact(_ scratch: Scratch) throws {
    #expect(try scratch.sql("PRAGMA integrity_check;") == "ok")
    let audit = try CommandRunner.hocba(["audit", "verify"], in: scratch.url)
    #expect(audit.status == 0, "\(audit.stderr)")
  }

  func sample(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: Self.scans + "/" + name)) }

  @Test func aBatchOfBrokenAndHostileScansRefusesEachByNameAndImportsTheGoodOne() throws {
    let scratch = try Scratch()
    let folder = scratch.url.appendingPathComponent("hop so xấu")
    let manager = FileManager.default
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    func write(_ data: Data, _ name: String) throws { try data.write(to: folder.appendingPathComponent(name)) }
    let png = try sample("s001-p3-y2024.png")
    let jpeg = try sample("s001-p2-y2023.jpg")
    let tiff = try sample("s002.tif")
    let pdf = try sample("s003.pdf")
    var idatDamaged = [UInt8](png)
    let idat = try #require((0..<png.count - 4).first { idatDamaged[$0..<$0 + 4].elementsEqual("IDAT".utf8) })
    for index in idat + 60..<idat + 100 { idatDamaged[index] ^= 0xFF }
    let longName = String(repeating: "học-bạ-", count: 20) + "dài.png"

    // Each bad file and a phrase its summary line must hold (besides its name).
    let expected: [(name: String, phrase: String)] = [
      ("rong.png", "rỗng (0 byte)"),
      ("van ban co dau cach.png", "không phải ảnh PNG, JPEG, TIFF"),
      ("Học bạ Nguyễn Văn Ấn.jpg", "không phải ảnh PNG, JPEG, TIFF"),
      (longName, "không phải ảnh PNG, JPEG, TIFF"),
      ("cut.png", "bị hỏng hoặc không đầy đủ"),
      ("idat.png", "libpng error"),
      ("cut.jpg", "Premature end of JPEG file"),
      ("header.tif", "bị hỏng"),
      ("bomb.png", "quá lớn (100000×100000 điểm ảnh)"),
      ("zero.png", "bị hỏng"),
      ("zero-width.tif", "bị hỏng"),
      ("bomb.tif", "bị hỏng"),
      ("thu-muc.png", "không phải là một tệp thông thường"),
      ("ong.png", "không phải là một tệp thông thường"),
      ("dev-zero.png", "không phải là một tệp thông thường"),
      ("vong.png", "vòng lặp"),
      ("rac.pdf", "PDF"),
      ("cut.pdf", "PDF"),
      ("big.png", "quá lớn"),
      ("jpeg-header.jpg", "Premature end of JPEG file"),
      ("gif.png", "không phải ảnh PNG, JPEG, TIFF"),
      ("encrypted.pdf", "mật khẩu"),
      ("no-pages.pdf", "không có trang nào"),
      ("bomb.pdf", "(trang 1) quá lớn"),
      ("3000-trang.pdf", "có 3000 trang, vượt giới hạn"),
    ]
    try write(Data(), "rong.png")
    try write(Data("không phải ảnh 1".utf8), "van ban co dau cach.png")
    try write(Data("không phải ảnh 2".utf8), "Học bạ Nguyễn Văn Ấn.jpg")
    try write(Data("không phải ảnh 3".utf8), longName)
    try write(png.prefix(png.count / 2), "cut.png")
    try write(Data(idatDamaged), "idat.png")
    try write(jpeg.prefix(jpeg.count / 2), "cut.jpg")
    try write(tiff.prefix(200), "header.tif")
    try write(HostileInputs.pngHeader(width: 100_000, height: 100_000), "bomb.png")
    try write(HostileInputs.pngHeader(width: 0, height: 100), "zero.png")
    try write(HostileInputs.tiffHeader(width: 0, height: 100), "zero-width.tif")
    try write(HostileInputs.tiffHeader(width: 200_000, height: 200_000, stripBytes: 4_000_000_000), "bomb.tif")
    try manager.createDirectory(at: folder.appendingPathComponent("thu-muc.png"), withIntermediateDirectories: true)
    #expect(mkfifo(folder.appendingPathComponent("ong.png").path, 0o600) == 0)
    try manager.createSymbolicLink(
      atPath: folder.appendingPathComponent("dev-zero.png").path, withDestinationPath: "/dev/zero")
    try manager.createSymbolicLink(
      atPath: folder.appendingPathComponent("vong.png").path, withDestinationPath: "vong.png")
    try write(Data("%PDF-1.4\nrác không phải PDF\n".utf8), "rac.pdf")
    try write(pdf.prefix(pdf.count / 3), "cut.pdf")
    #expect(manager.createFile(atPath: folder.appendingPathComponent("big.png").path, contents: Data()))
    let big = try FileHandle(forWritingTo: folder.appendingPathComponent("big.png"))
    try big.truncate(atOffset: 600 * 1_048_576)  // sparse
    try big.close()
    try manager.copyItem(
      atPath: Self.scans + "/s001-p1-info.png", toPath: folder.appendingPathComponent("good.png").path)
    try write(HostileInputs.pngWithBadTextChunk(png), "canh-bao.png")  // decodes, with a libpng warning
    try write(jpeg.prefix(600), "jpeg-header.jpg")
    try write(Data("GIF89a".utf8) + Data([1, 0, 1, 0, 0, 0, 0, 0x3B]), "gif.png")
    let fixtures = ImportCommandTests.repository.appendingPathComponent("Tests/ScanCaptureTests/Fixtures")
    for name in ["encrypted.pdf", "no-pages.pdf"] {
      try manager.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    try write(HostileInputs.blankPDF(pages: 1, mediaBox: "0 0 14400 14400"), "bomb.pdf")
    try write(HostileInputs.blankPDF(pages: 3000), "3000-trang.pdf")
    try write(HostileInputs.tiffHeader(width: 8, height: 8, stripBytes: 64, looping: true), "vong-lap.tif")

    let result = try CommandRunner.hocba(
      ["import", folder.path, "--mappings", Self.mappings, "--jobs", "2"], in: scratch.url)
    #expect(result.status == 2, "\(result.stderr)\n\(result.stdout)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    for (name, phrase) in expected {
      let line = lines.first { $0.contains(folder.appendingPathComponent(name).path) }
      #expect(line?.contains(phrase) == true, "\(name): \(line ?? "not named")")
    }
    #expect(!result.stderr.contains("libpng") && !result.stderr.contains("JPEG"), "no unnamed library noise")
    #expect(result.stdout.contains("Tệp bị cách ly (\(expected.count))"), "\(result.stdout)")
    // A directory chain that loops: the readable first page is kept, the file listed as incomplete.
    let loop = lines.first { $0.contains(folder.appendingPathComponent("vong-lap.tif").path) }
    #expect(loop?.contains("trang 2 trở đi") == true, "\(loop ?? "not named")")
    #expect(result.stdout.contains("Trang đã nhập: 3"), "the good scan, the one with a warning, the loop's page 1")
    let warned = lines.first { $0.contains(folder.appendingPathComponent("canh-bao.png").path) }
    #expect(warned?.contains("libpng warning: tEXt: CRC error") == true, "\(warned ?? "not named")")
    #expect(result.stdout.contains("Tệp đã nhập nhưng thư viện ảnh có cảnh báo — nên xem lại ảnh (1):"))
    #expect(try scratch.sql("SELECT count(*) FROM scan WHERE file_name = 'good.png' AND complete = 1;") == "1")
    try expectIntact(scratch)
  }

  @Test func scansCutAtEveryTenthAreEachNamedOrKeptAndNothingIsLost() throws {
    let scratch = try Scratch()
    let folder = scratch.url.appendingPathComponent("cat")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var names: [(name: String, pages: Int)] = []
    for (sample, pages) in [("s001-p3-y2024.png", 1), ("s001-p2-y2023.jpg", 1), ("s002.tif", 3), ("s003.pdf", 3)] {
      let data = try self.sample(sample)
      let ext = URL(fileURLWithPath: sample).pathExtension
      for tenth in 1...9 {
        let name = "cut-\(tenth)0pc.\(ext)"
        try data.prefix(data.count * tenth / 10).write(to: folder.appendingPathComponent(name))
        names.append((name, pages))
      }
    }
    try FileManager.default.copyItem(
      atPath: Self.scans + "/s001-p1-info.png", toPath: folder.appendingPathComponent("good.png").path)
    let result = try CommandRunner.hocba(
      ["import", folder.path, "--mappings", Self.mappings, "--jobs", "2"], in: scratch.url)
    #expect(result.status == 2, "\(result.stderr)\n\(result.stdout)")
    // Every cut file is either named in the summary (quarantined, incomplete or with a library warning) or was
    // imported with all its pages: no file and no page vanishes silently.
    for (name, pages) in names {
      let named = result.stdout.contains(folder.appendingPathComponent(name).path)
      let stored = try scratch.sql(
        "SELECT count(*) FROM page JOIN scan ON scan.id = page.scan_id WHERE scan.file_name = '\(name)' AND complete = 1;"
      )
      #expect(named || stored == String(pages), "\(name): not named, \(stored) of \(pages) pages stored")
    }
    #expect(!result.stderr.contains("libpng") && !result.stderr.contains("JPEG"), "no unnamed library noise")
    #expect(try scratch.sql("SELECT count(*) FROM scan WHERE file_name = 'good.png' AND complete = 1;") == "1")
    try expectIntact(scratch)
  }

  @Test func aPDFOfIdenticalBlankPagesIsSummarisedAsTheDatabaseStoresIt() throws {
    let scratch = try Scratch()
    let folder = scratch.url.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try HostileInputs.blankPDF(pages: 6).write(to: folder.appendingPathComponent("trang-trang.pdf"))
    try HostileInputs.blankPDF(pages: 6).write(to: folder.appendingPathComponent("ban-sao.pdf"))  // same bytes
    let result = try CommandRunner.hocba(
      ["import", folder.path, "--mappings", Self.mappings, "--jobs", "2"], in: scratch.url)
    #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
    let stored = try scratch.sql("SELECT outcome || '=' || count(*) FROM page GROUP BY outcome ORDER BY outcome;")
    #expect(stored == "blank=1\nduplicate=5", "\(stored)")
    #expect(result.stdout.contains("Trang đã nhập: 6"), "\(result.stdout)")
    #expect(result.stdout.contains("Trang trắng: 1"), "\(result.stdout)")
    #expect(result.stdout.contains("Trang trùng: 5"), "\(result.stdout)")
    #expect(result.stdout.contains("Tệp trùng nội dung với một tệp khác của lần nhập này — bỏ qua, không lưu (1):"))
    #expect(result.stdout.contains(folder.appendingPathComponent("trang-trang.pdf").path), "the second file by name")
    #expect(try scratch.sql("SELECT count(*) FROM scan;") == "1")
    try expectIntact(scratch)
  }
}

/// Hostile XML given to `import-xml`: each refused with exit 65 naming the file, a good record still imported.
@Suite struct HostileXMLTests {
  static let golden = ImportCommandTests.repository.appendingPathComponent("Tests/RecordXMLTests/Golden/tt22-thcs.xml")

  @Test func hostileXMLIsRefusedByNameAndTheDatabaseStaysIntact() throws {
    let scratch = try Scratch()
    let created = try CommandRunner.hocba(
      ["init", "--name", "Trường Thử", "--code", "1", "--province", "Ninh Bình"], in: scratch.url)
    #expect(created.status == 0, "\(created.stderr)")
    let good = try Data(contentsOf: Self.golden)
    let root = #"<HocBa xmlns="urn:hocba:xml:1.0" PBan="1.0"><DLHocBa Id="data"/><DSCKS/></HocBa>"#
    let cases: [(name: String, bytes: Data, phrase: String)] = [
      (
        "xxe.xml",
        Data(#"<?xml version="1.0"?><!DOCTYPE HocBa [<!ENTITY x SYSTEM "file:///etc/passwd">]>\#(root)"#.utf8),
        "DOCTYPE"
      ),
      (
        "billion-laughs.xml",
        Data(
          (#"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">"#
            + (1..<10).map {
              #"<!ENTITY \#(Character(UnicodeScalar(97 + $0)!)) "&\#(Character(UnicodeScalar(96 + $0)!));&\#(Character(UnicodeScalar(96 + $0)!));&\#(Character(UnicodeScalar(96 + $0)!));">"#
            }.joined()
            + "]>" + root).utf8), "DOCTYPE"
      ),
      (
        "dtd.xml", Data(#"<?xml version="1.0"?><!DOCTYPE HocBa SYSTEM "http://example.invalid/x.dtd">\#(root)"#.utf8),
        "DOCTYPE"
      ),
      ("utf16.xml", String(decoding: good, as: UTF8.self).data(using: .utf16)!, "UTF-8"),
      ("nul.xml", good.prefix(200) + Data([0]) + good.dropFirst(200), "UTF-8"),
      ("rong.xml", Data(), "rong.xml"),
      ("lon.xml", Data(repeating: 0x20, count: 9 * 1_048_576), "quá lớn"),
    ]
    for (name, bytes, phrase) in cases {
      try bytes.write(to: scratch.url.appendingPathComponent(name))
      let result = try CommandRunner.hocba(["import-xml", name], in: scratch.url)
      #expect(result.status == 65, "\(name): \(result.stderr)")
      #expect(result.stderr.contains(name) && result.stderr.contains(phrase), "\(name): \(result.stderr)")
    }
    try good.write(to: scratch.url.appendingPathComponent("tốt.xml"))
    let imported = try CommandRunner.hocba(["import-xml", "tốt.xml"], in: scratch.url)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(try scratch.sql("SELECT count(*) FROM record;") == "1")
    #expect(try scratch.sql("PRAGMA integrity_check;") == "ok")
    #expect(try CommandRunner.hocba(["audit", "verify"], in: scratch.url).status == 0)
  }
}
