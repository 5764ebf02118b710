import Foundation
internal import GRDB
import HocBaCrypto
import HocBaModel

/// Records received from another school (`import-xml` of a signed file, `import-package`): the signed original is
/// kept byte for byte, never changed or deleted; a refused one stays here in quarantine with its reason.
extension ReviewDatabase {
  static func createHandoverSchemaV8(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE incoming_document (
          id INTEGER PRIMARY KEY,
          record_id INTEGER UNIQUE REFERENCES record(id),  -- NULL: refused, kept in quarantine
          source TEXT NOT NULL,
          origin_school TEXT NOT NULL,
          xml BLOB NOT NULL,
          sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
          refusal TEXT,  -- NULL: accepted
          received_at TEXT NOT NULL,
          CHECK ((record_id IS NULL) = (refusal IS NOT NULL))
        ) STRICT;
        CREATE TRIGGER incoming_document_update BEFORE UPDATE ON incoming_document
        BEGIN SELECT RAISE(ABORT, '\(TriggerMessage.sealed)'); END;
        CREATE TRIGGER incoming_document_delete BEFORE DELETE ON incoming_document
        BEGIN SELECT RAISE(ABORT, '\(TriggerMessage.sealed)'); END;
        """)
  }

  /// Stores a verified incoming record as `imported` (the receiving school's own steps follow) with its signed
  /// original untouched, in one transaction; returns the new record id.
  public func receiveIncoming(
    _ record: SchoolYearRecord, signed: [UInt8], source: String, originSchool: String, actor: String
  ) throws(StoreError) -> Int64 {
    let payload = try Self.encodePayload(record, context: "receiveIncoming")
    return try write("receiveIncoming") { db in
      let id = try insertRecord(db, record, payload: payload, state: .imported, actor: actor)
      try insertIncoming(db, recordID: id, signed: signed, source: source, origin: originSchool, refusal: nil)
      try appendAudit(
        db, actor: actor, entity: "record", entityID: id, action: "receive", new: SHA256.hex(signed),
        reason: originSchool)
      return id
    }
  }

  /// Keeps a refused incoming document with the reason it was refused.
  public func quarantineIncoming(
    signed: [UInt8], source: String, originSchool: String, reason: String, actor: String
  ) throws(StoreError) {
    try write("quarantineIncoming") { db in
      try insertIncoming(db, recordID: nil, signed: signed, source: source, origin: originSchool, refusal: reason)
      try appendAudit(
        db, actor: actor, entity: "incoming_document", entityID: nil, action: "quarantine", new: SHA256.hex(signed),
        reason: reason)
    }
  }

  /// The signed original a record was received as, or nil for a record not received from elsewhere.
  public func incomingDocument(recordID: Int64) throws(StoreError) -> [UInt8]? {
    try read("incomingDocument", recordID: recordID) { db in
      try Data.fetchOne(db, sql: "SELECT xml FROM incoming_document WHERE record_id = ?", arguments: [recordID])
        .map { [UInt8]($0) }
    }
  }

  /// Every refused incoming document: where it came from and why it was refused.
  public func quarantinedIncoming() throws(StoreError) -> [(source: String, reason: String)] {
    try read("quarantinedIncoming") { db in
      try Row.fetchAll(
        db, sql: "SELECT source, refusal FROM incoming_document WHERE record_id IS NULL ORDER BY id"
      ).map { ($0["source"], $0["refusal"]) }
    }
  }

  private func insertIncoming(
    _ db: Database, recordID: Int64?, signed: [UInt8], source: String, origin: String, refusal: String?
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO incoming_document (record_id, source, origin_school, xml, sha256, refusal, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [recordID, source, origin, Data(signed), SHA256.hex(signed), refusal, Self.timestamp()])
  }
}
