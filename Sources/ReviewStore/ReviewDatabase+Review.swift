import Foundation
internal import GRDB
import HocBaModel

/// Why a review operation was refused; messages name records, fields and reviewers, never field values.
public enum ReviewError: HocBaError, Equatable {
  /// Another reviewer holds a live claim on the record.
  case claimedByOther(recordID: Int64, reviewer: String)
  /// The field changed since it was read (someone else stored a newer value).
  case staleField(recordID: Int64, path: String)
  /// The record cannot be reviewed in its state.
  case notReviewable(recordID: Int64, state: RecordState)
  /// Approval is blocked by fields awaiting review or error findings without a reason.
  case approvalBlocked(recordID: Int64, pendingFields: Int, openErrors: Int)
  /// The record has no field with this path.
  case noSuchField(recordID: Int64, path: String)
  /// The record is past review (reviewed, approved, signing, sealed): its fields cannot be written.
  case notWritable(recordID: Int64, state: RecordState)
  /// The writer's own claim expired (its process stalled past the lease): nothing was stored.
  case claimLost(recordID: Int64)
  /// Only a reviewed or approved record can be reopened for review.
  case notReopenable(recordID: Int64, state: RecordState)
  /// Reopening a record or acknowledging an error needs a reason.
  case reasonMissing

  /// Claims and stale values are refusals; a missing field is not found; a missing reason is bad input.
  public var kind: ErrorKind {
    switch self {
    case .noSuchField: .notFound
    case .reasonMissing: .invalidInput
    default: .refused
    }
  }

  /// What happened and what to do.
  public func message(in language: Language) -> String {
    switch self {
    case .claimedByOther(let id, let reviewer):
      language.pick(
        "Hồ sơ #\(id) đang được \(reviewer) rà soát: chọn hồ sơ khác (quyền giữ hồ sơ tự hết hạn nếu người đó ngừng làm việc).",
        "Record #\(id) is being reviewed by \(reviewer): pick another one (the claim expires if they stop working).")
    case .staleField(let id, let path):
      language.pick(
        "Ô “\(path)” của hồ sơ #\(id) vừa được người khác sửa: đã tải lại giá trị mới, hãy xem lại rồi sửa nếu cần.",
        "Field “\(path)” of record #\(id) was just changed by someone else: reload, check the new value, then edit.")
    case .notReviewable(let id, let state):
      language.pick(
        "Hồ sơ #\(id) đang ở trạng thái “\(state.label(in: language))” nên không rà soát được.",
        "Record #\(id) is “\(state.label(in: language))” and cannot be reviewed.")
    case .approvalBlocked(let id, let pending, let errors):
      language.pick(
        "Chưa duyệt được hồ sơ #\(id): còn \(pending) ô chờ rà soát và \(errors) lỗi chưa ghi lý do.",
        "Record #\(id) cannot be approved: \(pending) fields await review and \(errors) errors have no reason.")
    case .noSuchField(let id, let path):
      language.pick(
        "Hồ sơ #\(id) không có ô “\(path)”: xem danh sách bằng \"hocba fields --record \(id)\".",
        "Record #\(id) has no field “\(path)”: list them with \"hocba fields --record \(id)\".")
    case .notWritable(let id, let state) where state == .reviewed || state == .approved:
      language.pick(
        "Hồ sơ #\(id) đã ở trạng thái “\(state.label(in: language))” nên không sửa được; không có gì được lưu. "
          + "Nếu thật sự cần sửa, mở lại: hocba reopen \(id) --reason \"…\" (ghi nhật ký).",
        "Record #\(id) is “\(state.label(in: language))” and cannot be changed; nothing was stored. "
          + "To change it, reopen it: hocba reopen \(id) --reason \"…\" (audited).")
    case .notWritable(let id, let state):
      language.pick(
        "Hồ sơ #\(id) đang ở trạng thái “\(state.label(in: language))” nên không sửa được; không có gì được lưu. "
          + "Hồ sơ đã ký chỉ đính chính bằng hocba correct \(id) --reason \"…\".",
        "Record #\(id) is “\(state.label(in: language))” and cannot be changed; nothing was stored. "
          + "A signed record is corrected with hocba correct \(id) --reason \"…\".")
    case .claimLost(let id):
      language.pick(
        "Quyền giữ hồ sơ #\(id) của bạn đã hết hạn (chương trình dừng quá lâu): thay đổi này KHÔNG được lưu. "
          + "Mở lại hồ sơ để tiếp tục.",
        "Your claim on record #\(id) expired (the program stalled too long): this change was NOT stored. "
          + "Open the record again to continue.")
    case .notReopenable(let id, let state):
      language.pick(
        "Hồ sơ #\(id) đang ở trạng thái “\(state.label(in: language))”: chỉ mở lại được hồ sơ đã rà soát hoặc đã phê duyệt.",
        "Record #\(id) is “\(state.label(in: language))”: only a reviewed or approved record can be reopened.")
    case .reasonMissing:
      language.pick("Cần ghi lý do (không được để trống).", "A reason is required (it cannot be empty).")
    }
  }
}

/// A record waiting in the review queue, with what makes it risky.
public struct ReviewQueueEntry: Sendable, Hashable {
  /// The record id.
  public var recordID: Int64
  /// The life-cycle state (imported or in review).
  public var state: RecordState
  /// The student's full name.
  public var studentName: String
  /// The student's CCCD, if known.
  public var citizenID: String?
  /// The school year, e.g. "2023-2024".
  public var schoolYear: String
  /// The class name.
  public var className: String
  /// The kinds of its pages, e.g. "year-tt22-thcs".
  /// Only records with a page of this kind.
  public var pageKinds: [String]
  /// Fields awaiting review.
  public var pendingFields: Int
  /// Error findings without an acknowledgement.
  public var openErrors: Int
  /// The lowest OCR confidence among pending fields.
  public var lowestConfidence: Double?
  /// The reviewer holding a live claim, if any.
  public var claimedBy: String?
}

/// Which records the queue shows; nil matches everything.
public struct ReviewQueueFilter: Sendable, Hashable {
  /// Only this school year.
  public var schoolYear: String?
  /// Only this class.
  public var className: String?
  public var pageKind: String?

  /// Creates a filter.
  public init(schoolYear: String? = nil, className: String? = nil, pageKind: String? = nil) {
    self.schoolYear = schoolYear
    self.className = className
    self.pageKind = pageKind
  }
}

/// A field with what review needs: its version for optimistic updates, its type and whether it is critical.
public struct ReviewField: Sendable, Hashable {
  /// The stored field.
  public var observation: FieldObservation
  /// The version, raised by every change.
  public var version: Int
  /// The mapping's value type ("score", "date", …), nil when the field was added by hand.
  public var type: String?
  /// Whether the mapping marks it critical.
  public var critical: Bool
  /// A re-reading of the page disagreed with the reviewer's value: the field waits for a second look.
  public var rereadFlagged = false
  /// That re-reading's value (nil when it read nothing), shown beside the reviewer's.
  public var rereadValue: String?
}

/// A finding with its acknowledgement reason, if a reviewer gave one.
public struct ReviewFinding: Sendable, Hashable {
  /// The finding.
  public var finding: StoredFinding
  /// The reason given for accepting it, if any.
  public var acknowledgement: String?
}

/// A reviewer's decision on one field, stored only if the field is still at `expectedVersion`.
public struct FieldUpdate: Sendable, Hashable {
  /// The field.
  public var fieldID: Int64
  /// The version the decision was made on.
  public var expectedVersion: Int
  /// The canonical value to store.
  public var value: String?
  /// The new status.
  public var status: FieldStatus
  /// Why (undo, script reason), if given.
  public var reason: String?
  /// Keys pressed and seconds spent on the field (audit only).
  public var keystrokes: Int?
  public var seconds: Double?

  /// Creates an update.
  public init(
    fieldID: Int64, expectedVersion: Int, value: String?, status: FieldStatus, reason: String? = nil,
    keystrokes: Int? = nil, seconds: Double? = nil
  ) {
    self.fieldID = fieldID
    self.expectedVersion = expectedVersion
    self.value = value
    self.status = status
    self.reason = reason
    self.keystrokes = keystrokes
    self.seconds = seconds
  }
}

extension ReviewDatabase {
  /// Migration "v3-review": field versions, review claims (leases) and finding acknowledgements.
  static func createReviewSchemaV3(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE field ADD COLUMN version INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0);
        CREATE TABLE claim (
          record_id INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
          reviewer TEXT NOT NULL,
          token TEXT NOT NULL,
          expires_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE finding_ack (
          finding_id INTEGER PRIMARY KEY REFERENCES finding(id) ON DELETE CASCADE,
          actor TEXT NOT NULL,
          reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
          at TEXT NOT NULL
        ) STRICT;
        """)
  }

  /// Runs a write, letting hocba's own errors through and mapping everything else to `StoreError`.
  func reviewWrite<T>(_ context: String, recordID: Int64?, _ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.write(body)
    } catch let error as any HocBaError {
      throw error
    } catch {
      throw StoreError.from(error, context: context, recordID: recordID)
    }
  }

  /// Claims a record for `reviewer` for `lease` seconds (renewing the caller's own claim); an expired claim
  /// of someone else is taken over. The first claim moves an imported record to in review.
  public func claimRecord(
    _ recordID: Int64, reviewer: String, token: String, lease: TimeInterval, now: Date = Date()
  ) throws {
    try reviewWrite("claimRecord", recordID: recordID) { db in
      let state = try Self.currentState(db, recordID: recordID)
      guard state == .imported || state == .inReview else {
        throw ReviewError.notReviewable(recordID: recordID, state: state)
      }
      let at = Self.timestamp(now)
      if let holder = try Row.fetchOne(
        db, sql: "SELECT reviewer, token, expires_at FROM claim WHERE record_id = ?", arguments: [recordID])
      {
        if holder["token"] as String != token && (holder["expires_at"] as String) > at {
          throw ReviewError.claimedByOther(recordID: recordID, reviewer: holder["reviewer"])
        }
        if holder["token"] as String != token {
          try appendAudit(
            db, actor: reviewer, entity: "claim", entityID: recordID, action: "expired", old: holder["reviewer"])
        }
      }
      try db.execute(
        sql: "INSERT OR REPLACE INTO claim (record_id, reviewer, token, expires_at) VALUES (?, ?, ?, ?)",
        arguments: [recordID, reviewer, token, Self.timestamp(now.addingTimeInterval(lease))])
      if state == .imported {
        try db.execute(
          literal:
            "UPDATE record SET state = \(RecordState.inReview.rawValue), updated_at = \(at) WHERE id = \(recordID)")
        try appendAudit(
          db, actor: reviewer, entity: "record", entityID: recordID, action: "transition",
          old: state.rawValue, new: RecordState.inReview.rawValue, reason: "review")
      }
    }
  }

  /// Gives up a claim held with `token` (no effect when it is not held).
  public func releaseClaim(_ recordID: Int64, token: String) throws {
    try reviewWrite("releaseClaim", recordID: recordID) { db in
      try db.execute(sql: "DELETE FROM claim WHERE record_id = ? AND token = ?", arguments: [recordID, token])
    }
  }

  /// The reviewer holding a live claim on the record, if any.
  public func claimHolder(_ recordID: Int64, now: Date = Date()) throws -> String? {
    try read("claimHolder", recordID: recordID) { db in
      try String.fetchOne(
        db, sql: "SELECT reviewer FROM claim WHERE record_id = ? AND expires_at > ?",
        arguments: [recordID, Self.timestamp(now)])
    }
  }

  /// Records awaiting review (imported or in review), errors first, then lowest confidence, then id.
  public func reviewQueue(_ filter: ReviewQueueFilter = ReviewQueueFilter(), now: Date = Date()) throws
    -> [ReviewQueueEntry]
  {
    try read("reviewQueue") { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT r.id, r.state, r.school_year, r.class_name, s.full_name, s.citizen_id,
            (SELECT group_concat(DISTINCT p.kind) FROM page p WHERE p.record_id = r.id) AS kinds,
            (SELECT count(*) FROM field f WHERE f.record_id = r.id AND f.status = 'pending') AS pending,
            (SELECT min(f.confidence) FROM field f WHERE f.record_id = r.id AND f.status = 'pending') AS low,
            (SELECT count(*) FROM finding x WHERE x.record_id = r.id AND x.severity = 'error'
              AND NOT EXISTS (SELECT 1 FROM finding_ack a WHERE a.finding_id = x.id)) AS errors,
            (SELECT c.reviewer FROM claim c WHERE c.record_id = r.id AND c.expires_at > :now) AS holder
          FROM record r JOIN student s ON s.id = r.student_id
          WHERE r.state IN ('imported', 'in_review')
            AND (:year IS NULL OR r.school_year = :year) AND (:class IS NULL OR r.class_name = :class)
            AND (:kind IS NULL OR EXISTS (SELECT 1 FROM page p WHERE p.record_id = r.id AND p.kind = :kind))
          ORDER BY errors DESC, (pending > 0) DESC, coalesce(low, 101), r.id
          """,
        arguments: [
          "now": Self.timestamp(now), "year": filter.schoolYear, "class": filter.className, "kind": filter.pageKind,
        ])
      return try rows.map { row in
        let id: Int64 = row["id"]
        return ReviewQueueEntry(
          recordID: id, state: try Self.state(row["state"], recordID: id), studentName: row["full_name"],
          citizenID: row["citizen_id"], schoolYear: row["school_year"], className: row["class_name"],
          pageKinds: (row["kinds"] as String?)?.split(separator: ",").map(String.init) ?? [],
          pendingFields: row["pending"], openErrors: row["errors"], lowestConfidence: row["low"],
          claimedBy: row["holder"])
      }
    }
  }
}
