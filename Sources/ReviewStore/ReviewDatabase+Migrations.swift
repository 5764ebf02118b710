internal import GRDB
import HocBaModel

// Migrations are append-only and named. NEVER edit a migration that has shipped: add a new one ("v2-…") instead.
// Some DDL below is generated from Swift enums (RecordState, Regime, StaffRole, …) so the database and the code
// cannot disagree; if one of those enums (or RecordState.successors) changes, the shipped migration's SQL changes
// only for new databases, so the change MUST come with a new migration that drops and recreates the affected
// trigger (or rebuilds the table), generated the same way. `eraseDatabaseOnSchemaChange` stays false: the
// database is the school's archive and is never thrown away.
extension ReviewDatabase {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.eraseDatabaseOnSchemaChange = false
    migrator.registerMigration("v1-schema") { db in try createSchemaV1(db) }
    migrator.registerMigration("v1-triggers") { db in
      for statement in TriggerSQL.v1 { try db.execute(sql: statement) }
    }
    migrator.registerMigration("v2-import") { db in try createImportSchemaV2(db) }
    migrator.registerMigration("v3-review") { db in try createReviewSchemaV3(db) }
    migrator.registerMigration("v4-signing") { db in try createSigningSchemaV4(db) }
    migrator.registerMigration("v5-reread") { db in try createRereadSchemaV5(db) }
    // The school's RFC 3161 time-stamp authority (`hocba init --tsa`); NULL: no timestamps.
    migrator.registerMigration("v6-tsa") { db in
      try db.execute(
        sql: "ALTER TABLE school ADD COLUMN tsa_url TEXT CHECK (tsa_url IS NULL OR tsa_url LIKE 'http://%')")
    }
    // Records received from another school: signed originals and quarantined refusals (issue 16).
    migrator.registerMigration("v8-handover") { db in try createHandoverSchemaV8(db) }
    return migrator
  }

  private static func createSchemaV1(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE school (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          name TEXT NOT NULL,
          code TEXT NOT NULL,
          province TEXT NOT NULL,
          signing_policy TEXT NOT NULL CHECK (signing_policy IN \(SQLList.of(SigningPolicy.allCases)))
        ) STRICT;
        CREATE TABLE scan (
          id INTEGER PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
          file_name TEXT NOT NULL,
          page_count INTEGER NOT NULL CHECK (page_count >= 0),
          imported_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE page (
          id INTEGER PRIMARY KEY,
          scan_id INTEGER NOT NULL REFERENCES scan(id),
          page_number INTEGER NOT NULL CHECK (page_number >= 1),
          content_sha256 TEXT UNIQUE,
          UNIQUE (scan_id, page_number)
        ) STRICT;
        CREATE TABLE student (
          id INTEGER PRIMARY KEY,
          citizen_id TEXT UNIQUE,
          full_name TEXT NOT NULL,
          birth_date TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX student_without_citizen_id ON student(full_name, birth_date) WHERE citizen_id IS NULL;
        CREATE TABLE record (
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
          UNIQUE (student_id, school_year)
        ) STRICT;
        CREATE INDEX record_state ON record(state);
        CREATE TABLE field (
          id INTEGER PRIMARY KEY,
          record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
          page_id INTEGER REFERENCES page(id),
          path TEXT NOT NULL,
          raw_text TEXT,
          normalized_value TEXT,
          confidence REAL CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 100),
          box_x INTEGER, box_y INTEGER, box_w INTEGER, box_h INTEGER,
          crop_path TEXT,
          status TEXT NOT NULL CHECK (status IN \(SQLList.of(FieldStatus.allCases)))
        ) STRICT;
        CREATE INDEX field_record ON field(record_id);
        CREATE INDEX field_status ON field(status);
        CREATE TABLE finding (
          id INTEGER PRIMARY KEY,
          record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
          field_path TEXT,
          rule_code TEXT NOT NULL,
          severity TEXT NOT NULL CHECK (severity IN \(SQLList.of(FindingSeverity.allCases))),
          detail TEXT NOT NULL
        ) STRICT;
        CREATE INDEX finding_record ON finding(record_id);
        CREATE TABLE staff (
          id INTEGER PRIMARY KEY,
          full_name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN \(SQLList.of(StaffRole.allCases))),
          subjects TEXT NOT NULL DEFAULT '',
          active INTEGER NOT NULL CHECK (active IN (0, 1)),
          departed_on TEXT,
          CHECK (active = 1 OR departed_on IS NOT NULL)
        ) STRICT;
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          entity TEXT NOT NULL,
          entity_id INTEGER,
          action TEXT NOT NULL,
          old_value TEXT,
          new_value TEXT,
          reason TEXT,
          prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
          hash TEXT NOT NULL CHECK (length(hash) = 64)
        ) STRICT;
        """)
  }
}

/// SQL text built from Swift constants (enum raw values), never from user values.
enum SQLList {
  /// `('a', 'b', …)` for the raw values of `cases`; raw values are checked to be plain identifiers.
  static func of<T: RawRepresentable>(_ cases: some Sequence<T>) -> String where T.RawValue == String {
    "(" + cases.map { literal($0.rawValue) }.joined(separator: ", ") + ")"
  }

  /// A quoted SQL string literal for a constant identifier such as an enum raw value.
  static func literal(_ constant: String) -> String {
    precondition(
      constant.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") },
      "SQL constants are plain identifiers")
    return "'\(constant)'"
  }
}
