import ArgumentParser
import Foundation
import HocBaModel
import HocBaRules
import IngestPipeline
import ReviewStore

/// `hocba check [RECORD]`: runs the consistency rules again (after corrections or a policy change) and updates the
/// review queue; with `--roster`, also cross-checks identities with the class list from the sector database.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: help(
      "Kiểm tra lại hồ sơ theo quy chế đánh giá (C1–C17) và cập nhật hàng đợi rà soát.",
      "Re-run the consistency rules (C1–C17) and update the review queue."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Số hồ sơ (mặc định: tất cả).", "Record number (default: all)."), valueName: "id"))
  var record: Int64?

  @Option(
    help: ArgumentHelp(
      help("Tệp chính sách quy tắc (mặc định: Mappings/policy/rules-policy.json nếu có).", "Rules policy file."),
      valueName: "file"))
  var policy: String?

  @Option(
    help: ArgumentHelp(
      help("Danh sách lớp CSV từ CSDL ngành để đối chiếu họ tên, ngày sinh, giới tính, CCCD.", "Class list CSV."),
      valueName: "file"))
  var roster: String?

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase()
      let checker = RecordChecker(policy: try RulesRefresh.policy(path: policy))
      let classList = try roster.map { path -> Roster in
        let bytes = try BoundedFileReader.contents(of: path, limit: BoundedFileReader.rosterLimit, kind: .classList)
        return try Roster.parse(csv: String(decoding: bytes, as: UTF8.self))
      }
      let records: [StoredRecord]
      if let record {
        guard let stored = try database.record(id: record) else { throw CommandError.recordMissing(id: record) }
        records = [stored]
      } else {
        records = try database.records().filter { $0.state != .sealed }
      }
      var counts: [Severity: Int] = [:]
      for stored in records {
        let extra = classList?.findings(for: stored.record) ?? []
        let findings = try checker.check(
          recordID: stored.id, record: stored.record, extra: extra, database: database, actor: global.actorName)
        for finding in findings {
          counts[finding.severity, default: 0] += 1
          Console.output(
            "#\(stored.id) \(finding.ruleCode) [\(finding.severity.rawValue)] \(finding.message(in: language))")
        }
      }
      Console.message(
        language.pick(
          "Đã kiểm tra \(records.count) hồ sơ: \(counts[.error] ?? 0) lỗi, \(counts[.warning] ?? 0) cảnh báo, \(counts[.info] ?? 0) ghi chú.",
          "Checked \(records.count) records: \(counts[.error] ?? 0) errors, \(counts[.warning] ?? 0) warnings, \(counts[.info] ?? 0) notes."
        ))
    }
  }

}
