import Foundation
internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// Stores a new school-year record (creating or updating its student) and returns its id.
  ///
  /// The student is keyed by CCCD when the record has one, else by full name and birth date. A second record
  /// for the same student and school year is refused with `duplicateRecord`.
  public func insertRecord(
    _ record: SchoolYearRecord, state: RecordState = .imported, actor: String
  ) throws(StoreError) -> Int64 {
    let payload = try Self.encodePayload(record, context: "insertRecord")
    return try write("insertRecord") { db in
      try insertRecord(db, record, payload: payload, state: state, actor: actor)
    }
  }

  /// Inserts a record inside the caller's transaction (see `insertRecord(_:state:actor:)`).
  func insertRecord(
    _ db: Database, _ record: SchoolYearRecord, payload: String, state: RecordState, actor: String
  ) throws -> Int64 {
    let now = Self.timestamp()
    let studentID = try upsertStudent(db, record.student, actor: actor)
    if let existing = try recordID(db, studentID: studentID, schoolYear: record.schoolYear) {
      throw StoreError.duplicateRecord(existingRecordID: existing)
    }
    var row = RecordRow(
      id: nil, studentID: studentID, schoolYear: record.schoolYear.description, grade: record.grade,
      className: record.className, regime: record.regime.rawValue, state: state.rawValue, payload: payload,
      digitizationCase: record.provenance.digitizationCase.code, createdAt: now, updatedAt: now)
    try row.insert(db)
    let id = try Self.insertedID(row.id)
    try appendAudit(db, actor: actor, entity: "record", entityID: id, action: "insert", new: payload)
    try appendAudit(db, actor: actor, entity: "record", entityID: id, action: "transition", new: state.rawValue)
    return id
  }

  /// Replaces the content of a record that is not sealed; the database itself refuses sealed records.
  public func updateRecord(
    id: Int64, _ record: SchoolYearRecord, actor: String, reason: String?
  ) throws(StoreError) {
    let payload = try Self.encodePayload(record, context: "updateRecord")
    let now = Self.timestamp()
    try write("updateRecord", recordID: id) { db in
      guard var row = try RecordRow.fetchOne(db, key: id) else { throw StoreError.notFound(recordID: id) }
      // No Swift check for sealed: the UPDATE below is refused by the record_sealed_update trigger.
      let studentID = try upsertStudent(db, record.student, actor: actor)
      if let existing = try recordID(db, studentID: studentID, schoolYear: record.schoolYear), existing != id {
        throw StoreError.duplicateRecord(existingRecordID: existing)
      }
      let old = row.payload
      row.studentID = studentID
      row.schoolYear = record.schoolYear.description
      row.grade = record.grade
      row.className = record.className
      row.regime = record.regime.rawValue
      row.payload = payload
      row.digitizationCase = record.provenance.digitizationCase.code
      row.updatedAt = now
      try row.update(db)
      try appendAudit(
        db, actor: actor, entity: "record", entityID: id, action: "update", old: old, new: payload, reason: reason)
    }
  }

  /// Moves a record to `next` if `RecordState.successors` allows it; the database enforces the same machine.
  public func transition(
    recordID: Int64, to next: RecordState, actor: String, reason: String?
  ) throws(StoreError) {
    let now = Self.timestamp()
    try write("transition", recordID: recordID) { db in
      let current = try Self.currentState(db, recordID: recordID)
      guard current.canMove(to: next) else {
        throw StoreError.transitionRefused(recordID: recordID, from: current, to: next)
      }
      do {
        try db.execute(
          literal: "UPDATE record SET state = \(next.rawValue), updated_at = \(now) WHERE id = \(recordID)")
      } catch let error as DatabaseError where error.message == TriggerMessage.transitionRefused {
        throw StoreError.transitionRefused(recordID: recordID, from: current, to: next)
      }
      try appendAudit(
        db, actor: actor, entity: "record", entityID: recordID, action: "transition", old: current.rawValue,
        new: next.rawValue, reason: reason)
    }
  }

  /// The record with this id, or nil.
  public func record(id: Int64) throws(StoreError) -> StoredRecord? {
    try read("record", recordID: id) { db in
      try RecordRow.fetchOne(db, key: id).map(Self.storedRecord)
    }
  }

  /// Every record, in id order.
  public func records() throws(StoreError) -> [StoredRecord] {
    try read("records") { db in
      try RecordRow.order(Column("id")).fetchAll(db).map(Self.storedRecord)
    }
  }

  // MARK: - Helpers

  /// Finds the student of `identity` (by CCCD, else by name and birth date) or creates it; returns its id.
  private func upsertStudent(_ db: Database, _ identity: StudentIdentity, actor: String) throws -> Int64 {
    let birthDate = identity.birthDate.iso
    let byNameAndBirth = StudentRow.filter(Column("full_name") == identity.fullName)
      .filter(Column("birth_date") == birthDate)
    if let citizenID = identity.citizenID?.digits {
      var match = try StudentRow.filter(Column("citizen_id") == citizenID).fetchOne(db)
      if match == nil {
        // A student first stored without a CCCD gets it now rather than becoming a second student.
        match = try byNameAndBirth.filter(Column("citizen_id") == nil).fetchOne(db)
      }
      if let original = match {
        var row = original
        row.citizenID = citizenID
        row.fullName = identity.fullName
        row.birthDate = birthDate
        let id = try Self.insertedID(row.id)
        if try row.updateChanges(db, from: original) {
          try appendAudit(
            db, actor: actor, entity: "student", entityID: id, action: "update", old: try Self.auditJSON(original),
            new: try Self.auditJSON(row))
        }
        return id
      }
    } else {
      if let row = try byNameAndBirth.filter(Column("citizen_id") == nil).fetchOne(db) {
        return try Self.insertedID(row.id)
      }
      let withCitizenID = try byNameAndBirth.fetchAll(db)
      if withCitizenID.count == 1 { return try Self.insertedID(withCitizenID[0].id) }
    }
    var row = StudentRow(
      id: nil, citizenID: identity.citizenID?.digits, fullName: identity.fullName, birthDate: birthDate)
    try row.insert(db)
    let id = try Self.insertedID(row.id)
    try appendAudit(db, actor: actor, entity: "student", entityID: id, action: "insert", new: try Self.auditJSON(row))
    return id
  }

  private func recordID(_ db: Database, studentID: Int64, schoolYear: SchoolYear) throws -> Int64? {
    try Int64.fetchOne(
      db,
      RecordRow.select(Column("id")).filter(Column("student_id") == studentID)
        .filter(Column("school_year") == schoolYear.description).order(Column("version").desc))
  }

  static func storedRecord(_ row: RecordRow) throws -> StoredRecord {
    let id = try insertedID(row.id)
    guard let record = try? JSONDecoder().decode(SchoolYearRecord.self, from: Data(row.payload.utf8)) else {
      throw StoreError.payloadUnreadable(recordID: id)
    }
    return StoredRecord(id: id, state: try state(row.state, recordID: id), record: record, updatedAt: row.updatedAt)
  }

  /// The stored state of a record, inside a transaction; `notFound` when there is no such record.
  static func currentState(_ db: Database, recordID: Int64) throws -> RecordState {
    guard let raw = try String.fetchOne(db, sql: "SELECT state FROM record WHERE id = ?", arguments: [recordID])
    else { throw StoreError.notFound(recordID: recordID) }
    return try state(raw, recordID: recordID)
  }

  static func state(_ raw: String, recordID: Int64) throws(StoreError) -> RecordState {
    guard let state = RecordState(rawValue: raw) else { throw .payloadUnreadable(recordID: recordID) }
    return state
  }

  /// The payload column: the record as JSON with sorted keys, so equal records store equal text.
  static func encodePayload(_ record: SchoolYearRecord, context: String) throws(StoreError) -> String {
    do {
      return try auditJSON(record)
    } catch {
      throw .database(code: -1, context: context)
    }
  }

  /// The id GRDB assigned on insert (always set for a row read from or inserted into the database).
  static func insertedID(_ id: Int64?) throws -> Int64 {
    guard let id else { throw StoreError.database(code: -1, context: "row id") }
    return id
  }
}
