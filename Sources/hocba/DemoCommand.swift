import ArgumentParser
import Foundation
import HocBaModel
import HocBaSamples
import ReviewStore

/// `hocba demo`: the main job on the embedded default — a local database, the synthetic scans in `Scans/`
/// imported, every record exported as validated XML, then the status.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: help(
      "Chạy trọn vẹn trên dữ liệu mẫu tổng hợp: nhập Scans/, xuất XML, in trạng thái.",
      "Run the whole job on the synthetic samples: import Scans/, export XML, print the status."))

  @OptionGroup var global: GlobalOptions
  @OptionGroup var scan: ScanOptions

  @Option(help: ArgumentHelp(help("Thư mục ghi tệp XML.", "Folder for the XML files."), valueName: "dir"))
  var out: String = "out/xml"

  @Option(
    help: ArgumentHelp(
      help("Thư mục trang quét mẫu (mặc định: Scans).", "Sample scans folder (default: Scans)."), valueName: "dir"))
  var scans: String = "Scans"

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase(create: true)
      let actor = global.actorName
      if try database.schoolConfiguration() == nil {
        try database.configureSchool(
          SchoolConfiguration(
            name: "Trường THCS Đại An (mẫu)", code: "37001203", province: "Ninh Bình",
            signingPolicy: .principalAndSchool),
          actor: actor)
      }
      var problems = false
      if FileManager.default.fileExists(atPath: scans) {
        problems = try scan.runImport([URL(fileURLWithPath: scans)], database: database, global: global).hasProblems
      } else {
        try addSampleRecords(database, actor: actor, language: language)
      }
      let result = try XMLExporter(directory: URL(fileURLWithPath: out)).write(try database.records())
      Console.message(
        language.pick(
          "Đã xuất \(result.written.count) tệp XML (đều hợp lệ theo XSD) vào \(out):",
          "Exported \(result.written.count) XML files (all valid against the XSD) to \(out):"))
      for url in result.written { Console.output(url.path) }
      for line in StatusReport(summary: try database.statusSummary()).lines(in: language) { Console.output(line) }
      try result.reportRefusals(in: language)
      if problems { throw ExitCode(ExitCodes.completedWithProblems) }
    }
  }

  /// Without a scan folder, fills the database with the synthetic typed records instead.
  private func addSampleRecords(_ database: ReviewDatabase, actor: String, language: Language) throws {
    var added = 0
    var present = 0
    for record in SampleRecords.all {
      do {
        _ = try database.insertRecord(record, state: .imported, actor: actor)
        added += 1
      } catch StoreError.duplicateRecord {
        present += 1
      }
    }
    Console.message(
      language.pick(
        "Dữ liệu mẫu (tổng hợp, không phải học sinh thật): thêm \(added) hồ sơ, \(present) hồ sơ đã có.",
        "Sample data (synthetic, no real students): \(added) records added, \(present) already present."))
  }
}
