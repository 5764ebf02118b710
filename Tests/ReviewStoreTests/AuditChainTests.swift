import GRDB
import HocBaCrypto
import HocBaModel
import HocBaSamples
import TestSupport
import Testing

@testable import ReviewStore

@Suite("Hash-chained audit log")
struct AuditChainTests {
  /// A database with a few writes of every kind: 3 + 3 + 1 + 1 + 1 + 1 + 1 = 11 audit rows.
  private func populate(_ database: ReviewDatabase) throws {
    let id = try database.insertRecord(SampleRecords.tt22Secondary, actor: "hoc-vu")  // student, record, state
    _ = try database.insertRecord(SampleRecords.tt22Upper, actor: "van-thu")  // student, record, state
    try database.transition(recordID: id, to: .inReview, actor: "hoc-vu", reason: nil)
    let field = try database.addField(FieldObservation(recordID: id, path: "bangDiem.toan.hk1"), actor: "ocr")
    try database.setFieldStatus(fieldID: field, to: .corrected, correctedValue: "6,6", actor: "gv", reason: "mực đỏ")
    _ = try database.addStaff(
      StaffMember(fullName: "Đỗ Văn Minh", role: .subjectTeacher, subjects: ["toan"]), actor: "ht")
    try database.configureSchool(
      SchoolConfiguration(
        name: "Trường THCS Đại An", code: "37001203", province: "Ninh Bình",
        signingPolicy: .principalAndSchool), actor: "ht")
  }

  @Test("each write appends rows in the same transaction and the chain verifies", arguments: StoreKind.allCases)
  func intact(kind: StoreKind) throws {
    try kind.withDatabase { database in
      try populate(database)
      #expect(try database.verifyAuditChain() == .intact(rows: 11))
      let rows = try database.rawRead { try Row.fetchAll($0, sql: "SELECT * FROM audit_log ORDER BY id") }
      #expect(rows.first?["prev_hash"] == String(repeating: "0", count: 64))
      for (previous, row) in zip(rows, rows.dropFirst()) {
        #expect(row["prev_hash"] == previous["hash"] as String)
      }
      let transition = try #require(
        rows.first { $0["action"] == "transition" && ($0["old_value"] as String?) == "imported" })
      #expect(transition["actor"] == "hoc-vu")
      #expect(transition["new_value"] == "in_review")
      #expect(transition["entity"] == "record")
      let at: String = transition["at"]
      #expect(at.hasSuffix("Z") && at.contains("T"))
      #expect(try database.auditHead()?.rowID == 11)
    }
  }

  @Test("the hash follows the documented formula")
  func hashFormula() throws {
    let database = try ReviewDatabase.makeInMemory()
    _ = try database.addStaff(StaffMember(fullName: "A", role: .clerk), actor: "ht")
    let row = try #require(try database.rawRead { try AuditRow.fetchOne($0, key: 1) })
    let fields: [String?] = ["1", row.at, "ht", "staff", "1", "insert", nil, row.newValue, nil]
    let canonical = fields.map { $0.map { "\($0.utf8.count):\($0)" } ?? "~" }.joined(separator: "\u{1E}")
    #expect(row.hash == SHA256.hex(String(repeating: "0", count: 64) + "\u{1F}" + canonical))
  }

  @Test("the audit log refuses UPDATE and DELETE", arguments: StoreKind.allCases)
  func appendOnly(kind: StoreKind) throws {
    try kind.withDatabase { database in
      try populate(database)
      for sql in ["UPDATE audit_log SET actor = 'x' WHERE id = 2", "DELETE FROM audit_log WHERE id = 2"] {
        let error = #expect(throws: DatabaseError.self) { try database.raw { try $0.execute(sql: sql) } }
        #expect(error?.message == "hocba:audit-append-only")
      }
      #expect(try database.verifyAuditChain() == .intact(rows: 11))
    }
  }

  @Test(
    "editing one row (trigger dropped, as with the sqlite3 CLI) breaks the chain at that row",
    arguments: StoreKind.allCases)
  func editedRow(kind: StoreKind) throws {
    try kind.withDatabase { database in
      try populate(database)
      try database.raw { db in
        try db.execute(sql: "DROP TRIGGER audit_log_no_update")
        try db.execute(sql: "UPDATE audit_log SET actor = 'someone-else' WHERE id = 5")
      }
      #expect(try database.verifyAuditChain() == .broken(rowID: 5, reason: .hashMismatch))
    }
  }

  @Test("re-hashing an edited row breaks the link to the next row", arguments: StoreKind.allCases)
  func rehashedRow(kind: StoreKind) throws {
    try kind.withDatabase { database in
      try populate(database)
      try database.raw { db in
        try db.execute(sql: "DROP TRIGGER audit_log_no_update")
        var row = try #require(try AuditRow.fetchOne(db, key: 5))
        row.reason = "forged"
        row.hash = ReviewDatabase.auditHash(of: row)
        try row.update(db)
      }
      #expect(try database.verifyAuditChain() == .broken(rowID: 6, reason: .prevHashMismatch))
    }
  }

  @Test("deleting a middle row or the last rows breaks the chain", arguments: StoreKind.allCases)
  func deletedRows(kind: StoreKind) throws {
    try kind.withDatabase { middle in
      try populate(middle)
      try middle.raw { db in
        try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
        try db.execute(sql: "DELETE FROM audit_log WHERE id = 4")
      }
      #expect(try middle.verifyAuditChain() == .broken(rowID: 4, reason: .missingRow))
    }
    try kind.withDatabase { tail in
      try populate(tail)
      try tail.raw { db in
        try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
        try db.execute(sql: "DELETE FROM audit_log WHERE id >= 10")
      }
      #expect(try tail.verifyAuditChain() == .broken(rowID: 10, reason: .missingRow))
      // A later write does not reuse the deleted ids, so the gap stays visible.
      _ = try tail.addStaff(StaffMember(fullName: "B", role: .clerk), actor: "ht")
      #expect(try tail.verifyAuditChain() == .broken(rowID: 10, reason: .missingRow))
    }
  }

  @Test("a refused write appends no audit row", arguments: StoreKind.allCases)
  func refusedWriteLeavesNoRow(kind: StoreKind) throws {
    try kind.withDatabase { database in
      try populate(database)
      #expect(throws: StoreError.self) { try database.insertRecord(SampleRecords.tt22Secondary, actor: "x") }
      #expect(throws: StoreError.self) { try database.transition(recordID: 1, to: .sealed, actor: "x", reason: nil) }
      #expect(try database.verifyAuditChain() == .intact(rows: 11))
    }
  }
}
