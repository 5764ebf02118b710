import Foundation
internal import GRDB
import HocBaCrypto
import HocBaModel

/// The outcome of checking the audit log's hash chain.
public enum AuditVerification: Sendable, Equatable {
  /// Every row links to the previous one and hashes to its stored hash.
  case intact(rows: Int)
  /// The chain breaks at `rowID` (for a missing row: the first missing id).
  case broken(rowID: Int64, reason: BrokenReason)
}

/// Why the audit chain is broken at a row.
public enum BrokenReason: Sendable, Equatable {
  /// The row's content no longer hashes to its stored hash: the row was edited.
  case hashMismatch
  /// The row's prev_hash is not the previous row's hash: a row was inserted, replaced or re-hashed.
  case prevHashMismatch
  /// A row id is missing (a gap in the ids, or rows removed from the end): rows were deleted.
  case missingRow

  /// What happened, for staff, in the given language.
  public func label(in language: Language) -> String {
    switch self {
    case .hashMismatch: language.pick("nội dung dòng đã bị sửa", "the row's content was edited")
    case .prevHashMismatch:
      language.pick("dòng bị chèn, thay thế hoặc băm lại", "a row was inserted, replaced or re-hashed")
    case .missingRow: language.pick("có dòng bị xoá", "rows were deleted")
    }
  }
}

/// The newest audit row's id and hash, to be written down outside the database (an anchor).
public struct AuditHead: Sendable, Hashable {
  /// The id of the newest row.
  public var rowID: Int64
  /// Its hash, which commits to the whole chain before it.
  public var hash: String
}

extension ReviewDatabase {
  /// The prev_hash of the first audit row.
  static let genesisHash = String(repeating: "0", count: 64)

  /// Appends one audit row inside the caller's transaction, chained to the newest row.
  ///
  /// The id is one past the highest id ever issued (sqlite_sequence), so rows deleted from the end leave a
  /// gap that `verifyAuditChain` reports instead of being silently reused.
  func appendAudit(
    _ db: Database, actor: String, entity: String, entityID: Int64?, action: String, old: String? = nil,
    new: String? = nil, reason: String? = nil
  ) throws {
    let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
    let lastID: Int64 = last?["id"] ?? 0
    let issued = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
    var row = AuditRow(
      id: max(lastID, issued) + 1, at: Self.timestamp(), actor: actor, entity: entity, entityID: entityID,
      action: action, oldValue: old, newValue: new, reason: reason, prevHash: last?["hash"] ?? Self.genesisHash,
      hash: "")
    row.hash = Self.auditHash(of: row)
    try row.insert(db)
  }

  /// `SHA256.hex(prev_hash + U+001F + canonical)`, where canonical joins the row's fields with U+001E and writes
  /// each as `<utf8 length>:<text>` (or `~` for NULL), so no two different rows share a canonical form.
  static func auditHash(of row: AuditRow) -> String {
    let fields: [String?] = [
      String(row.id), row.at, row.actor, row.entity, row.entityID.map { String($0) }, row.action, row.oldValue,
      row.newValue, row.reason,
    ]
    let canonical = fields.map { field in field.map { "\($0.utf8.count):\($0)" } ?? "~" }
      .joined(separator: "\u{1E}")
    return SHA256.hex(row.prevHash + "\u{1F}" + canonical)
  }

  /// Recomputes the whole audit chain and reports the first row where it breaks.
  public func verifyAuditChain() throws(StoreError) -> AuditVerification {
    try read("verifyAuditChain") { db in
      var expectedID: Int64 = 1
      var previousHash = Self.genesisHash
      var count = 0
      let rows = try AuditRow.order(Column("id")).fetchCursor(db)
      while let row = try rows.next() {
        if row.id > expectedID { return .broken(rowID: expectedID, reason: .missingRow) }
        if row.prevHash != previousHash { return .broken(rowID: row.id, reason: .prevHashMismatch) }
        if Self.auditHash(of: row) != row.hash { return .broken(rowID: row.id, reason: .hashMismatch) }
        previousHash = row.hash
        expectedID = row.id + 1
        count += 1
      }
      let issued = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
      if issued >= expectedID { return .broken(rowID: expectedID, reason: .missingRow) }
      return .intact(rows: count)
    }
  }

  /// The newest audit row's id and hash, or nil for an empty log.
  public func auditHead() throws(StoreError) -> AuditHead? {
    try read("auditHead") { db in
      try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").map {
        AuditHead(rowID: $0["id"], hash: $0["hash"])
      }
    }
  }

  /// Canonical JSON (sorted keys) of a value, for the audit's old and new values.
  static func auditJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
