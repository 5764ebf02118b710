import Foundation
import Testing

/// The import of real scans through the built binary: summary, idempotency, bad inputs and kill-and-resume.
@Suite(.serialized) struct ImportCommandTests {
  /// The repository's synthetic sample scans and templates.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static var scans: String { repository.appendingPathComponent("Scans").path }
  static var mappings: String { repository.appendingPathComponent("Mappings").path }

  func importScans(_ scratch: Scratch, database: String = "hocba.sqlite", extra: [String] = []) throws
    -> CommandRunner.Result
  {
    try CommandRunner.hocba(
      ["import", Self.scans, "--db", database, "--mappings", Self.mappings, "--jobs", "2"] + extra, in: scratch.url)
  }

  @Test func importsTheSampleScansAndIsIdempotent() throws {
    let scratch = try Scratch()
    let first = try importScans(scratch)
    #expect(first.status == 0, "\(first.stderr)\n\(first.stdout)")
    #expect(first.stdout.contains("Trang đã nhập: 10"))
    #expect(first.stdout.contains("Hồ sơ tạo mới: 7"))
    let second = try importScans(scratch)
    #expect(second.status == 0)
    #expect(second.stdout.contains("Trang đã nhập: 0"))
    #expect(second.stdout.contains("Đã nhập từ trước: 6 tệp (10 trang)"))
    let count = try CommandRunner.tool("sqlite3", ["hocba.sqlite", "SELECT count(*) FROM record;"], in: scratch.url)
    #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "7")
    // Reading everything again once records exist (failed with a foreign-key error before issue 18).
    let redo = try importScans(scratch, extra: ["--redo"])
    #expect(redo.status == 0, "\(redo.stderr)\n\(redo.stdout)")
    #expect(redo.stdout.contains("Trang đọc lại: 10"))
    #expect(redo.stdout.contains("Hồ sơ đọc lại (7)"))
    #expect(redo.stdout.contains("Hồ sơ tạo mới: 0"))
    let after = try CommandRunner.tool(
      "sqlite3", ["hocba.sqlite", "SELECT count(*) FROM record; SELECT count(*) FROM page; PRAGMA foreign_key_check;"],
      in: scratch.url)
    #expect(after.stdout.split(separator: "\n") == ["7", "10"], "no record or page added, no dangling reference")
  }

  @Test func aRedoKeepsTheReviewersValueFlagsTheDisagreementAndADryRunWritesNothing() throws {
    let scratch = try Scratch()
    let book = scratch.url.appendingPathComponent("so")
    try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
    for name in ["s001-p1-info.png", "s001-p2-y2023.jpg"] {
      try FileManager.default.copyItem(
        at: URL(fileURLWithPath: Self.scans).appendingPathComponent(name), to: book.appendingPathComponent(name))
    }
    func run(_ extra: [String]) throws -> CommandRunner.Result {
      try CommandRunner.hocba(
        ["import", book.path, "--db", "hocba.sqlite", "--mappings", Self.mappings, "--jobs", "2"] + extra,
        in: scratch.url)
    }
    func sql(_ query: String) throws -> String {
      try CommandRunner.tool("sqlite3", ["hocba.sqlite", query], in: scratch.url).stdout
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #expect(try run([]).status == 0)
    let set = try CommandRunner.hocba(
      ["set", "1", "absences", "97", "--reason", "Đối chiếu sổ gốc", "--actor", "Lan"], in: scratch.url)
    #expect(set.status == 0, "\(set.stderr)")
    let auditRows = try sql("SELECT count(*) FROM audit_log")

    let dryRun = try run(["--redo", "--dry-run"])
    #expect(dryRun.status == 0, "\(dryRun.stderr)")
    #expect(dryRun.stdout.contains("Chạy thử (--dry-run)"))
    #expect(dryRun.stdout.contains("#1: "))
    #expect(dryRun.stdout.contains("1 ô cần xem lại"))
    #expect(try sql("SELECT count(*) FROM audit_log") == auditRows, "a dry run writes nothing")
    #expect(try sql("SELECT status FROM field WHERE record_id = 1 AND path = 'absences'") == "corrected")

    let redo = try run(["--redo"])
    #expect(redo.status == 0, "\(redo.stderr)")
    #expect(redo.stdout.contains("1 ô cần xem lại"))
    #expect(
      try sql("SELECT normalized_value, status, reread_flagged FROM field WHERE record_id = 1 AND path = 'absences'")
        == "97|pending|1")
    let fields = try CommandRunner.hocba(["fields", "--record", "1", "--needs-review"], in: scratch.url)
    let absences = fields.stdout.split(separator: "\n").first { $0.contains("\tabsences\t") }
    #expect(absences?.hasPrefix("1\tabsences\tpending\t") == true)
    #expect(absences?.contains("\t97\tđọc lại: ") == true, "the reviewer's value, then the disagreeing reading")
    #expect(try CommandRunner.hocba(["audit", "verify"], in: scratch.url).status == 0)
  }

  @Test func aFolderWithoutScansIsAUsageErrorNamingIt() throws {
    let scratch = try Scratch()
    let empty = scratch.url.appendingPathComponent("thu-muc-trong")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    try Data("ghi chú".utf8).write(to: empty.appendingPathComponent("ghi-chu.txt"))
    let result = try CommandRunner.hocba(
      ["import", empty.path, "--db", "hocba.sqlite", "--mappings", Self.mappings], in: scratch.url)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("Không có tệp ảnh quét nào"))
    #expect(result.stderr.contains("thu-muc-trong"))
    #expect(!result.stderr.contains("Bắt đầu nhập 0 tệp"))
    let english = try CommandRunner.hocba(
      ["import", empty.path, "--db", "hocba.sqlite", "--mappings", Self.mappings, "--lang", "en"], in: scratch.url)
    #expect(english.status == 64)
    #expect(english.stderr.contains("No scan files"))
  }

  @Test func badInputsAreQuarantinedWithVietnameseMessagesAndTheBatchCompletes() throws {
    let scratch = try Scratch()
    let bad = scratch.url.appendingPathComponent("xau")
    try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
    func write(_ data: Data, _ name: String) throws { try data.write(to: bad.appendingPathComponent(name)) }
    func prefix(of sample: String, _ fraction: Int) throws -> Data {
      let data = try Data(contentsOf: URL(fileURLWithPath: Self.scans + "/" + sample))
      return data.prefix(data.count / fraction)
    }
    try write(Data(), "rong.png")
    try write(Data("không phải ảnh".utf8), "van-ban.png")
    try write(try prefix(of: "s001-p1-info.png", 3), "cut-ngang.png")
    try write(try prefix(of: "s001-p2-y2023.jpg", 3), "cut-ngang.jpg")
    try write(try prefix(of: "s002.tif", 3), "cut-ngang.tif")
    try write(PNGHeader.claiming(width: 30_000, height: 30_000), "khong-lo.png")
    let fixtures = Self.repository.appendingPathComponent("Tests/ScanCaptureTests/Fixtures")
    try FileManager.default.copyItem(
      at: fixtures.appendingPathComponent("encrypted.pdf"), to: bad.appendingPathComponent("mat-khau.pdf"))
    try FileManager.default.createSymbolicLink(
      atPath: bad.appendingPathComponent("vong.png").path,
      withDestinationPath: bad.appendingPathComponent("vong.png").path)
    // A good page, and a JPEG named .png: the content decides, so both are imported.
    try FileManager.default.copyItem(
      atPath: Self.scans + "/s001-p3-y2024.png", toPath: bad.appendingPathComponent("tot.png").path)
    try FileManager.default.copyItem(
      atPath: Self.scans + "/s001-p2-y2023.jpg", toPath: bad.appendingPathComponent("sai-duoi.png").path)
    let result = try CommandRunner.hocba(["import", bad.path, "--mappings", Self.mappings], in: scratch.url)
    #expect(result.status == 2, "completed with problems: \(result.stderr)")
    let quarantined = [
      "rong.png", "van-ban.png", "cut-ngang.png", "cut-ngang.jpg", "cut-ngang.tif", "khong-lo.png", "mat-khau.pdf",
      "vong.png",
    ]
    for name in quarantined {
      let line = result.stdout.split(separator: "\n").first { $0.contains(name) }
      #expect(line != nil, "\(name) is named in the summary")
    }
    #expect(result.stdout.contains("Tệp bị cách ly (\(quarantined.count))"), "\(result.stdout)")
    #expect(result.stdout.contains("Trang đã nhập: 2"))
    // Rerun: the batch is complete; quarantined files are reported again, nothing is duplicated.
    let again = try CommandRunner.hocba(["import", bad.path, "--mappings", Self.mappings], in: scratch.url)
    #expect(again.stdout.contains("Trang đã nhập: 0"))
    let count = try CommandRunner.tool(
      "sqlite3", ["hocba.sqlite", "SELECT count(*) FROM quarantine;"], in: scratch.url)
    #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(quarantined.count)")
  }

  /// Canonical content of a database: pages, records and fields, without timestamps or ids.
  func dump(_ scratch: Scratch, _ database: String) throws -> String {
    let queries = [
      "SELECT s.sha256, p.page_number, p.outcome, p.kind FROM page p JOIN scan s ON s.id = p.scan_id ORDER BY 1, 2;",
      "SELECT school_year, class_name, state, payload FROM record ORDER BY payload;",
      """
      SELECT r.payload, f.path, f.raw_text, f.normalized_value, f.status, f.crop_path FROM field f
      JOIN record r ON r.id = f.record_id ORDER BY r.payload, f.path, f.page_id;
      """,
      "SELECT count(*) FROM quarantine;",
    ]
    return try queries.map { try CommandRunner.tool("sqlite3", [database, $0], in: scratch.url).stdout }
      .joined(separator: "\n--\n")
  }

  /// Runs hocba with `arguments` and SIGKILLs it at a random point (start-up, a page, a database write or the
  /// grouping stage), until it was killed `times` times (at most 12 runs); returns how many runs were killed.
  func killRepeatedly(_ arguments: [String], in scratch: Scratch, times: Int, latestMicroseconds: UInt32) throws -> Int
  {
    var generator = SystemRandomNumberGenerator()
    var kills = 0
    for _ in 0..<12 where kills < times {
      let process = Process()
      process.executableURL = CommandRunner.hocba
      process.arguments = arguments
      process.currentDirectoryURL = scratch.url
      process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "OMP_THREAD_LIMIT": "1"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32.random(in: 300_000...latestMicroseconds, using: &generator))
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        kills += 1
      }
      process.waitUntilExit()
    }
    return kills
  }

  @Test func killedImportsResumeToTheSameDatabaseAsAnUninterruptedRun() throws {
    let scratch = try Scratch()
    #expect(try importScans(scratch, database: "reference.sqlite").status == 0)
    let reference = try dump(scratch, "reference.sqlite")
    let kills = try killRepeatedly(
      ["import", Self.scans, "--db", "killed.sqlite", "--mappings", Self.mappings, "--jobs", "2"], in: scratch,
      times: 5, latestMicroseconds: 2_000_000)
    #expect(kills >= 5)
    let final = try importScans(scratch, database: "killed.sqlite")
    #expect(final.status == 0, "\(final.stderr)")
    #expect(try dump(scratch, "killed.sqlite") == reference)

    // The same for a re-reading: killed at random, then one plain run finishes the merges; nothing lost or doubled.
    _ = try CommandRunner.tool("sqlite3", ["reference.sqlite", ".backup redo.sqlite"], in: scratch.url)
    let redoKills = try killRepeatedly(
      ["import", Self.scans, "--redo", "--db", "redo.sqlite", "--mappings", Self.mappings, "--jobs", "2"],
      in: scratch, times: 4, latestMicroseconds: 3_000_000)
    #expect(redoKills >= 4)
    let resumed = try importScans(scratch, database: "redo.sqlite")
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try dump(scratch, "redo.sqlite") == reference)
    let pending = try CommandRunner.tool(
      "sqlite3", ["redo.sqlite", "SELECT count(*) FROM page WHERE merge_pending = 1"], in: scratch.url)
    #expect(pending.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    #expect(try CommandRunner.hocba(["audit", "verify", "--db", "redo.sqlite"], in: scratch.url).status == 0)
  }
}

/// A PNG that is only a signature and an IHDR chunk, claiming any size (the loader must refuse it from the header).
enum PNGHeader {
  static func claiming(width: UInt32, height: UInt32) -> Data {
    var chunk = Data("IHDR".utf8)
    for value in [width, height] { chunk += withUnsafeBytes(of: value.bigEndian) { Data($0) } }
    chunk += Data([8, 0, 0, 0, 0])  // 8-bit greyscale, deflate, no filter, no interlace
    var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    png += withUnsafeBytes(of: UInt32(13).bigEndian) { Data($0) }
    png += chunk
    png += withUnsafeBytes(of: crc32(chunk).bigEndian) { Data($0) }
    return png
  }

  static func crc32(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
    }
    return ~crc
  }
}
