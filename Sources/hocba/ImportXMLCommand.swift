import ArgumentParser
import Foundation
import HocBaModel
import RecordXML
import ReviewStore

/// `hocba import-xml FILE`: adds a record from a standard XML file, e.g. one sent by another school. A signed file
/// is verified first (as `verify-package` does a package's record): valid, it is stored with its signed original;
/// not valid, it is refused with the reason and kept in quarantine. An unsigned file is imported as before.
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
      let id = try Self.store(record, bytes: bytes, source: file, database: database, global: global)
      Console.output("\(id)")
      Console.message(
        language.pick(
          "Đã nhập hồ sơ số \(id) (năm học \(record.schoolYear), lớp \(record.className)) từ \(file).",
          "Imported record \(id) (school year \(record.schoolYear), class \(record.className)) from \(file)."))
    }
  }

  /// Stores the record: plainly when unsigned, else through the verified-transfer path (or quarantine).
  static func store(
    _ record: SchoolYearRecord, bytes: [UInt8], source: String, database: ReviewDatabase, global: GlobalOptions
  ) throws -> Int64 {
    let context = try SigningContext(database)
    let check = SignedRecordCheck(
      bytes, source: source, context: context, ownSchool: false, legacySHA1: false, global.language)
    guard let report = check.report, !report.signatures.isEmpty else {
      return try database.insertRecord(record, state: .imported, actor: global.actorName)
    }
    let origin = "\(record.school.name) (\(record.school.code ?? "?"))"
    guard check.reasons.isEmpty else {
      let reason = check.reasons.joined(separator: " ")
      try database.quarantineIncoming(
        signed: bytes, source: source, originSchool: origin, reason: reason, actor: global.actorName)
      Console.error(global.language.pick("\(source): bị từ chối — ", "\(source): refused — ") + reason)
      throw PackageCommandError.transferRefused(path: source)
    }
    return try database.receiveIncoming(
      record, signed: bytes, source: source, originSchool: origin, actor: global.actorName)
  }
}
