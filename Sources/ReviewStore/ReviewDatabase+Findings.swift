import Foundation
internal import GRDB
import HocBaModel

/// The stored form of a finding's explanation and every field it points at (the `detail` column holds it as JSON).
public struct FindingDetail: Sendable, Hashable, Codable {
  public var paths: [String]
  public var vietnamese: String
  public var english: String

  public init(paths: [String], vietnamese: String, english: String) {
    self.paths = paths
    self.vietnamese = vietnamese
    self.english = english
  }

  /// The JSON text stored in `finding.detail`.
  public var encoded: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }
}

extension StoredFinding {
  /// The explanation in the given language (plain `detail` text for findings stored without JSON).
  public func explanation(in language: Language) -> String {
    guard let parsed = try? JSONDecoder().decode(FindingDetail.self, from: Data(detail.utf8)) else { return detail }
    return language.pick(parsed.vietnamese, parsed.english)
  }

  /// Every field path the finding points at.
  public var paths: [String] {
    (try? JSONDecoder().decode(FindingDetail.self, from: Data(detail.utf8)))?.paths ?? fieldPath.map { [$0] } ?? []
  }
}

extension ReviewDatabase {
  /// Replaces a record's findings with a new set (after the rules ran again), and sends the fields they point at
  /// back to review while the record has not been reviewed yet. One transaction; refused for a sealed record.
  /// Acknowledgements of findings that still apply (same rule, same field) are kept.
  public func replaceFindings(
    recordID: Int64, with findings: [StoredFinding], reviewPaths: Set<String>, actor: String
  ) throws(StoreError) {
    try write("replaceFindings", recordID: recordID) { db in
      try replaceFindings(db, recordID: recordID, with: findings)
      try refusingSealed(recordID) {
        let state = try String.fetchOne(db, sql: "SELECT state FROM record WHERE id = ?", arguments: [recordID])
        if state == RecordState.imported.rawValue {
          for path in reviewPaths.sorted() {
            try db.execute(
              sql: "UPDATE field SET status = 'pending' WHERE record_id = ? AND path = ? AND status = 'accepted'",
              arguments: [recordID, path])
          }
        }
      }
      try appendAudit(
        db, actor: actor, entity: "record", entityID: recordID, action: "findings",
        new: findings.map { "\($0.ruleCode):\($0.severity.rawValue)" }.joined(separator: ","))
    }
  }

  /// The (page id, field path) pairs of every record's fields that a stored error or warning points at.
  public func flaggedFieldKeys() throws(StoreError) -> Set<FieldKey> {
    try read("flaggedFieldKeys") { db in
      var keys: Set<FieldKey> = []
      let findings = try Row.fetchAll(
        db, sql: "SELECT record_id, field_path, detail FROM finding WHERE severity IN ('error', 'warning')")
      for row in findings {
        let recordID: Int64 = row["record_id"]
        let finding = StoredFinding(
          recordID: recordID, fieldPath: row["field_path"], ruleCode: "", severity: .warning, detail: row["detail"])
        for path in finding.paths {
          let pages = try Int64.fetchAll(
            db, sql: "SELECT page_id FROM field WHERE record_id = ? AND path = ? AND page_id IS NOT NULL",
            arguments: [recordID, path])
          for page in pages { keys.insert(FieldKey(pageID: page, path: path)) }
        }
      }
      return keys
    }
  }
}

/// A field on one saved page.
public struct FieldKey: Sendable, Hashable {
  public var pageID: Int64
  public var path: String

  public init(pageID: Int64, path: String) {
    self.pageID = pageID
    self.path = path
  }
}
