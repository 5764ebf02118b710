import ArgumentParser
import Foundation
import HocBaModel
import RecordPackage

/// `hocba verify-package FILE.zip`: offline check of a hand-over package with only this database's trust store.
struct VerifyPackageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify-package",
    abstract: help(
      "Kiểm tra gói bàn giao: tệp, manifest và chữ ký số của từng hồ sơ (chỉ nhận hồ sơ đã niêm phong).",
      "Verify a hand-over package: files, manifest and every record's signatures (sealed records only)."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Gói cần kiểm tra.", "The package to verify."), valueName: "file.zip"))
  var file: String

  @OptionGroup var flags: VerificationFlags

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let check = try Self.check(file, global: global, legacySHA1: flags.legacySHA1)
      if flags.json {
        try VerificationFlags.printJSON(check)
      } else {
        Self.print(check, file: file, language)
      }
      if !check.valid { throw PackageCommandError.notValid(path: file) }
    }
  }

  /// Reads and checks the package at `path` against the database's trust store.
  static func check(_ path: String, global: GlobalOptions, legacySHA1: Bool) throws -> PackageCheck {
    let bytes = try BoundedFileReader.contents(of: path, limit: BoundedFileReader.packageLimit, kind: .package)
    let package = try RecordPackage.open(bytes)
    let database = try global.openDatabase()
    let context = try SigningContext(database)
    return PackageCheck(
      package, context: context, ownSchoolCode: try database.schoolConfiguration()?.code, legacySHA1: legacySHA1,
      global.language)
  }

  static func print(_ check: PackageCheck, file: String, _ language: Language) {
    let verdict = check.valid ? language.pick("HỢP LỆ", "VALID") : language.pick("KHÔNG HỢP LỆ", "NOT VALID")
    Console.output("\(file): \(verdict)")
    Console.output(
      language.pick("  Đơn vị gửi: ", "  Sender: ") + "\(check.school.name) (\(check.school.code)), "
        + language.pick("người xuất: ", "exported by: ") + check.exportedBy)
    for problem in check.problems { Console.output("  - \(problem)") }
    for record in check.records {
      let status = record.valid ? language.pick("hợp lệ", "valid") : language.pick("KHÔNG HỢP LỆ", "NOT VALID")
      Console.output("  \(record.file) (#\(record.id)): \(status)")
      for reason in record.reasons { Console.output("    - \(reason)") }
    }
  }
}

/// Failures of the package commands that are not a library error.
enum PackageCommandError: HocBaError {
  case notValid(path: String)
  case transferRefused(path: String)

  var kind: ErrorKind { .integrity }

  func message(in language: Language) -> String {
    switch self {
    case .notValid(let path):
      language.pick(
        "Gói \(path) không hợp lệ (xem lý do ở trên): không nhận gói này, báo lại cho đơn vị gửi.",
        "Package \(path) is not valid (reasons above): do not accept it; tell the sender.")
    case .transferRefused(let path):
      language.pick(
        "Hồ sơ \(path) có chữ ký không hợp lệ (xem lý do ở trên): không nhận, đã giữ trong cách ly; báo lại cho đơn vị gửi.",
        "Record \(path) has signatures that are not valid (reasons above): not accepted, kept in quarantine; tell the "
          + "sender.")
    }
  }
}
