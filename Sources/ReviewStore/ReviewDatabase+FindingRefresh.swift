import Foundation
internal import GRDB
import HocBaModel

/// Evaluates a record's consistency rules into stored findings (the caller owns the rules; the store only keeps
/// their results). Called inside a write, on the record as it is after the write.
public typealias FindingEvaluation = (_ record: SchoolYearRecord, _ recordID: Int64) throws -> [StoredFinding]

extension ReviewDatabase {
  /// Replaces a record's findings inside the caller's transaction.
  ///
  /// A reviewer's acknowledgement is kept when the same rule still points at the same field (rule code and
  /// field path); acknowledgements of findings that no longer apply go with them. Refused for a sealed record.
  func replaceFindings(_ db: Database, recordID: Int64, with findings: [StoredFinding]) throws {
    struct Key: Hashable {
      let ruleCode: String
      let fieldPath: String?
    }
    var kept: [Key: [Row]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT x.rule_code, x.field_path, a.actor, a.reason, a.at FROM finding_ack a
        JOIN finding x ON x.id = a.finding_id WHERE x.record_id = ? ORDER BY x.id
        """, arguments: [recordID])
    {
      kept[Key(ruleCode: row["rule_code"], fieldPath: row["field_path"]), default: []].append(row)
    }
    try refusingSealed(recordID) {
      try db.execute(sql: "DELETE FROM finding WHERE record_id = ?", arguments: [recordID])
      for finding in findings {
        try db.execute(
          sql: "INSERT INTO finding (record_id, field_path, rule_code, severity, detail) VALUES (?, ?, ?, ?, ?)",
          arguments: [recordID, finding.fieldPath, finding.ruleCode, finding.severity.rawValue, finding.detail])
        let key = Key(ruleCode: finding.ruleCode, fieldPath: finding.fieldPath)
        guard let acknowledgement = kept[key]?.first else { continue }
        kept[key]?.removeFirst()
        try db.execute(
          sql: "INSERT INTO finding_ack (finding_id, actor, reason, at) VALUES (?, ?, ?, ?)",
          arguments: [
            db.lastInsertedRowID, acknowledgement["actor"] as String, acknowledgement["reason"] as String,
            acknowledgement["at"] as String,
          ])
      }
    }
  }

  /// Runs `evaluate` on the record as stored now and replaces its findings, inside the caller's transaction,
  /// with an audit row listing the new findings' codes (never values).
  func refreshFindings(_ db: Database, recordID: Int64, actor: String, evaluate: FindingEvaluation) throws {
    guard let row = try RecordRow.fetchOne(db, key: recordID) else { throw StoreError.notFound(recordID: recordID) }
    let findings = try evaluate(try Self.storedRecord(row).record, recordID)
    try replaceFindings(db, recordID: recordID, with: findings)
    try appendAudit(
      db, actor: actor, entity: "record", entityID: recordID, action: "findings",
      new: findings.map { "\($0.ruleCode):\($0.severity.rawValue)" }.joined(separator: ","))
  }
}
