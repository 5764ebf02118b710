import ArgumentParser
import Foundation
import HocBaModel
import HocBaSamples
import ReviewStore

/// `hocba demo`: the main job on the embedded default — a local database filled with synthetic records,
/// exported as validated XML, then the status.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: help(
      "Chạy thử trọn vẹn trên dữ liệu mẫu tổng hợp: tạo cơ sở dữ liệu, xuất XML, in trạng thái.",
      "Run the whole job on synthetic sample data: create the database, export XML, print the status."))

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(help("Thư mục ghi tệp XML.", "Folder for the XML files."), valueName: "dir"))
  var out: String = "out/xml"

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
      let written = try XMLExporter(directory: URL(fileURLWithPath: out)).write(try database.records())
      Console.message(
        language.pick(
          "Đã xuất \(written.count) tệp XML (đều hợp lệ theo XSD) vào \(out):",
          "Exported \(written.count) XML files (all valid against the XSD) to \(out):"))
      for url in written { Console.output(url.path) }
      for line in StatusReport(summary: try database.statusSummary()).lines(in: language) { Console.output(line) }
    }
  }
}
