internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// Stores one OCR field of a record and returns its id; refused for a sealed record.
  public func addField(_ field: FieldObservation, actor: String) throws(StoreError) -> Int64 {
    try write("addField", recordID: field.recordID) { db in
      try requireRecord(db, field.recordID)
      var row = FieldRow(
        id: nil, recordID: field.recordID, pageID: field.pageID, path: field.path, rawText: field.rawText,
        normalizedValue: field.normalizedValue, confidence: field.confidence, boxX: field.box?.x,
        boxY: field.box?.y, boxW: field.box?.width, boxH: field.box?.height, cropPath: field.cropPath,
        status: field.status.rawValue)
      try row.insert(db)
      let id = try Self.insertedID(row.id)
      try appendAudit(db, actor: actor, entity: "field", entityID: id, action: "insert", new: try Self.auditJSON(row))
      return id
    }
  }

  /// The fields of a record, in id order.
  public func fields(recordID: Int64) throws(StoreError) -> [FieldObservation] {
    try read("fields", recordID: recordID) { db in
      try FieldRow.filter(Column("record_id") == recordID).order(Column("id")).fetchAll(db).map { row in
        var box: FieldBox?
        if let x = row.boxX, let y = row.boxY, let width = row.boxW, let height = row.boxH {
          box = FieldBox(x: x, y: y, width: width, height: height)
        }
        return FieldObservation(
          id: row.id, recordID: row.recordID, pageID: row.pageID, path: row.path, rawText: row.rawText,
          normalizedValue: row.normalizedValue, confidence: row.confidence, box: box, cropPath: row.cropPath,
          status: FieldStatus(rawValue: row.status) ?? .pending)
      }
    }
  }

  /// Records a reviewer's decision on a field, with the corrected value when there is one.
  public func setFieldStatus(
    fieldID: Int64, to status: FieldStatus, correctedValue: String? = nil, actor: String, reason: String? = nil
  ) throws(StoreError) {
    try write("setFieldStatus") { db in
      guard let original = try FieldRow.fetchOne(db, key: fieldID) else {
        throw StoreError.fieldNotFound(fieldID: fieldID)
      }
      var row = original
      row.status = status.rawValue
      if let correctedValue { row.normalizedValue = correctedValue }
      try refusingSealed(original.recordID) { try row.update(db) }
      try appendAudit(
        db, actor: actor, entity: "field", entityID: fieldID, action: "status",
        old: try Self.auditJSON(original), new: try Self.auditJSON(row), reason: reason)
    }
  }

  /// Attaches a consistency finding to a record and returns its id; refused for a sealed record.
  public func addFinding(_ finding: StoredFinding, actor: String) throws(StoreError) -> Int64 {
    try write("addFinding", recordID: finding.recordID) { db in
      try requireRecord(db, finding.recordID)
      var row = FindingRow(
        id: nil, recordID: finding.recordID, fieldPath: finding.fieldPath, ruleCode: finding.ruleCode,
        severity: finding.severity.rawValue, detail: finding.detail)
      try row.insert(db)
      let id = try Self.insertedID(row.id)
      try appendAudit(
        db, actor: actor, entity: "finding", entityID: id, action: "insert", new: try Self.auditJSON(row))
      return id
    }
  }

  /// The findings of a record, in id order.
  public func findings(recordID: Int64) throws(StoreError) -> [StoredFinding] {
    try read("findings", recordID: recordID) { db in
      try FindingRow.filter(Column("record_id") == recordID).order(Column("id")).fetchAll(db).map { row in
        StoredFinding(
          id: row.id, recordID: row.recordID, fieldPath: row.fieldPath, ruleCode: row.ruleCode,
          severity: FindingSeverity(rawValue: row.severity) ?? .error, detail: row.detail)
      }
    }
  }

  /// Record counts per state and the number of fields still pending review.
  public func statusSummary() throws(StoreError) -> StatusSummary {
    try read("statusSummary") { db in
      var counts = Dictionary(uniqueKeysWithValues: RecordState.allCases.map { ($0, 0) })
      for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM record GROUP BY state") {
        if let state = RecordState(rawValue: row["state"]) { counts[state] = row["n"] }
      }
      let pending =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM field WHERE status = ?", arguments: [FieldStatus.pending.rawValue]) ?? 0
      return StatusSummary(
        countsByState: counts, fieldsAwaitingReview: pending, records: counts.values.reduce(0, +))
    }
  }

  /// Registers a scan file by the SHA-256 of its bytes; a file seen before is reported, not stored again.
  public func registerScan(
    sha256: String, fileName: String, pageCount: Int, actor: String = "import"
  ) throws(StoreError) -> ScanRegistration {
    try write("registerScan") { db in
      if let id = try Int64.fetchOne(db, ScanRow.select(Column("id")).filter(Column("sha256") == sha256)) {
        return ScanRegistration(id: id, alreadyKnown: true)
      }
      var row = ScanRow(
        id: nil, sha256: sha256, fileName: fileName, pageCount: pageCount, importedAt: Self.timestamp())
      try row.insert(db)
      let id = try Self.insertedID(row.id)
      try appendAudit(db, actor: actor, entity: "scan", entityID: id, action: "insert", new: try Self.auditJSON(row))
      return ScanRegistration(id: id, alreadyKnown: false)
    }
  }

  /// Registers one page of a scan (1-based) with the hash of its decoded content, and returns the page id.
  public func addPage(
    scanID: Int64, pageNumber: Int, contentSHA256: String?, actor: String = "import"
  ) throws(StoreError) -> Int64 {
    try write("addPage") { db in
      var row = PageRow(id: nil, scanID: scanID, pageNumber: pageNumber, contentSHA256: contentSHA256)
      try row.insert(db)
      let id = try Self.insertedID(row.id)
      try appendAudit(db, actor: actor, entity: "page", entityID: id, action: "insert", new: try Self.auditJSON(row))
      return id
    }
  }

  // MARK: - Helpers

  private func requireRecord(_ db: Database, _ recordID: Int64) throws {
    guard try RecordRow.exists(db, key: recordID) else { throw StoreError.notFound(recordID: recordID) }
  }

  /// Runs `body`, turning the sealed-record trigger's refusal into `StoreError.sealed(recordID:)`.
  func refusingSealed<T>(_ recordID: Int64, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError where error.message == TriggerMessage.sealed {
      throw StoreError.sealed(recordID: recordID)
    }
  }
}
