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
      Console.message(
        language.pick(
          "Đang xuất hồ sơ ra XML và kiểm tra theo XSD…", "Exporting the records as XML, checked against the XSD…"))
      let result = try XMLExporter(directory: URL(fileURLWithPath: out)).write(try database.records())
      Console.message(
        language.pick(
          "Đã xuất \(result.written.count) tệp XML (đều hợp lệ theo XSD) vào \(out):",
          "Exported \(result.written.count) XML files (all valid against the XSD) to \(out):"))
      for url in result.written { Console.output(url.path) }
      let summary = try database.statusSummary()
      for line in StatusReport(summary: summary).lines(in: language) { Console.output(line) }
      try result.reportRefusals(in: language)
      for line in nextSteps(summary: summary, language: language) { Console.message(line) }
      if problems { throw ExitCode(ExitCodes.completedWithProblems) }
    }
  }

  /// What to do after the demo: where the XML went, and the review station for the fields awaiting review.
  private func nextSteps(summary: StatusSummary, language: Language) -> [String] {
    let database = global.db.map { " --db \($0)" } ?? ""
    return [
      language.pick("Bước tiếp theo:", "Next steps:"),
      language.pick(
        "  • Tệp XML đã ở \(out)/ (một tệp cho mỗi hồ sơ, mở được bằng mọi trình xem XML).",
        "  • The XML files are in \(out)/ (one file per record, readable in any XML viewer)."),
      language.pick(
        "  • \(summary.fieldsAwaitingReview) trường chờ rà soát: swift run hocba review\(database) --reviewer \"Tên của bạn\"",
        "  • \(summary.fieldsAwaitingReview) fields await review: swift run hocba review\(database) --reviewer \"Your name\""
      ),
      language.pick(
        "  • Xem lại trạng thái bất cứ lúc nào: swift run hocba status\(database)",
        "  • The status at any time: swift run hocba status\(database)"),
    ]
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
