import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `import-xml` checks what it was given before reading a byte: a folder, a FIFO, a device or an oversized file
/// is refused with its own message naming the file, never "not found", and never read into memory.
@Suite struct ImportXMLInputTests {
  func importXML(_ scratch: Scratch, _ name: String, lang: String = "vi") throws -> CommandRunner.Result {
    try CommandRunner.hocba(["import-xml", name, "--lang", lang, "--db", "x.sqlite"], in: scratch.url)
  }

  @Test func aFolderIsRefusedAsAFolder() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(atPath: scratch.path("ho so.xml"), withIntermediateDirectories: true)
    let result = try importXML(scratch, "ho so.xml")
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("ho so.xml là một thư mục"), "\(result.stderr)")
    #expect(!result.stderr.contains("Không tìm thấy"))
  }

  @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
    let scratch = try Scratch()
    #expect(mkfifo(scratch.path("ong.xml"), 0o600) == 0)
    let result = try importXML(scratch, "ong.xml", lang: "en")
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("ong.xml is a pipe (FIFO/socket)"), "\(result.stderr)")
  }

  @Test func aLinkToDevZeroIsRefusedAsADevice() throws {
    let scratch = try Scratch()
    try FileManager.default.createSymbolicLink(atPath: scratch.path("zero.xml"), withDestinationPath: "/dev/zero")
    let result = try importXML(scratch, "zero.xml")
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("zero.xml là (hoặc trỏ tới) một thiết bị"), "\(result.stderr)")
  }

  @Test func anOversizedFileIsRefusedFromItsSizeBeforeReading() throws {
    let scratch = try Scratch()
    #expect(FileManager.default.createFile(atPath: scratch.path("lon.xml"), contents: Data("<a/>".utf8)))
    let handle = try FileHandle(forWritingTo: scratch.url.appendingPathComponent("lon.xml"))
    try handle.truncate(atOffset: 600 * 1_048_576)  // sparse: costs no disk
    try handle.close()
    let result = try importXML(scratch, "lon.xml")
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("Tệp lon.xml quá lớn (629145600 byte, giới hạn 8 MB"), "\(result.stderr)")
  }

  @Test func verifyRefusesADeviceBeforeReadingItToo() throws {
    let scratch = try Scratch()
    let created = try CommandRunner.hocba(
      ["init", "--name", "Trường Thử", "--code", "1", "--province", "Ninh Bình", "--db", "x.sqlite"], in: scratch.url)
    #expect(created.status == 0)
    try FileManager.default.createSymbolicLink(atPath: scratch.path("zero.xml"), withDestinationPath: "/dev/zero")
    let result = try CommandRunner.hocba(["verify", "zero.xml", "--db", "x.sqlite"], in: scratch.url)
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("zero.xml là (hoặc trỏ tới) một thiết bị"), "\(result.stderr)")
  }

  @Test func checkRefusesARosterThatIsAFIFO() throws {
    let scratch = try Scratch()
    let created = try CommandRunner.hocba(
      ["init", "--name", "Trường Thử", "--code", "1", "--province", "Ninh Bình", "--db", "x.sqlite"], in: scratch.url)
    #expect(created.status == 0)
    #expect(mkfifo(scratch.path("lop.csv"), 0o600) == 0)
    let result = try CommandRunner.hocba(["check", "--roster", "lop.csv", "--db", "x.sqlite"], in: scratch.url)
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("lop.csv là một đường ống"), "\(result.stderr)")
  }

  @Test func aMissingFileIsStillNotFound() throws {
    let scratch = try Scratch()
    let result = try importXML(scratch, "khong-co.xml")
    #expect(result.status == 66)
    #expect(result.stderr.contains("Không tìm thấy tệp khong-co.xml"))
  }
}
