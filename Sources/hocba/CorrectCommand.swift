import ArgumentParser
import HocBaModel
import ReviewStore

/// `hocba correct RECORD --reason TEXT`: a correction after sealing becomes a new version of the record.
///
/// The sealed version stays untouched with its signatures; the new version starts in review, carries the reason and
/// a link to the version it replaces, and must be reviewed, approved and signed again.
struct CorrectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "correct",
    abstract: help(
      "Sửa hồ sơ đã niêm phong bằng một phiên bản mới (giữ nguyên bản cũ và chữ ký), có lý do.",
      "Correct a sealed record with a new version (the old one and its signatures are kept), with a reason."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Số hồ sơ đã niêm phong.", "The sealed record's number."), valueName: "record"))
  var record: Int64

  @OptionGroup var why: ReasonOption

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase()
      let newID = try database.replaceSealedRecord(record, reason: why.reason, actor: global.actorName)
      Console.output("\(newID)")
      Console.message(
        language.pick(
          "Đã tạo hồ sơ số \(newID), phiên bản mới thay cho hồ sơ \(record); rà soát, phê duyệt và ký lại trước khi dùng.",
          "Created record \(newID), a new version replacing record \(record); review, approve and sign it again."))
    }
  }
}
