import Foundation
internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// Merges a new reading of pages into an existing record, field by field, in one transaction.
  ///
  /// - A field no reviewer decided (pending, or accepted by the import) takes the new reading; `routing` decides
  ///   whether it waits for review, after the rules ran on the merged record.
  /// - A field a reviewer accepted, corrected or rejected keeps the reviewer's value; where the new reading
  ///   disagrees, the field goes back to review flagged with the new reading beside it. Never silently replaced.
  /// - A record past review (reviewed, approved, signing, sealed) is not written: the differing paths are returned.
  ///
  /// Every field whose value or status changes gets a new version, so a station holding the old version is told
  /// the field changed instead of overwriting it. The findings are replaced, keeping the acknowledgement of each
  /// finding that still applies.
  public func mergeReading(
    into recordID: Int64, from pages: [StoredPage], routing: MergeRouting, actor: String
  ) throws(StoreError) -> RecordMerge {
    try write("mergeReading", recordID: recordID) { db in
      var merge = RecordMerge(recordID: recordID, state: try Self.currentState(db, recordID: recordID))
      var existing: [String: Row] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT id, path, normalized_value, status, decided_by_reviewer, reread_flagged FROM field
          WHERE record_id = ? ORDER BY id
          """, arguments: [recordID])
      {
        existing[row["path"]] = row
      }
      let readings = Self.readings(of: pages)
      guard merge.wasWritable else {
        merge.untouchedPaths = readings.filter { reading in
          (existing[reading.field.path]?["normalized_value"] as String?) != reading.field.normalizedValue
        }.map(\.field.path).sorted()
        return merge
      }
      guard let row = try RecordRow.fetchOne(db, key: recordID) else { throw StoreError.notFound(recordID: recordID) }
      let original = try Self.storedRecord(row).record
      var record = original
      var taking: [(reading: Reading, old: Row?)] = []
      for reading in readings {
        let path = reading.field.path
        let old = existing[path]
        let oldValue = old?["normalized_value"] as String?
        if let old, old["decided_by_reviewer"] as Int == 1 {
          let id: Int64 = old["id"]
          try updateEvidence(db, fieldID: id, reading)
          if oldValue == reading.field.normalizedValue && old["reread_flagged"] as Int == 0 {
            merge.kept += 1
          } else {
            merge.flagged += 1
            try flag(db, fieldID: id, reading: reading, actor: actor)
          }
          continue
        }
        if oldValue != reading.field.normalizedValue {
          if old != nil || reading.field.normalizedValue != nil { merge.changed += 1 }
          record = Self.patched(record, path: path, value: reading.field.normalizedValue)
        }
        taking.append((reading, old))
      }
      let rules = routing.evaluate(record)
      for (reading, old) in taking {
        let disagrees = old != nil && (old?["normalized_value"] as String?) != reading.field.normalizedValue
        let pending =
          routing.needsReview(reading.field) || rules.reviewPaths.contains(reading.field.path)
          || (routing.reviewsDisagreements && disagrees)
        try take(db, recordID: recordID, reading, status: pending ? .pending : .accepted, old: old, actor: actor)
      }
      try replaceFindings(db, recordID: recordID, with: rules.findings)
      try appendAudit(
        db, actor: actor, entity: "record", entityID: recordID, action: "findings",
        new: rules.findings.map { "\($0.ruleCode):\($0.severity.rawValue)" }.joined(separator: ","))
      if record != original {
        try rewritePayload(db, recordID: recordID, actor: actor, reason: "reread") { _ in record }
      }
      try appendAudit(
        db, actor: actor, entity: "record", entityID: recordID, action: "merge-reading",
        new: "changed=\(merge.changed) kept=\(merge.kept) flagged=\(merge.flagged) pages="
          + pages.map { String($0.id) }.joined(separator: ","))
      return merge
    }
  }

  /// One field of a new reading and the page it was read on.
  struct Reading {
    let pageID: Int64
    let field: PageFieldEvidence
  }

  /// The fields of the pages, the first page's reading of a path winning (the year page before the information page).
  static func readings(of pages: [StoredPage]) -> [Reading] {
    var seen: Set<String> = []
    return pages.flatMap { page in
      page.fields.filter { seen.insert($0.path).inserted }.map { Reading(pageID: page.id, field: $0) }
    }
  }

  /// The record with `path` set to `value`; a value that does not fit the field leaves it empty (the field waits
  /// for review, as at import), and a path the record does not hold (evidence only) leaves the record unchanged.
  static func patched(_ record: SchoolYearRecord, path: String, value: String?) -> SchoolYearRecord {
    if let result = try? RecordFieldWriter.apply(path: path, value: value, to: record) { return result }
    return (try? RecordFieldWriter.apply(path: path, value: nil, to: record)) ?? record
  }

  /// Points a field at the new reading's page, text, confidence and snippet, leaving its value and status.
  private func updateEvidence(_ db: Database, fieldID: Int64, _ reading: Reading) throws {
    let field = reading.field
    try db.execute(
      sql: """
        UPDATE field SET page_id = ?, raw_text = ?, confidence = ?, box_x = ?, box_y = ?, box_w = ?, box_h = ?,
          crop_path = ? WHERE id = ?
        """,
      arguments: [
        reading.pageID, field.rawText, field.confidence, field.box.x, field.box.y, field.box.width,
        field.box.height, field.cropPath, fieldID,
      ])
  }

  /// Sends a reviewer-decided field back to review with the disagreeing reading stored beside its value.
  private func flag(_ db: Database, fieldID: Int64, reading: Reading, actor: String) throws {
    try db.execute(
      sql: """
        UPDATE field SET status = 'pending', reread_flagged = 1, reread_value = ?, version = version + 1 WHERE id = ?
        """, arguments: [reading.field.normalizedValue, fieldID])
    try appendAudit(
      db, actor: actor, entity: "field", entityID: fieldID, action: "reread-flag",
      new: try Self.auditJSON(["rereadValue": reading.field.normalizedValue]))
  }

  /// Writes the new reading into a field no reviewer decided (or inserts the field).
  private func take(
    _ db: Database, recordID: Int64, _ reading: Reading, status: FieldStatus, old: Row?, actor: String
  ) throws {
    let field = reading.field
    guard let old else {
      try db.execute(
        sql: """
          INSERT INTO field (record_id, page_id, path, raw_text, normalized_value, confidence, box_x, box_y,
            box_w, box_h, crop_path, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          recordID, reading.pageID, field.path, field.rawText, field.normalizedValue, field.confidence,
          field.box.x, field.box.y, field.box.width, field.box.height, field.cropPath, status.rawValue,
        ])
      return
    }
    let id: Int64 = old["id"]
    try updateEvidence(db, fieldID: id, reading)
    let oldValue: String? = old["normalized_value"]
    let oldStatus: String = old["status"]
    guard oldValue != field.normalizedValue || oldStatus != status.rawValue else { return }
    try db.execute(
      sql: "UPDATE field SET normalized_value = ?, status = ?, version = version + 1 WHERE id = ?",
      arguments: [field.normalizedValue, status.rawValue, id])
    try appendAudit(
      db, actor: actor, entity: "field", entityID: id, action: "reread",
      old: try Self.auditJSON(["value": oldValue, "status": oldStatus]),
      new: try Self.auditJSON(["value": field.normalizedValue, "status": status.rawValue]))
  }
}
