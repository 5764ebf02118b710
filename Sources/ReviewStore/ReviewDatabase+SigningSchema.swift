internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// Migration "v4-signing": certificates bound to staff, the trust store, signed documents, and record
  /// versions (a correction after sealing is a new row that supersedes the sealed one, which stays).
  ///
  /// The record table is rebuilt with UNIQUE(student_id, school_year, version). GRDB runs migrations with
  /// foreign keys off (checked at the end), so dropping the old table cascades nothing; every trigger that
  /// mentions `record` is dropped first and recreated after, in creation order (SQLite fires the newest first,
  /// so the sealed refusal keeps firing before the state machine), the sealed-replace pair with the version added.
  static func createSigningSchemaV4(_ db: Database) throws {
    guard try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == false else {
      throw StoreError.database(code: -1, context: "v4-signing: foreign keys must be off")
    }
    let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(record)").map { $0["name"] as String }
    let copied = [
      "id", "student_id", "school_year", "grade", "class_name", "regime", "state", "payload", "digitization_case",
      "created_at", "updated_at",
    ]
    guard columns == copied else { throw StoreError.database(code: -1, context: "v4-signing: record columns") }
    let triggers = try Row.fetchAll(
      db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%record%' ORDER BY rowid")
    let indexes = try String.fetchAll(
      db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'record' AND sql IS NOT NULL")
    for trigger in triggers { try db.execute(sql: "DROP TRIGGER \(trigger["name"] as String)") }
    let list = copied.joined(separator: ", ")
    try db.execute(
      sql: """
        CREATE TABLE record_v4 (
          id INTEGER PRIMARY KEY,
          student_id INTEGER NOT NULL REFERENCES student(id),
          school_year TEXT NOT NULL,
          grade INTEGER NOT NULL,
          class_name TEXT NOT NULL,
          regime TEXT NOT NULL CHECK (regime IN \(SQLList.of(Regime.allCases))),
          state TEXT NOT NULL CHECK (state IN \(SQLList.of(RecordState.allCases))),
          payload TEXT NOT NULL,
          digitization_case TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
          supersedes_id INTEGER REFERENCES record(id),
          replacement_reason TEXT,
          CHECK ((version = 1 AND supersedes_id IS NULL AND replacement_reason IS NULL)
            OR (version > 1 AND supersedes_id IS NOT NULL AND length(trim(replacement_reason)) > 0)),
          UNIQUE (student_id, school_year, version)
        ) STRICT;
        INSERT INTO record_v4 (\(list)) SELECT \(list) FROM record;
        DROP TABLE record;
        ALTER TABLE record_v4 RENAME TO record;
        CREATE UNIQUE INDEX record_supersedes ON record(supersedes_id) WHERE supersedes_id IS NOT NULL;
        """)
    for index in indexes { try db.execute(sql: index) }
    let replaced = Dictionary(uniqueKeysWithValues: sealedRecordReplaceV4)
    for trigger in triggers {
      let name: String = trigger["name"]
      try db.execute(sql: replaced[name] ?? trigger["sql"])
    }
    try db.execute(
      sql: """
        CREATE TABLE staff_certificate (
          id INTEGER PRIMARY KEY,
          staff_id INTEGER NOT NULL REFERENCES staff(id),
          role TEXT NOT NULL CHECK (role IN \(SQLList.of(StaffRole.allCases))),
          fingerprint TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),
          subject TEXT NOT NULL,
          serial TEXT NOT NULL,
          issuer TEXT NOT NULL,
          not_after TEXT NOT NULL,
          der BLOB NOT NULL,
          added_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE trust_item (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN \(SQLList.of(TrustKind.allCases))),
          sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
          label TEXT NOT NULL,
          der BLOB NOT NULL,
          added_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE signed_document (
          record_id INTEGER PRIMARY KEY REFERENCES record(id),
          xml BLOB NOT NULL,
          sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
          updated_at TEXT NOT NULL
        ) STRICT;
        """)
    for statement in signedDocumentSealed { try db.execute(sql: statement) }
  }

  private static let sealed = SQLList.literal(RecordState.sealed.rawValue)

  /// The v1 sealed-replace triggers with the version in the collision test (a new version may be inserted).
  static var sealedRecordReplaceV4: [(String, String)] {
    func collides(except: String) -> String {
      "EXISTS (SELECT 1 FROM record AS sealed WHERE sealed.state = \(sealed)\(except) AND (sealed.id = NEW.id"
        + " OR (sealed.student_id = NEW.student_id AND sealed.school_year = NEW.school_year"
        + " AND sealed.version = NEW.version)))"
    }
    return [
      ("record_sealed_replace_insert", "INSERT", ""),
      ("record_sealed_replace_update", "UPDATE", " AND sealed.id <> OLD.id"),
    ].map { name, event, except in
      (
        name,
        """
        CREATE TRIGGER \(name) BEFORE \(event) ON record
        WHEN \(collides(except: except))
        BEGIN SELECT RAISE(ABORT, '\(TriggerMessage.sealed)'); END
        """
      )
    }
  }

  /// The signed bytes of a sealed record never change.
  static var signedDocumentSealed: [String] {
    func isSealed(_ row: String) -> String { "(SELECT state FROM record WHERE id = \(row).record_id) = \(sealed)" }
    return [
      ("insert", "INSERT", isSealed("NEW")), ("update", "UPDATE", "\(isSealed("OLD")) OR \(isSealed("NEW"))"),
      ("delete", "DELETE", isSealed("OLD")),
    ].map { name, event, condition in
      """
      CREATE TRIGGER signed_document_sealed_\(name) BEFORE \(event) ON signed_document
      WHEN \(condition)
      BEGIN SELECT RAISE(ABORT, '\(TriggerMessage.sealed)'); END
      """
    }
  }
}

/// What a trust-store item is.
public enum TrustKind: String, Sendable, Hashable, CaseIterable, Codable {
  /// A root CA (trust anchor).
  case anchor
  /// An intermediate (issuing) CA.
  case intermediate
  /// A certificate revocation list.
  case crl
}
