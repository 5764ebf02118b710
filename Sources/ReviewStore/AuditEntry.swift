import Foundation
internal import GRDB

/// One row of the audit log as a report shows it: who did what to which record or field, when, and why.
///
/// `oldValue` and `newValue` are the stored texts (JSON for field decisions); they may hold student data, so
/// they are for a report the user asked for, never for logs.
public struct AuditEntry: Sendable, Hashable {
  /// The row id (its place in the hash chain).
  public var id: Int64
  /// When, ISO 8601 UTC.
  public var at: String
  /// Who.
  public var actor: String
  /// What kind of thing changed: "record", "field", "finding", "claim", "scan", …
  public var entity: String
  /// Its id.
  public var entityID: Int64?
  /// What was done: "review", "transition", "reopen", "acknowledge", …
  public var action: String
  /// The value before, if any.
  public var oldValue: String?
  /// The value after, if any.
  public var newValue: String?
  /// Why, if given.
  public var reason: String?
  /// The record the row belongs to, when it belongs to one.
  public var recordID: Int64?
  /// The field path, for a field row.
  public var fieldPath: String?
}

extension ReviewDatabase {
  /// The audit log in chain order, or only the rows of one record (the record, its fields, findings and claim).
  public func auditEntries(recordID: Int64? = nil) throws(StoreError) -> [AuditEntry] {
    try read("auditEntries", recordID: recordID) { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT a.id, a.at, a.actor, a.entity, a.entity_id, a.action, a.old_value, a.new_value, a.reason,
            CASE a.entity WHEN 'field' THEN f.record_id WHEN 'finding' THEN x.record_id
              WHEN 'record' THEN a.entity_id WHEN 'claim' THEN a.entity_id END AS record_id,
            f.path AS field_path
          FROM audit_log a
          LEFT JOIN field f ON a.entity = 'field' AND f.id = a.entity_id
          LEFT JOIN finding x ON a.entity = 'finding' AND x.id = a.entity_id
          WHERE :record IS NULL OR (CASE a.entity WHEN 'field' THEN f.record_id WHEN 'finding' THEN x.record_id
              WHEN 'record' THEN a.entity_id WHEN 'claim' THEN a.entity_id END) = :record
          ORDER BY a.id
          """, arguments: ["record": recordID]
      ).map { row in
        AuditEntry(
          id: row["id"], at: row["at"], actor: row["actor"], entity: row["entity"], entityID: row["entity_id"],
          action: row["action"], oldValue: row["old_value"], newValue: row["new_value"], reason: row["reason"],
          recordID: row["record_id"], fieldPath: row["field_path"])
      }
    }
  }
}
