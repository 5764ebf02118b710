import ArgumentParser
import Foundation
import HocBaModel
import ReviewStore
import ReviewUI

/// `hocba fields`: the fields of the records awaiting review, for scripts.
struct FieldsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fields",
    abstract: help(
      "Liệt kê các ô dữ liệu của hồ sơ (cho máy đọc với --json).", "List record fields (JSON with --json)."))

  @OptionGroup var global: GlobalOptions

  @Flag(
    name: .customLong("needs-review"),
    help: ArgumentHelp(help("Chỉ các ô chờ rà soát.", "Only fields awaiting review.")))
  var needsReview = false

  @Option(help: ArgumentHelp(help("Chỉ hồ sơ có số này.", "Only the record with this number."), valueName: "id"))
  var record: Int64?

  @Flag(help: ArgumentHelp(help("In dạng JSON.", "Print JSON.")))
  var json = false

  struct Line: Encodable {
    let record: Int64
    let field: Int64
    let path: String
    let type: String
    let status: String
    let value: String?
    let ocr: String?
    let confidence: Double?
    let version: Int
    /// The disagreeing value of a re-reading (`import --redo`), for a field flagged for a second look.
    let reread: String?
  }

  func run() throws {
    try reportingErrors(global.language) {
      let database = try global.openDatabase()
      let ids = try record.map { [$0] } ?? database.records().map(\.id)
      var lines: [Line] = []
      for id in ids {
        guard let stored = try database.record(id: id) else { throw CommandError.recordMissing(id: id) }
        for field in try database.reviewFields(recordID: id) where !needsReview || field.observation.status == .pending
        {
          let kind = FieldKind.of(type: field.type, path: field.observation.path, regime: stored.record.regime)
          lines.append(
            Line(
              record: id, field: field.observation.id ?? 0, path: field.observation.path, type: kind.rawValue,
              status: field.observation.status.rawValue, value: field.observation.normalizedValue,
              ocr: field.observation.rawText, confidence: field.observation.confidence, version: field.version,
              reread: field.rereadFlagged ? (field.rereadValue ?? "") : nil))
        }
      }
      if json {
        try Console.json(lines)
      } else {
        for line in lines {
          let confidence = line.confidence.map { String(Int($0.rounded())) } ?? "-"
          let reread = line.reread.map { "\t" + global.language.pick("đọc lại: ", "read again: ") + $0 } ?? ""
          Console.output(
            "\(line.record)\t\(line.path)\t\(line.status)\t\(confidence)\t\(line.value ?? "")\(reread)")
        }
      }
    }
  }
}

/// `hocba set RECORD FIELD VALUE --reason TEXT`: corrects one field, as the review program would.
struct SetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: help(
      "Sửa một ô dữ liệu của hồ sơ (ghi nhật ký kèm lý do).", "Correct one field of a record (audited, with a reason).")
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Số hồ sơ.", "Record number."), valueName: "record"))
  var record: Int64

  @Argument(
    help: ArgumentHelp(
      help("Đường dẫn ô, ví dụ subjects.toan.fullYear.", "Field path, e.g. subjects.toan.fullYear."), valueName: "field"
    ))
  var field: String

  @Argument(
    help: ArgumentHelp(
      help("Giá trị mới (điểm 7,5; ngày dd/mm/yyyy; …).", "New value (score 7,5; date dd/mm/yyyy; …)."),
      valueName: "value"))
  var value: String

  @OptionGroup var why: ReasonOption

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase()
      guard let stored = try database.record(id: record) else { throw CommandError.recordMissing(id: record) }
      let fields = try database.reviewFields(recordID: record).filter { $0.observation.path == field }
      guard let target = fields.first(where: { $0.observation.status == .pending }) ?? fields.last else {
        throw ReviewError.noSuchField(recordID: record, path: field)
      }
      let kind = FieldKind.of(type: target.type, path: field, regime: stored.record.regime)
      let snapshot = FieldSnapshot(target, regime: stored.record.regime)
      let required = snapshot.critical && ReviewModel.requiredKinds.contains(kind)
      let canonical: String?
      switch kind.validate(value, required: required, language: language) {
      case .valid(let value): canonical = value
      case .invalid(let message): throw ReviewCommandError.invalidValue(message)
      }
      let status: FieldStatus = canonical == target.observation.normalizedValue ? .accepted : .corrected
      try database.updateField(
        recordID: record,
        FieldUpdate(
          fieldID: target.observation.id ?? 0, expectedVersion: target.version, value: canonical, status: status,
          reason: why.reason),
        actor: global.actorName, claimToken: nil,
        findings: RulesRefresh.evaluation(policy: try RulesRefresh.policy()),
        patch: { record, path, value in try RecordFieldWriter.apply(path: path, value: value, to: record) })
      Console.message(
        language.pick("Đã lưu ô \(field) của hồ sơ #\(record).", "Saved field \(field) of record #\(record)."))
      let open = try database.reviewFindings(recordID: record).filter {
        $0.finding.severity == .error && $0.acknowledgement == nil
      }
      if !open.isEmpty {
        let codes = open.map(\.finding.ruleCode).joined(separator: ", ")
        Console.message(
          language.pick(
            "Quy tắc chạy lại sau khi sửa: \(open.count) lỗi chưa ghi lý do (\(codes)); xem hocba check \(record).",
            "Rules re-run after the correction: \(open.count) errors without a reason (\(codes)); see hocba check \(record)."
          ))
      }
    }
  }
}

/// `hocba approve RECORD`: marks a record reviewed once no field awaits review and every error has a reason.
struct ApproveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve",
    abstract: help(
      "Xác nhận đã rà soát xong hồ sơ (chuyển sang “đã rà soát”; hiệu trưởng phê duyệt sau).",
      "Mark a record reviewed (the principal approves it later)."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Số hồ sơ.", "Record number."), valueName: "record"))
  var record: Int64

  @Option(
    name: .customLong("acknowledge-errors"),
    help: ArgumentHelp(
      help("Vẫn duyệt dù còn lỗi, với lý do này (ghi nhật ký).", "Approve despite errors, with this reason (audited)."),
      valueName: "reason"))
  var acknowledgeErrors: String?

  @Flag(
    help: ArgumentHelp(
      help(
        "Phê duyệt của hiệu trưởng (đã rà soát → đã phê duyệt); --actor phải là hiệu trưởng/phó hiệu trưởng đang công tác.",
        "The principal's approval (reviewed → approved); --actor must be an active principal or vice-principal.")))
  var principal = false

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase()
      if principal {
        try approveAsPrincipal(database, language: language)
        return
      }
      if let reason = acknowledgeErrors, !reason.trimmingCharacters(in: .whitespaces).isEmpty {
        for item in try database.reviewFindings(recordID: record)
        where item.finding.severity == .error && item.acknowledgement == nil {
          try database.acknowledgeFinding(
            item.finding.id ?? 0, recordID: record, reason: reason, actor: global.actorName)
        }
      }
      try database.approveRecord(record, actor: global.actorName, claimToken: nil)
      Console.message(language.pick("Đã rà soát xong hồ sơ #\(record).", "Record #\(record) marked reviewed."))
    }
  }

  /// Moves a reviewed record to approved when the actor is a registered, active principal or vice-principal.
  private func approveAsPrincipal(_ database: ReviewDatabase, language: Language) throws {
    let actor = global.actorName.nfc
    let isPrincipal = try database.staff().contains {
      $0.active && $0.fullName == actor && ($0.role == .principal || $0.role == .vicePrincipal)
    }
    guard isPrincipal else { throw CommandError.notPrincipal(actor: actor) }
    try database.transition(
      recordID: record, to: .approved, actor: actor, reason: "phê duyệt của hiệu trưởng / principal's approval")
    Console.message(language.pick("Hiệu trưởng đã phê duyệt hồ sơ #\(record).", "Record #\(record) approved."))
  }
}
