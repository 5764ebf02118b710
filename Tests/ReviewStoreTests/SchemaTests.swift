import GRDB
import HocBaModel
import HocBaSamples
import TestSupport
import Testing

@testable import ReviewStore

@Suite("Schema and migrations")
struct SchemaTests {
  @Test("migrations from empty create every table", arguments: StoreKind.allCases)
  func migrationsCreateTables(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let tables = try database.rawRead { db in
        try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
      }
      let tables2 = ["page_field", "quarantine"]
      for table in ["school", "scan", "page", "student", "record", "field", "finding", "staff", "audit_log"] + tables2 {
        #expect(tables.contains(table), "missing table \(table)")
      }
      let applied = try database.rawRead { try ReviewDatabase.migrator.appliedMigrations($0) }
      #expect(
        applied == [
          "v1-schema", "v1-triggers", "v2-import", "v3-review", "v4-signing", "v5-reread", "v6-tsa", "v8-handover",
        ])
    }
  }

  @Test("v5 marks the fields reviewers had already decided, and only those")
  func rereadMigrationBackfillsReviewerDecisions() throws {
    let queue = try DatabaseQueue(configuration: ReviewDatabase.configuration())
    try ReviewDatabase.migrator.migrate(queue, upTo: "v4-signing")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO student (id, full_name, birth_date) VALUES (1, 'Học sinh mẫu', '2010-01-01');
          INSERT INTO record (id, student_id, school_year, grade, class_name, regime, state, payload,
            digitization_case, created_at, updated_at)
            VALUES (1, 1, '2023-2024', 8, '8A1', 'TT22', 'in_review', '{}', 'luu-tru', 'now', 'now');
          INSERT INTO field (record_id, path, status, version) VALUES
            (1, 'subjects.toan.firstTerm', 'corrected', 1),
            (1, 'subjects.toan.secondTerm', 'accepted', 2),
            (1, 'subjects.toan.fullYear', 'accepted', 0),
            (1, 'absences', 'pending', 0),
            (1, 'promotion', 'pending', 3);
          """)
    }
    _ = try ReviewDatabase(writer: queue)  // brings the schema up to date
    let decided = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT path FROM field WHERE decided_by_reviewer = 1 ORDER BY path")
    }
    #expect(decided == ["subjects.toan.firstTerm", "subjects.toan.secondTerm"])
  }

  @Test("foreign keys are on", arguments: StoreKind.allCases)
  func foreignKeysOn(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let enabled = try database.rawRead { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
      #expect(enabled == 1)
      let enabledForWriter = try database.raw { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
      #expect(enabledForWriter == 1)
    }
  }

  @Test("an on-disk database uses WAL and reopens without migrating again")
  func onDiskUsesWAL() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("review.sqlite")
    do {
      let database = try ReviewDatabase.open(path: path)
      let mode = try database.rawRead { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
      #expect(mode == "wal")
      _ = try database.insertRecord(SampleRecords.tt22Secondary, actor: "test")
    }
    let reopened = try ReviewDatabase.open(path: path)
    #expect(try reopened.records().count == 1)
    #expect(try reopened.verifyAuditChain() == .intact(rows: 3))
  }

  @Test("a path in a missing folder names the folder")
  func cannotOpen() {
    let path = "/nonexistent-hocba-dir/sub/review.sqlite"
    let expected = StoreError.openFailed(path: path, problem: .folderMissing(folder: "/nonexistent-hocba-dir/sub"))
    #expect(throws: expected) { try ReviewDatabase.open(path: path) }
    #expect(expected.message(in: .vietnamese).contains("thư mục /nonexistent-hocba-dir/sub không tồn tại"))
  }

  @Test("the state-machine trigger is generated from RecordState.allowedTransitions")
  func triggerIsGenerated() throws {
    let database = try ReviewDatabase.makeInMemory()
    let sql = try database.rawRead {
      try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'record_state_machine'")
    }
    let stored = try #require(sql)
    #expect(stored == TriggerSQL.stateMachine)
    for pair in RecordState.allowedTransitions {
      #expect(stored.contains("OLD.state = '\(pair.from.rawValue)' AND NEW.state = '\(pair.to.rawValue)'"))
    }
  }

  @Test("CHECK constraints refuse unknown enum values", arguments: StoreKind.allCases)
  func checkConstraints(kind: StoreKind) throws {
    try kind.withDatabase { database in
      #expect(throws: DatabaseError.self) {
        try database.raw {
          try $0.execute(
            sql: "INSERT INTO school (id, name, code, province, signing_policy) VALUES (1, 'a', 'b', 'c', 'nobody')")
        }
      }
      #expect(throws: DatabaseError.self) {
        try database.raw {
          try $0.execute(sql: "INSERT INTO staff (full_name, role, subjects, active) VALUES ('a', 'janitor', '', 1)")
        }
      }
    }
  }
}
