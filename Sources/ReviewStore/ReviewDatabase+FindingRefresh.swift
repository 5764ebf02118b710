import Foundation
internal import GRDB
import HocBaModel

/// Evaluates a record's consistency rules into stored findings (the caller owns the rules; the store only keeps
/// their results). Called inside a write, on the record as it is after the write.
public typealias FindingEvaluation = (_ record: SchoolYearRecord, _ recordID: Int64) throws -> [StoredFinding]

extension ReviewDatabase {
  /// Replaces a record's findings inside the caller's transaction.
  ///
  /// A finding that still applies (same rule code and field path) keeps its row, so its id and a reviewer's
  /// acknowledgement stay; its severity and explanation are updated. Findings that no longer apply are deleted
  /// with their acknowledgements; new ones are added. Refused for a sealed record.
  func replaceFindings(_ db: Database, recordID: Int64, with findings: [StoredFinding]) throws {
    struct Key: Hashable {
      let ruleCode: String
      let fieldPath: String?
    }
    var existing: [Key: [Int64]] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT id, rule_code, field_path FROM finding WHERE record_id = ? ORDER BY id", arguments: [recordID])
    {
      existing[Key(ruleCode: row["rule_code"], fieldPath: row["field_path"]), default: []].append(row["id"])
    }
    try refusingSealed(recordID) {
      var kept: Set<Int64> = []
      for finding in findings {
        let key = Key(ruleCode: finding.ruleCode, fieldPath: finding.fieldPath)
        if let id = existing[key]?.first {
          existing[key]?.removeFirst()
          kept.insert(id)
          try db.execute(
            sql: "UPDATE finding SET severity = ?, detail = ? WHERE id = ?",
            arguments: [finding.severity.rawValue, finding.detail, id])
        } else {
          try db.execute(
            sql: "INSERT INTO finding (record_id, field_path, rule_code, severity, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [recordID, finding.fieldPath, finding.ruleCode, finding.severity.rawValue, finding.detail])
        }
      }
      for id in existing.values.joined() where !kept.contains(id) {
        try db.execute(sql: "DELETE FROM finding WHERE id = ?", arguments: [id])
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
