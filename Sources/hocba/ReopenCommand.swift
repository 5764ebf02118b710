import ArgumentParser
import Foundation
import HocBaModel
import ReviewStore

/// `hocba reopen RECORD --reason TEXT`: sends a reviewed or approved record back to review (audited).
struct ReopenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reopen",
    abstract: help(
      "Mở lại hồ sơ đã rà soát hoặc đã phê duyệt để sửa tiếp (ghi nhật ký kèm lý do).",
      "Reopen a reviewed or approved record for review (audited, with a reason)."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Số hồ sơ.", "Record number."), valueName: "record"))
  var record: Int64

  @OptionGroup var why: ReasonOption

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase()
      guard try database.record(id: record) != nil else { throw CommandError.recordMissing(id: record) }
      try database.reopenRecord(record, reason: why.reason, actor: global.actorName)
      Console.message(
        language.pick(
          "Đã mở lại hồ sơ #\(record) để rà soát; cần rà soát và duyệt lại.",
          "Record #\(record) reopened for review; it must be reviewed and approved again."))
    }
  }
}
