import Foundation
import HocBaSamples
import RecordXML
import Testing

/// `hocba export --pdf DIR [--record ID]` run as a program.
@Suite("PDF export command")
struct PDFExportCommandTests {
  /// A school with two imported sample records.
  static func school() throws -> Scratch {
    let scratch = try Scratch()
    let created = try CommandRunner.hocba(
      ["init", "--name", "Trường THCS Đại An", "--code", "DA01", "--province", "Ninh Bình"], in: scratch.url)
    #expect(created.status == 0, "\(created.stderr)")
    for (index, record) in [SampleRecords.tt22Secondary, SampleRecords.tt58Secondary].enumerated() {
      let file = scratch.path("in-\(index).xml")
      try Data(try RecordXML.export(record)).write(to: URL(fileURLWithPath: file))
      let imported = try CommandRunner.hocba(["import-xml", file], in: scratch.url)
      #expect(imported.status == 0, "\(imported.stderr)")
    }
    return scratch
  }

  @Test("one PDF per record, A4, with the record's text; --record narrows to one")
  func exportsEveryRecord() throws {
    let scratch = try Self.school()
    let result = try CommandRunner.hocba(["export", "--pdf", "pdf"], in: scratch.url)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("Đã xuất 2 tệp PDF"))
    let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("pdf")).sorted()
    #expect(files.count == 2 && files.allSatisfy { $0.hasSuffix(".pdf") })
    let first = scratch.path("pdf/" + files[0])
    let info = try CommandRunner.tool("pdfinfo", [first], in: scratch.url).stdout
    #expect(info.contains("595.28 x 841.89 pts (A4)"), "\(info)")
    let text = try CommandRunner.tool("pdftotext", ["-raw", first, "-"], in: scratch.url).stdout
    #expect(text.contains(SampleRecords.tt22Secondary.student.fullName))

    let one = try CommandRunner.hocba(["export", "--pdf", "one", "--record", "2", "--lang", "en"], in: scratch.url)
    #expect(one.status == 0 && one.stderr.contains("Exported 1 PDF files"), "\(one.stderr)")
    let missing = try CommandRunner.hocba(["export", "--pdf", "none", "--record", "99"], in: scratch.url)
    #expect(missing.status == 66)
  }

  @Test("export without --xml or --pdf is a usage error")
  func needsAFormat() throws {
    let scratch = try Scratch()
    let result = try CommandRunner.hocba(["export"], in: scratch.url)
    #expect(result.status == 64)
    #expect(result.stderr.contains("--xml") && result.stderr.contains("--pdf"))
  }
}
