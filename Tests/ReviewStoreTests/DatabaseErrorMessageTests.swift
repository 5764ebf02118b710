import GRDB
import HocBaModel
import Testing

@testable import ReviewStore

/// Database errors say what can help: a constraint failure is a bug (exit 70), never "try again".
@Suite("Database error messages")
struct DatabaseErrorMessageTests {
  @Test func aRealConstraintFailureIsAnInternalErrorNamingTheOperation() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "PRAGMA foreign_keys = ON")
      try db.execute(sql: "CREATE TABLE parent (id INTEGER PRIMARY KEY)")
      try db.execute(
        sql: "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id))")
    }
    var caught: (any Error)?
    do {
      try queue.write { db in try db.execute(sql: "INSERT INTO child (parent_id) VALUES (42)") }
    } catch {
      caught = error
    }
    let error = StoreError.from(try #require(caught), context: "reopenScan")
    #expect(error == .database(code: 787, context: "reopenScan"))
    #expect(error.kind == .internal)
    let vietnamese = error.message(in: .vietnamese)
    #expect(vietnamese.contains("reopenScan"))
    #expect(vietnamese.contains("Lỗi nội bộ"))
    #expect(vietnamese.contains("chạy lại sẽ không giúp"))
    #expect(!vietnamese.contains("thử lại"))
    #expect(error.message(in: .english).contains("running it again will not help"))
  }

  @Test func diskFullLockedAndDamagedSayWhatHelps() {
    let full = StoreError.database(code: 13, context: "savePage")
    #expect(full.kind == .io)
    #expect(full.message(in: .vietnamese).contains("Đĩa đầy"))
    #expect(full.message(in: .english).contains("free disk space"))
    let busy = StoreError.database(code: 5, context: "savePage")
    #expect(busy.message(in: .vietnamese).contains("chương trình khác"))
    let damaged = StoreError.database(code: 11, context: "savePage")
    #expect(damaged.message(in: .vietnamese).contains("bản sao lưu"))
    let readOnly = StoreError.database(code: 8, context: "savePage")
    #expect(readOnly.message(in: .english).contains("write permission"))
  }
}
