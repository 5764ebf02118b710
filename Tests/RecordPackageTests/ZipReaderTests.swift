import Foundation
import Testing

@testable import RecordPackage

/// The package ZIP reader and writer: deterministic output, readable by Info-ZIP, every hostile archive refused.
@Suite("Package ZIP")
struct ZipReaderTests {
  static let files: [(path: String, bytes: [UInt8])] = [
    ("records/b.xml", Array("<b/>".utf8)), ("records/a.xml", Array("<a>ă</a>".utf8)),
  ]

  @Test("same files, same bytes; entries sorted; read back with CRC")
  func roundTrip() throws {
    let first = ZipWriter.archive(Self.files)
    #expect(first == ZipWriter.archive(Self.files.reversed()))
    let entries = try ZipReader.entries(first)
    #expect(entries.map(\.path) == ["records/a.xml", "records/b.xml"])
    #expect(entries[0].bytes == Array("<a>ă</a>".utf8))
  }

  @Test("Info-ZIP unzip accepts the archive")
  func unzipReads() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pkg-\(UUID().uuidString).zip")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(ZipWriter.archive(Self.files)).write(to: url)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    process.arguments = ["-tq", url.path]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  @Test("unsafe names refused", arguments: ["../evil.xml", "/etc/passwd", "a/../../b", "a\\b", "C:x", "a//b", "./a"])
  func unsafeNames(_ name: String) {
    #expect(throws: PackageError.unsafePath(name)) { try ZipReader.entries(ZipWriter.archive([(name, [1])])) }
  }

  /// The offset of the central directory entry's external attributes (first entry).
  static func centralOffset(_ archive: [UInt8]) -> Int { Int(archive.le32(at: archive.count - 22 + 16)) }

  @Test("a symbolic link entry is refused")
  func symlink() {
    var archive = ZipWriter.archive([("link", Array("/etc/passwd".utf8))])
    let attributes = Self.centralOffset(archive) + 38
    archive[attributes + 3] = 0xA1  // mode 0o120777 in the high half
    archive[attributes + 2] = 0xFF
    #expect(throws: PackageError.notRegularFile("link")) { try ZipReader.entries(archive) }
  }

  @Test("declared sizes that disagree, a changed byte, a truncated file are refused")
  func sizesAndDamage() {
    var archive = ZipWriter.archive([("a", [1, 2, 3])])
    archive[Self.centralOffset(archive) + 24] = 200  // uncompressed size 200, compressed still 3
    #expect(throws: PackageError.sizeMismatch("a")) { try ZipReader.entries(archive) }
    var changed = ZipWriter.archive([("a", [1, 2, 3])])
    changed[31] ^= 0xFF  // first data byte (30-byte header + 1-byte name)
    #expect(throws: PackageError.checksumMismatch("a")) { try ZipReader.entries(changed) }
    let whole = ZipWriter.archive([("a", [1, 2, 3])])
    #expect(throws: PackageError.malformed("no end of central directory")) {
      try ZipReader.entries(Array(whole.dropLast(5)))
    }
  }

  @Test("a zip bomb is refused by its limits: entry count, entry size, total size, compression")
  func limits() {
    var limits = ZipReader.Limits()
    limits.maximumEntries = 3
    let many = ZipWriter.archive((0..<4).map { ("f\($0)", [UInt8($0)]) })
    #expect(throws: PackageError.tooManyEntries(4, limit: 3)) { try ZipReader.entries(many, limits: limits) }
    limits.maximumEntryBytes = 10
    let big = ZipWriter.archive([("big", [UInt8](repeating: 0, count: 11))])
    #expect(throws: PackageError.entryTooLarge("big", limit: 10)) { try ZipReader.entries(big, limits: limits) }
    limits.maximumEntryBytes = 100
    limits.maximumTotalBytes = 15
    let total = ZipWriter.archive([("x", [UInt8](repeating: 0, count: 8)), ("y", [UInt8](repeating: 0, count: 8))])
    #expect(throws: PackageError.archiveTooLarge(limit: 15)) { try ZipReader.entries(total, limits: limits) }
    var deflated = ZipWriter.archive([("d", [0])])
    deflated[Self.centralOffset(deflated) + 10] = 8
    #expect(throws: PackageError.compressed("d")) { try ZipReader.entries(deflated) }
  }

  @Test("manifest checks: added, removed, changed file; edited counts")
  func manifestProblems() throws {
    let manifest = PackageManifest(
      toolVersion: "t", school: .init(code: "S", name: "N"), exportedBy: "x",
      selection: .init(schoolYear: nil, className: nil, record: nil, state: nil, withScans: false),
      records: [
        .init(id: 1, state: "sealed", schoolYear: "2024-2025", className: "6A", file: "records/a.xml", signed: true)
      ])
    let archive = try RecordPackage.build(manifest: manifest, files: [("records/a.xml", [1, 2])])
    var package = try RecordPackage.open(archive)
    #expect(package.problems().isEmpty)
    #expect(package.manifest.countsByClass == ["6A": 1])
    package.files["records/a.xml"] = [1, 3]
    package.files["extra.txt"] = [0]
    #expect(package.problems() == [.changed("records/a.xml"), .unlisted("extra.txt")])
    package.files = [:]
    package.manifest.countsByState = ["sealed": 2]
    #expect(package.problems().contains(.missing("records/a.xml")))
    #expect(package.problems().contains(.manifestInconsistent("countsByState")))
    #expect(throws: PackageError.manifestMissing) { try RecordPackage.open(ZipWriter.archive([("a", [1])])) }
  }
}
