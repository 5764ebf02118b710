import ArgumentParser
import Foundation
import HocBaModel
import RecordPackage
import ReviewStore

/// `hocba import-package FILE.zip`: receives another school's package. Each record is verified first (as
/// `verify-package`): a valid one is stored with its signed original untouched, as `imported` for this school's own
/// steps; an invalid one is refused with its reason and kept in quarantine.
struct ImportPackageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-package",
    abstract: help(
      "Nhận gói hồ sơ chuyển đến: kiểm tra chữ ký trước, hồ sơ không hợp lệ bị từ chối và giữ trong cách ly.",
      "Receive a transfer package: signatures checked first; invalid records are refused and quarantined."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Gói cần nhập.", "The package to import."), valueName: "file.zip"))
  var file: String

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let bytes = try BoundedFileReader.contents(of: file, limit: BoundedFileReader.packageLimit, kind: .package)
      let package = try RecordPackage.open(bytes)
      let database = try global.openDatabase()
      let check = PackageCheck(
        package, context: try SigningContext(database), ownSchoolCode: try database.schoolConfiguration()?.code,
        legacySHA1: false, language)
      let origin = "\(package.manifest.school.name) (\(package.manifest.school.code))"
      var refused = 0
      for record in check.records {
        guard let signed = package.files[record.file] else {
          refused += 1
          continue
        }
        let source = "\(file):\(record.file)"
        let reasons = check.problems + record.reasons
        let content = reasons.isEmpty ? SignedRecordCheck.content(signed, source: source) : nil
        guard let content else {
          refused += 1
          let reason = reasons.joined(separator: " ")
          try database.quarantineIncoming(
            signed: signed, source: source, originSchool: origin, reason: reason, actor: global.actorName)
          Console.error(language.pick("\(record.file): bị từ chối — ", "\(record.file): refused — ") + reason)
          continue
        }
        let id = try database.receiveIncoming(
          content, signed: signed, source: source, originSchool: origin, actor: global.actorName)
        Console.output("\(id)")
      }
      let accepted = check.records.count - refused
      Console.message(
        language.pick(
          "Đã nhận \(accepted) hồ sơ từ \(origin); \(refused) hồ sơ bị từ chối (giữ trong cách ly).",
          "Received \(accepted) records from \(origin); \(refused) refused (kept in quarantine)."))
      if refused > 0 || check.records.isEmpty { throw PackageCommandError.notValid(path: file) }
    }
  }
}
