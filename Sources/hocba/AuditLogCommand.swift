import ArgumentParser
import Foundation
import HocBaModel
import ReviewStore

extension AuditCommand {
  /// `hocba audit log [--record ID] [--json]`: who changed what, when, old → new, and why.
  ///
  /// The rows are shown to the user who asked for them, on stdout; they hold student values, so nothing of them
  /// goes to stderr or any log.
  struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "log",
      abstract: help(
        "In nhật ký thay đổi: ai, khi nào, sửa gì (cũ → mới), lý do.",
        "Print the audit log: who, when, what changed (old → new), why."))

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(help("Chỉ hồ sơ có số này.", "Only the record with this number."), valueName: "id"))
    var record: Int64?

    @Flag(help: ArgumentHelp(help("In dạng JSON (mọi giá trị như đã lưu).", "Print JSON (every value as stored).")))
    var json = false

    /// One row for scripts: the stored texts unchanged.
    struct Line: Encodable {
      let id: Int64
      let at: String
      let actor: String
      let entity: String
      let entityID: Int64?
      let record: Int64?
      let field: String?
      let action: String
      let old: String?
      let new: String?
      let reason: String?
    }

    func run() throws {
      let language = global.language
      try reportingErrors(language) {
        let database = try global.openDatabase()
        if let record, try database.record(id: record) == nil { throw CommandError.recordMissing(id: record) }
        let entries = try database.auditEntries(recordID: record)
        if json {
          let lines = entries.map {
            Line(
              id: $0.id, at: $0.at, actor: $0.actor, entity: $0.entity, entityID: $0.entityID, record: $0.recordID,
              field: $0.fieldPath, action: $0.action, old: $0.oldValue, new: $0.newValue, reason: $0.reason)
          }
          try Console.json(lines)
          return
        }
        for entry in entries { Console.output(Self.describe(entry, language)) }
        Console.message(
          language.pick("\(entries.count) dòng nhật ký.", "\(entries.count) audit rows."))
      }
    }

    /// One readable line: id, time, who, what, old → new, reason. Record contents (JSON) are left out.
    static func describe(_ entry: AuditEntry, _ language: Language) -> String {
      var what = entry.entity + (entry.entityID.map { " #\($0)" } ?? "")
      if entry.entity != "record", let recordID = entry.recordID {
        what += language.pick(" (hồ sơ #\(recordID)", " (record #\(recordID)")
        what += (entry.fieldPath.map { " · \($0)" } ?? "") + ")"
      }
      var line = "#\(entry.id)  \(entry.at)  \(entry.actor)  \(what)  \(entry.action)"
      if let change = change(entry, language) { line += "  " + change }
      if let reason = entry.reason, !reason.isEmpty { line += language.pick("  lý do: ", "  reason: ") + reason }
      return line
    }

    /// "old → new" for the row: a field decision's value and status, a record's content only as "(nội dung)".
    static func change(_ entry: AuditEntry, _ language: Language) -> String? {
      guard entry.oldValue != nil || entry.newValue != nil else { return nil }
      let empty = language.pick("(trống)", "(empty)")
      func side(_ text: String?) -> String {
        guard let text else { return "—" }
        if text.isEmpty { return empty }
        if entry.entity == "field", let decision = FieldSide.parse(text) {
          return (decision.value ?? empty) + " [\(decision.status)]"
        }
        if text.hasPrefix("{") || text.hasPrefix("[") || text.count > 80 {
          return language.pick("(nội dung hồ sơ)", "(record content)")
        }
        return text
      }
      return side(entry.oldValue) + " → " + side(entry.newValue)
    }

    /// The stored JSON of one side of a field decision.
    struct FieldSide: Decodable {
      let value: String?
      let status: String

      static func parse(_ text: String) -> FieldSide? {
        try? JSONDecoder().decode(FieldSide.self, from: Data(text.utf8))
      }
    }
  }
}
