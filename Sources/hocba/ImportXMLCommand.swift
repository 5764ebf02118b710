import ArgumentParser
import Foundation
import HocBaModel
import RecordXML
import ReviewStore

/// `hocba import-xml FILE`: adds a record from a standard XML file, e.g. one sent by another school.
struct ImportXMLCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-xml",
    abstract: help(
      "Nhập một hồ sơ từ tệp XML chuẩn (ví dụ do trường khác gửi).", "Import a record from a standard XML file."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Tệp XML cần nhập.", "The XML file to import."), valueName: "file"))
  var file: String

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let bytes = try BoundedFileReader.contents(of: file, limit: RecordXML.maximumFileBytes)
      let record = try RecordXML.parse(bytes, source: file)
      let database = try global.openDatabase()
      let id = try database.insertRecord(record, state: .imported, actor: global.actorName)
      Console.output("\(id)")
      Console.message(
        language.pick(
          "Đã nhập hồ sơ số \(id) (năm học \(record.schoolYear), lớp \(record.className)) từ \(file).",
          "Imported record \(id) (school year \(record.schoolYear), class \(record.className)) from \(file)."))
    }
  }
}
