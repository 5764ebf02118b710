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
      #expect(applied == ["v1-schema", "v1-triggers", "v2-import", "v3-review", "v4-signing"])
    }
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
