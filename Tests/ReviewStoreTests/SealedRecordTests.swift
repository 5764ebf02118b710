import GRDB
import HocBaModel
import HocBaSamples
import TestSupport
import Testing

@testable import ReviewStore

@Suite("Sealed records are immutable in the database")
struct SealedRecordTests {
  /// Runs raw SQL and asserts that SQLite's sealed trigger refused it (not a Swift check).
  private func expectSealedTrigger(
    _ database: ReviewDatabase, _ sql: String, _ arguments: StatementArguments,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    do {
      try database.raw { try $0.execute(sql: sql, arguments: arguments) }
      Issue.record("SQLite accepted: \(sql)", sourceLocation: sourceLocation)
    } catch let error as DatabaseError {
      #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER, sourceLocation: sourceLocation)
      #expect(error.message == "hocba:sealed", sourceLocation: sourceLocation)
    } catch {
      Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
  }

  @Test("raw UPDATE and DELETE of a sealed record fail with the trigger error", arguments: StoreKind.allCases)
  func rawUpdateAndDelete(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let id = try database.insert(SampleRecords.tt22Secondary, walkingTo: .sealed)
      expectSealedTrigger(database, "UPDATE record SET class_name = '9Z' WHERE id = ?", [id])
      expectSealedTrigger(database, "UPDATE record SET state = 'in_review' WHERE id = ?", [id])
      expectSealedTrigger(database, "DELETE FROM record WHERE id = ?", [id])
      let stored = try #require(try database.record(id: id))
      #expect(stored.state == .sealed)
      #expect(stored.record == SampleRecords.tt22Secondary)
    }
  }

  @Test("updateRecord on a sealed record maps to .sealed", arguments: StoreKind.allCases)
  func updateRecordMapsToSealed(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let id = try database.insert(SampleRecords.tt22Secondary, walkingTo: .sealed)
      var changed = SampleRecords.tt22Secondary
      changed.className = "8A2"
      let auditBefore = try database.auditHead()
      #expect(throws: StoreError.sealed(recordID: id)) {
        try database.updateRecord(id: id, changed, actor: "x", reason: "thử")
      }
      #expect(try database.auditHead() == auditBefore)
      #expect(try database.record(id: id)?.record.className == "8A1")
    }
  }

  @Test("fields and findings of a sealed record cannot be added, changed or removed", arguments: StoreKind.allCases)
  func childrenOfSealedRecord(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let id = try database.insert(SampleRecords.tt22Secondary, walkingTo: .signing)
      let fieldID = try database.addField(FieldObservation(recordID: id, path: "bangDiem.toan.hk1"), actor: "ocr")
      _ = try database.addFinding(
        StoredFinding(recordID: id, ruleCode: "R1", severity: .info, detail: "d"), actor: "rules")
      try database.transition(recordID: id, to: .sealed, actor: "ky-so", reason: nil)

      #expect(throws: StoreError.sealed(recordID: id)) {
        try database.addField(FieldObservation(recordID: id, path: "bangDiem.toan.hk2"), actor: "ocr")
      }
      #expect(throws: StoreError.sealed(recordID: id)) {
        try database.setFieldStatus(fieldID: fieldID, to: .accepted, actor: "gv")
      }
      #expect(throws: StoreError.sealed(recordID: id)) {
        try database.addFinding(StoredFinding(recordID: id, ruleCode: "R2", severity: .error, detail: "d"), actor: "r")
      }
      expectSealedTrigger(database, "INSERT INTO field (record_id, path, status) VALUES (?, 'x', 'pending')", [id])
      expectSealedTrigger(database, "UPDATE field SET raw_text = 'x' WHERE record_id = ?", [id])
      expectSealedTrigger(database, "DELETE FROM field WHERE record_id = ?", [id])
      expectSealedTrigger(database, "UPDATE finding SET detail = 'x' WHERE record_id = ?", [id])
      expectSealedTrigger(database, "DELETE FROM finding WHERE record_id = ?", [id])
      // Moving a field of another record onto the sealed one is refused too.
      let other = try database.insertRecord(SampleRecords.tt22Upper, actor: "x")
      let otherField = try database.addField(FieldObservation(recordID: other, path: "p"), actor: "ocr")
      expectSealedTrigger(database, "UPDATE field SET record_id = ? WHERE id = ?", [id, otherField])
      #expect(try database.fields(recordID: id).count == 1)
      #expect(try database.findings(recordID: id).count == 1)
    }
  }

  @Test("a record that is not sealed can be edited, and deleting it cascades to its fields")
  func unsealedRecordIsEditable() throws {
    let database = try ReviewDatabase.makeInMemory()
    let id = try database.insert(SampleRecords.tt22Upper, walkingTo: .approved)
    var changed = SampleRecords.tt22Upper
    changed.absences = 3
    try database.updateRecord(id: id, changed, actor: "hoc-vu", reason: "đối chiếu sổ điểm danh")
    #expect(try database.record(id: id)?.record.absences == 3)
    _ = try database.addField(FieldObservation(recordID: id, path: "p"), actor: "ocr")
    try database.raw { try $0.execute(sql: "DELETE FROM record WHERE id = ?", arguments: [id]) }
    #expect(try database.fields(recordID: id).isEmpty)
  }
}

@Suite("Sealed records cannot be removed through REPLACE conflicts")
struct SealedReplaceTests {
  @Test("INSERT OR REPLACE / UPDATE OR REPLACE onto a sealed record's keys is refused", arguments: StoreKind.allCases)
  func replaceRefused(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let sealed = try database.insert(SampleRecords.tt22Secondary, walkingTo: .signing)
      let sealedField = try database.addField(FieldObservation(recordID: sealed, path: "a"), actor: "ocr")
      let sealedFinding = try database.addFinding(
        StoredFinding(recordID: sealed, ruleCode: "R", severity: .info, detail: "d"), actor: "rules")
      try database.transition(recordID: sealed, to: .sealed, actor: "ky-so", reason: nil)
      let open = try database.insertRecord(SampleRecords.tt22Upper, actor: "x")
      let openField = try database.addField(FieldObservation(recordID: open, path: "b"), actor: "ocr")

      let statements: [(String, StatementArguments)] = [
        (
          """
          INSERT OR REPLACE INTO record (id, student_id, school_year, grade, class_name, regime, state, payload,
            digitization_case, created_at, updated_at)
          SELECT id, student_id, school_year, grade, class_name, regime, 'imported', '{}', digitization_case,
            created_at, updated_at FROM record WHERE id = ?
          """, [sealed]
        ),
        (
          """
          UPDATE OR REPLACE record SET student_id = (SELECT student_id FROM record WHERE id = ?),
            school_year = (SELECT school_year FROM record WHERE id = ?) WHERE id = ?
          """, [sealed, sealed, open]
        ),
        ("UPDATE OR REPLACE record SET id = ? WHERE id = ?", [sealed, open]),
        ("REPLACE INTO field (id, record_id, path, status) VALUES (?, ?, 'x', 'pending')", [sealedField, open]),
        ("UPDATE OR REPLACE field SET id = ? WHERE id = ?", [sealedField, openField]),
        (
          "REPLACE INTO finding (id, record_id, rule_code, severity, detail) VALUES (?, ?, 'R', 'info', 'x')",
          [sealedFinding, open]
        ),
      ]
      for (sql, arguments) in statements {
        do {
          try database.raw { try $0.execute(sql: sql, arguments: arguments) }
          Issue.record("SQLite accepted: \(sql)")
        } catch let error as DatabaseError {
          #expect(error.message == "hocba:sealed", "\(sql)")
        }
      }
      let stored = try #require(try database.record(id: sealed))
      #expect(stored.state == .sealed && stored.record == SampleRecords.tt22Secondary)
      #expect(try database.fields(recordID: sealed).map(\.path) == ["a"])
      #expect(try database.findings(recordID: sealed).count == 1)
    }
  }
}
