import Foundation
internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// The fields of a record with their versions, mapping types and criticality, in id order.
  public func reviewFields(recordID: Int64) throws -> [ReviewField] {
    try read("reviewFields", recordID: recordID) { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT f.*, pf.type AS mapped_type, pf.critical AS mapped_critical FROM field f
          LEFT JOIN page_field pf ON pf.page_id = f.page_id AND pf.path = f.path
          WHERE f.record_id = ? ORDER BY f.id
          """, arguments: [recordID]
      ).map { row in
        var box: FieldBox?
        if let x: Int = row["box_x"], let y: Int = row["box_y"], let width: Int = row["box_w"],
          let height: Int = row["box_h"]
        {
          box = FieldBox(x: x, y: y, width: width, height: height)
        }
        let observation = FieldObservation(
          id: row["id"], recordID: row["record_id"], pageID: row["page_id"], path: row["path"],
          rawText: row["raw_text"], normalizedValue: row["normalized_value"], confidence: row["confidence"],
          box: box, cropPath: row["crop_path"], status: FieldStatus(rawValue: row["status"]) ?? .pending)
        return ReviewField(
          observation: observation, version: row["version"], type: row["mapped_type"],
          critical: (row["mapped_critical"] as Int?) == 1, rereadFlagged: (row["reread_flagged"] as Int) == 1,
          rereadValue: row["reread_value"])
      }
    }
  }

  /// The findings of a record with their acknowledgement reasons.
  public func reviewFindings(recordID: Int64) throws -> [ReviewFinding] {
    let acknowledgements = try read("reviewFindings", recordID: recordID) { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT a.finding_id, a.reason FROM finding_ack a JOIN finding x ON x.id = a.finding_id
          WHERE x.record_id = ?
          """, arguments: [recordID]
      ).reduce(into: [Int64: String]()) { $0[$1["finding_id"]] = $1["reason"] }
    }
    return try findings(recordID: recordID).map {
      ReviewFinding(finding: $0, acknowledgement: $0.id.flatMap { acknowledgements[$0] })
    }
  }

  /// Stores a reviewer's decision if the record is still under review, the writer's claim (if it works with one)
  /// is live, nobody else holds the record and the field is still at the version read; all checked in the write.
  ///
  /// A changed value is also written into the record's content through `patch` (path, value → record), in the
  /// same transaction. The audit row keeps who, when, the old and new value and status, the reason, the
  /// keystrokes and the time spent. With `findings`, the rules run again on the changed record and its findings
  /// are replaced in the same transaction. Returns the field's new version.
  @discardableResult
  public func updateField(
    recordID: Int64, _ update: FieldUpdate, actor: String, claimToken: String?, now: Date = Date(),
    findings: FindingEvaluation? = nil, patch: (SchoolYearRecord, String, String?) throws -> SchoolYearRecord
  ) throws -> Int {
    try reviewWrite("updateField", recordID: recordID) { db in
      guard
        let field = try Row.fetchOne(
          db, sql: "SELECT path, normalized_value, status, version FROM field WHERE id = ? AND record_id = ?",
          arguments: [update.fieldID, recordID])
      else { throw StoreError.fieldNotFound(fieldID: update.fieldID) }
      let path: String = field["path"]
      try requireWritable(db, recordID: recordID, claimToken: claimToken, now: now)
      guard field["version"] as Int == update.expectedVersion else {
        throw ReviewError.staleField(recordID: recordID, path: path)
      }
      let oldValue: String? = field["normalized_value"]
      try refusingSealed(recordID) {
        try db.execute(
          sql: """
            UPDATE field SET normalized_value = ?, status = ?, version = version + 1, decided_by_reviewer = ?,
              reread_flagged = 0, reread_value = NULL
            WHERE id = ? AND version = ?
            """,
          arguments: [
            update.value, update.status.rawValue, update.status == .pending ? 0 : 1, update.fieldID,
            update.expectedVersion,
          ])
      }
      if oldValue != update.value {
        try rewritePayload(db, recordID: recordID, actor: actor, reason: path) { try patch($0, path, update.value) }
        if let findings { try refreshFindings(db, recordID: recordID, actor: actor, evaluate: findings) }
      }
      struct Side: Encodable {
        let value: String?
        let status: String
        let version: Int
        var keystrokes: Int?
        var seconds: Double?
      }
      let old = Side(value: oldValue, status: field["status"], version: update.expectedVersion)
      let new = Side(
        value: update.value, status: update.status.rawValue, version: update.expectedVersion + 1,
        keystrokes: update.keystrokes, seconds: update.seconds.map { ($0 * 10).rounded() / 10 })
      try appendAudit(
        db, actor: actor, entity: "field", entityID: update.fieldID, action: "review",
        old: try Self.auditJSON(old), new: try Self.auditJSON(new), reason: update.reason)
      return update.expectedVersion + 1
    }
  }

  /// Accepts an error finding with the reviewer's reason, so that it no longer blocks approval.
  public func acknowledgeFinding(_ findingID: Int64, recordID: Int64, reason: String, actor: String) throws {
    guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ReviewError.reasonMissing }
    try reviewWrite("acknowledgeFinding", recordID: recordID) { db in
      let state = try Self.currentState(db, recordID: recordID)
      guard Self.writableStates.contains(state) else {
        throw ReviewError.notWritable(recordID: recordID, state: state)
      }
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO finding_ack (finding_id, actor, reason, at)
          SELECT id, ?, ?, ? FROM finding WHERE id = ? AND record_id = ?
          """, arguments: [actor, reason, Self.timestamp(), findingID, recordID])
      try appendAudit(
        db, actor: actor, entity: "finding", entityID: findingID, action: "acknowledge", reason: reason)
    }
  }

  /// Marks a record reviewed: refused while a field awaits review or an error finding has no reason.
  ///
  /// The reviewer joins the record's provenance and the claim is released. Approval by the principal
  /// (reviewed → approved) stays a separate step.
  public func approveRecord(_ recordID: Int64, actor: String, claimToken: String?) throws {
    try reviewWrite("approveRecord", recordID: recordID) { db in
      let counts = try Row.fetchOne(
        db,
        sql: """
          SELECT (SELECT count(*) FROM field WHERE record_id = :id AND status = 'pending') AS pending,
            (SELECT count(*) FROM finding x WHERE x.record_id = :id AND x.severity = 'error'
              AND NOT EXISTS (SELECT 1 FROM finding_ack a WHERE a.finding_id = x.id)) AS errors,
            (SELECT reviewer FROM claim WHERE record_id = :id AND expires_at > :now AND token IS NOT :token) AS other,
            (SELECT count(*) FROM claim WHERE record_id = :id AND expires_at > :now AND token IS :token) AS mine,
            (SELECT state FROM record WHERE id = :id) AS state
          """, arguments: ["id": recordID, "now": Self.timestamp(), "token": claimToken])
      guard let counts, let raw: String = counts["state"] else { throw StoreError.notFound(recordID: recordID) }
      if let other: String = counts["other"] { throw ReviewError.claimedByOther(recordID: recordID, reviewer: other) }
      if claimToken != nil, counts["mine"] as Int == 0, ["imported", "in_review"].contains(raw) {
        throw ReviewError.claimLost(recordID: recordID)
      }
      let pending: Int = counts["pending"]
      let errors: Int = counts["errors"]
      guard pending == 0, errors == 0 else {
        throw ReviewError.approvalBlocked(recordID: recordID, pendingFields: pending, openErrors: errors)
      }
      var state = try Self.state(raw, recordID: recordID)
      guard state == .imported || state == .inReview else {
        throw ReviewError.notReviewable(recordID: recordID, state: state)
      }
      for next in state == .imported ? [RecordState.inReview, .reviewed] : [.reviewed] {
        try db.execute(
          literal: "UPDATE record SET state = \(next.rawValue), updated_at = \(Self.timestamp()) WHERE id = \(recordID)"
        )
        try appendAudit(
          db, actor: actor, entity: "record", entityID: recordID, action: "transition", old: state.rawValue,
          new: next.rawValue, reason: "review")
        state = next
      }
      try rewritePayload(db, recordID: recordID, actor: actor, reason: "reviewer") { record in
        var record = record
        if !record.provenance.reviewers.contains(actor.nfc) { record.provenance.reviewers.append(actor.nfc) }
        return record
      }
      try db.execute(sql: "DELETE FROM claim WHERE record_id = ?", arguments: [recordID])
    }
  }

  /// Rewrites the record's JSON content (and its student row for identity fields) inside a write.
  func rewritePayload(
    _ db: Database, recordID: Int64, actor: String, reason: String,
    _ change: (SchoolYearRecord) throws -> SchoolYearRecord
  ) throws {
    guard let row = try RecordRow.fetchOne(db, key: recordID) else { throw StoreError.notFound(recordID: recordID) }
    let stored = try Self.storedRecord(row)
    let record = try change(stored.record)
    guard record != stored.record else { return }
    let payload = try Self.encodePayload(record, context: "updateField")
    try refusingSealed(recordID) {
      try db.execute(
        sql: """
          UPDATE record SET payload = ?, school_year = ?, class_name = ?, grade = ?, updated_at = ? WHERE id = ?
          """,
        arguments: [
          payload, record.schoolYear.description, record.className, record.grade, Self.timestamp(), recordID,
        ])
      if record.student != stored.record.student {
        try db.execute(
          sql: "UPDATE student SET full_name = ?, birth_date = ?, citizen_id = ? WHERE id = ?",
          arguments: [
            record.student.fullName, record.student.birthDate.iso, record.student.citizenID?.digits, row.studentID,
          ])
      }
    }
    try appendAudit(
      db, actor: actor, entity: "record", entityID: recordID, action: "update", old: row.payload, new: payload,
      reason: reason)
  }
}
