import ArgumentParser
import Foundation
import HocBaModel
import ReviewStore
import ReviewUI
import TerminalDriver

/// `hocba review`: the full-screen review program (queue by risk, the year page as a grid, edit line).
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: help(
      "Rà soát kết quả OCR toàn màn hình: hàng đợi theo mức rủi ro, sửa từng ô, duyệt hồ sơ.",
      "Full-screen review of OCR results: a queue by risk, field-by-field correction, record approval."))

  @OptionGroup var global: GlobalOptions

  @Option(
    help: ArgumentHelp(
      help("Tên người rà soát (mặc định: --actor).", "Reviewer name (default: --actor)."), valueName: "name"))
  var reviewer: String?

  @Option(
    name: .customLong("school-year"),
    help: ArgumentHelp(
      help("Chỉ năm học này, ví dụ 2023-2024.", "Only this school year, e.g. 2023-2024."), valueName: "năm"))
  var schoolYear: String?

  @Option(
    name: .customLong("class"),
    help: ArgumentHelp(help("Chỉ lớp này, ví dụ 8A1.", "Only this class, e.g. 8A1."), valueName: "lớp"))
  var className: String?

  @Option(
    help: ArgumentHelp(
      help("Chỉ loại trang này, ví dụ year-tt22-thcs.", "Only this page kind, e.g. year-tt22-thcs."), valueName: "kind")
  )
  var kind: String?

  @Flag(
    name: .customLong("no-images"),
    help: ArgumentHelp(help("Không vẽ ảnh cắt của ô.", "Do not draw the field snippets.")))
  var noImages = false

  @Option(
    help: ArgumentHelp(
      help(
        "Thời hạn giữ hồ sơ (giây) nếu người rà soát ngừng làm việc.", "Seconds a claim lasts if the reviewer stops."),
      valueName: "s"))
  var lease: Double = 120

  func validate() throws {
    guard lease >= 2 else {
      throw ValidationError(help("--lease phải từ 2 giây trở lên.", "--lease must be at least 2 seconds."))
    }
  }

  func run() throws {
    let language = global.language
    var status: Int32 = 0
    try reportingErrors(language) {
      let database = try global.openDatabase()
      let terminal = RawTerminal()
      guard terminal.isTerminal else {
        throw ReviewCommandError.notATerminal
      }
      let name = reviewer ?? global.actorName
      let session = ReviewSession(
        database: database, reviewer: name, language: language, lease: lease,
        filter: ReviewQueueFilter(schoolYear: schoolYear, className: className, pageKind: kind),
        findings: RulesRefresh.evaluation(policy: try RulesRefresh.policy()))
      var model = ReviewModel(language: language, reviewer: name)
      var runner = TerminalRunner(
        terminal: terminal, attributes: ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
      if !noImages {
        model.showsSnippets = true
        runner.snippets = SnippetLoading.drawer(
          databasePath: global.databasePath, terminal: terminal, language: language)
      }
      do {
        status = try runner.run(&model, perform: session.perform, idle: session.renew)
      } catch {
        throw ReviewCommandError.notATerminal
      }
      Console.message(
        language.pick(
          "Đã rà soát \(model.reviewedCount) hồ sơ; mọi thay đổi đã được lưu.",
          "Reviewed \(model.reviewedCount) records; every change is saved."))
    }
    if status != 0 { throw ExitCode(status) }
  }
}

/// Performs the review core's effects on the database, holding the reviewer's claim.
final class ReviewSession {
  let database: ReviewDatabase
  let reviewer: String
  let language: Language
  let lease: Double
  let filter: ReviewQueueFilter
  /// The rules run again inside every field write, so the findings match the corrected record.
  let findings: FindingEvaluation
  let token = UUID().uuidString
  private(set) var claimed: Int64?
  private var renewedAt = Date()

  init(
    database: ReviewDatabase, reviewer: String, language: Language, lease: Double, filter: ReviewQueueFilter,
    findings: @escaping FindingEvaluation
  ) {
    self.database = database
    self.reviewer = reviewer
    self.language = language
    self.lease = lease
    self.filter = filter
    self.findings = findings
  }

  func perform(_ effect: ReviewEffect) -> [ReviewMessage] {
    do {
      switch effect {
      case .loadQueue:
        return [.queueLoaded(try queue())]
      case .open(let id):
        do {
          try database.claimRecord(id, reviewer: reviewer, token: token, lease: lease)
        } catch let error as ReviewError {
          return [.openRefused(recordID: id, reason: error.message(in: language))]
        }
        claimed = id
        renewedAt = Date()
        return [.opened(try snapshot(id))]
      case .release(let id):
        try database.releaseClaim(id, token: token)
        if claimed == id { claimed = nil }
        return []
      case .save(let change):
        return try save(change)
      case .acknowledge(let recordID, let findingID, let reason):
        try database.acknowledgeFinding(findingID, recordID: recordID, reason: reason, actor: reviewer)
        return [.acknowledged(findingID: findingID, reason: reason)]
      case .approve(let id):
        try database.approveRecord(id, actor: reviewer, claimToken: token)
        claimed = nil
        return [.approved(recordID: id), .queueLoaded(try queue())]
      case .loadGroup(let key):
        return [.groupLoaded(key, try groupEntries(key))]
      case .quit:
        if let claimed { try? database.releaseClaim(claimed, token: token) }
        claimed = nil
        return []
      }
    } catch let error as any HocBaError {
      return [.failed(error.message(in: language))]
    } catch {
      return [.failed(language.pick("Lỗi không mong đợi: thử lại.", "Unexpected error: try again."))]
    }
  }

  /// Renews the claim a third of the way through the lease, so a dead reviewer's claim expires.
  func renew() -> [ReviewMessage] {
    guard let claimed, Date().timeIntervalSince(renewedAt) >= lease / 3 else { return [] }
    renewedAt = Date()
    do {
      try database.claimRecord(claimed, reviewer: reviewer, token: token, lease: lease)
    } catch let error as any HocBaError {
      return [.failed(error.message(in: language))]
    } catch {}
    return []
  }

  private func save(_ change: FieldChange) throws -> [ReviewMessage] {
    let update = FieldUpdate(
      fieldID: change.fieldID, expectedVersion: change.expectedVersion, value: change.value,
      status: FieldStatus(rawValue: change.status.rawValue) ?? .corrected, reason: change.reason,
      keystrokes: change.keystrokes, seconds: change.seconds)
    do {
      try database.updateField(
        recordID: change.recordID, update, actor: reviewer, claimToken: token, findings: findings,
        patch: { record, path, value in try RecordFieldWriter.apply(path: path, value: value, to: record) })
    } catch let error as any HocBaError {
      return [.saveFailed(reason: error.message(in: language), reloaded: try? snapshot(change.recordID))]
    }
    let fresh = try snapshot(change.recordID)
    let saved = fresh.fields.first { $0.id == change.fieldID }.map { [ReviewMessage.saved($0)] } ?? []
    return saved + [.findingsChanged(recordID: change.recordID, fresh.findings)]
  }

  func queue() throws -> [QueueItem] {
    try database.reviewQueue(filter).map {
      QueueItem(
        recordID: $0.recordID, studentName: $0.studentName, citizenID: $0.citizenID, schoolYear: $0.schoolYear,
        className: $0.className, pendingFields: $0.pendingFields, openErrors: $0.openErrors,
        lowestConfidence: $0.lowestConfidence, claimedBy: $0.claimedBy == reviewer ? nil : $0.claimedBy)
    }
  }

  func snapshot(_ id: Int64) throws -> RecordSnapshot {
    guard let stored = try database.record(id: id) else { throw CommandError.recordMissing(id: id) }
    let fields = try database.reviewFields(recordID: id)
    return RecordSnapshot(
      recordID: id, record: stored.record, state: stored.state,
      fields: fields.map { FieldSnapshot($0, regime: stored.record.regime) },
      findings: try database.reviewFindings(recordID: id).map {
        FindingSnapshot(
          id: $0.finding.id ?? 0, fieldPath: $0.finding.fieldPath, ruleCode: $0.finding.ruleCode,
          isError: $0.finding.severity == .error, detail: $0.finding.explanation(in: language),
          acknowledgement: $0.acknowledgement, paths: $0.finding.paths)
      } + FindingSnapshot.rereadNotes(fields, language: language))
  }
}

extension FieldSnapshot {
  /// The core's view of a stored field.
  init(_ field: ReviewField, regime: Regime) {
    let observation = field.observation
    let kind = FieldKind.of(type: field.type, path: observation.path, regime: regime)
    self.init(
      id: observation.id ?? 0, path: observation.path, kind: kind,
      critical: FieldSnapshot.isCritical(observation.path),
      rawText: observation.rawText, value: observation.normalizedValue, confidence: observation.confidence,
      status: ReviewStatus(rawValue: observation.status.rawValue) ?? .pending, version: field.version,
      cropPath: observation.cropPath)
  }

  /// Double-keyed when changed: name, date of birth, CCCD, and the final (year or re-assessed) results.
  static func isCritical(_ path: String) -> Bool {
    ["student.fullName", "student.birthDate", "student.citizenID"].contains(path)
      || ((path.hasSuffix(".fullYear") || path.hasSuffix(".reassessment"))
        && (path.hasPrefix("subjects.") || path.hasPrefix("summary.")))
  }
}

/// Problems of the review commands themselves.
enum ReviewCommandError: HocBaError {
  /// `hocba review` was started without a terminal.
  case notATerminal
  /// A typed value does not fit the field; the message says what is expected (never the value).
  case invalidValue(String)

  var kind: ErrorKind { .invalidInput }

  func message(in language: Language) -> String {
    switch self {
    case .notATerminal:
      language.pick(
        "hocba review cần một cửa sổ dòng lệnh (terminal); trong tệp lệnh hãy dùng hocba fields / set / approve.",
        "hocba review needs a terminal; scripts use hocba fields / set / approve.")
    case .invalidValue(let message): message
    }
  }
}
