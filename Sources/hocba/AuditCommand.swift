import ArgumentParser
import HocBaModel
import ReviewStore

/// `hocba audit`: the append-only, hash-chained log of every change.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: help("Nhật ký thay đổi (chuỗi băm).", "The hash-chained audit log."),
    subcommands: [Verify.self, Log.self])

  /// `hocba audit verify`: recomputes the hash chain and names the first altered row.
  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: help(
        "Kiểm tra nhật ký chưa bị sửa; báo dòng đầu tiên bị sửa.",
        "Check the audit log is unaltered; name the first altered row."))

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let language = global.language
      try reportingErrors(language) {
        let database = try global.openDatabase()
        switch try database.verifyAuditChain() {
        case .intact(let rows):
          Console.output(language.pick("Nhật ký nguyên vẹn: \(rows) dòng.", "Audit log intact: \(rows) rows."))
        case .broken(let rowID, let reason):
          throw CommandError.auditBroken(rowID: rowID, reason: reason.label(in: language))
        }
      }
    }
  }
}
