internal import GRDB

extension ReviewDatabase {
  /// Migration "v2-import": page outcomes and evidence, scan completion, and the quarantine list.
  static func createImportSchemaV2(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE scan ADD COLUMN complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1));
        ALTER TABLE page ADD COLUMN outcome TEXT NOT NULL DEFAULT 'mapped'
          CHECK (outcome IN \(SQLList.of(PageOutcome.allCases)));
        ALTER TABLE page ADD COLUMN kind TEXT;
        ALTER TABLE page ADD COLUMN template_id TEXT;
        ALTER TABLE page ADD COLUMN reason TEXT;
        ALTER TABLE page ADD COLUMN rotation INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE page ADD COLUMN skew REAL NOT NULL DEFAULT 0;
        ALTER TABLE page ADD COLUMN orientation_uncertain INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE page ADD COLUMN record_id INTEGER REFERENCES record(id);
        CREATE TABLE page_field (
          id INTEGER PRIMARY KEY,
          page_id INTEGER NOT NULL REFERENCES page(id) ON DELETE CASCADE,
          path TEXT NOT NULL,
          type TEXT NOT NULL,
          critical INTEGER NOT NULL CHECK (critical IN (0, 1)),
          raw_text TEXT NOT NULL,
          normalized_value TEXT,
          confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 100),
          box_x INTEGER NOT NULL, box_y INTEGER NOT NULL, box_w INTEGER NOT NULL, box_h INTEGER NOT NULL,
          crop_path TEXT,
          UNIQUE (page_id, path)
        ) STRICT;
        CREATE TABLE quarantine (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL,
          sha256 TEXT NOT NULL,  -- '' when the file could not be read at all
          reason TEXT NOT NULL,
          at TEXT NOT NULL,
          UNIQUE (path, sha256)
        ) STRICT;
        """)
  }
}
