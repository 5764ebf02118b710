internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// The progress of a scan already registered with this content hash, or nil for a new file.
  public func scanProgress(sha256: String) throws(StoreError) -> ScanProgress? {
    try read("scanProgress") { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT id, complete FROM scan WHERE sha256 = ?", arguments: [sha256])
      else { return nil }
      let id: Int64 = row["id"]
      let pages = try Int.fetchAll(db, sql: "SELECT page_number FROM page WHERE scan_id = ?", arguments: [id])
      return ScanProgress(scanID: id, complete: row["complete"] as Int == 1, savedPages: Set(pages))
    }
  }

  /// Saves one finished page and its fields in one transaction; a page already saved is left as it is.
  /// Returns the page id, or nil if the page was already saved (a resumed run).
  @discardableResult
  public func savePage(_ evidence: PageEvidence, actor: String) throws(StoreError) -> Int64? {
    try write("savePage") { db in
      if try Bool.fetchOne(
        db, sql: "SELECT 1 FROM page WHERE scan_id = ? AND page_number = ?",
        arguments: [evidence.scanID, evidence.pageNumber]) == true
      {
        return nil
      }
      return try insertPage(db, evidence, actor: actor).id
    }
  }

  /// The outcome a page is stored with: a page whose decoded content is already stored under another page id is a
  /// duplicate of it.
  func storedOutcome(_ db: Database, _ evidence: PageEvidence, exceptPage: Int64?) throws -> (PageOutcome, String?) {
    if let hash = evidence.contentSHA256,
      try Bool.fetchOne(
        db, sql: "SELECT 1 FROM page WHERE content_sha256 = ? AND id IS NOT ?", arguments: [hash, exceptPage]) == true
    {
      return (.duplicate, "identical-page")
    }
    return (evidence.outcome, evidence.reason)
  }

  /// Inserts a page and its fields inside the caller's transaction; returns its id and stored outcome.
  func insertPage(_ db: Database, _ evidence: PageEvidence, actor: String) throws -> (id: Int64, outcome: PageOutcome) {
    let (outcome, reason) = try storedOutcome(db, evidence, exceptPage: nil)
    try db.execute(
      sql: """
        INSERT INTO page (scan_id, page_number, content_sha256, outcome, kind, template_id, reason, rotation, skew,
          orientation_uncertain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        evidence.scanID, evidence.pageNumber, outcome == .duplicate ? nil : evidence.contentSHA256,
        outcome.rawValue, evidence.kind, evidence.templateID, reason, evidence.rotation, evidence.skew,
        evidence.orientationUncertain ? 1 : 0,
      ])
    let pageID = db.lastInsertedRowID
    if outcome == .mapped { try insertPageFields(db, pageID: pageID, evidence.fields) }
    try appendAudit(
      db, actor: actor, entity: "page", entityID: pageID, action: "import",
      new: "\(outcome.rawValue) \(evidence.kind ?? "-") fields=\(evidence.fields.count)")
    return (pageID, outcome)
  }

  /// Inserts the fields read on a page (the page's evidence, not yet any record's).
  func insertPageFields(_ db: Database, pageID: Int64, _ fields: [PageFieldEvidence]) throws {
    for field in fields {
      try db.execute(
        sql: """
          INSERT INTO page_field (page_id, path, type, critical, raw_text, normalized_value, confidence,
            box_x, box_y, box_w, box_h, crop_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          pageID, field.path, field.type, field.critical ? 1 : 0, field.rawText, field.normalizedValue,
          field.confidence, field.box.x, field.box.y, field.box.width, field.box.height, field.cropPath,
        ])
    }
  }

  /// Marks a scan as fully imported, so that a rerun reports it as already imported.
  public func completeScan(id: Int64, actor: String) throws(StoreError) {
    try write("completeScan") { db in
      try db.execute(sql: "UPDATE scan SET complete = 1 WHERE id = ?", arguments: [id])
      try appendAudit(db, actor: actor, entity: "scan", entityID: id, action: "complete")
    }
  }

  /// Sets a file aside with a reason code; recording the same file twice keeps one entry.
  public func quarantine(path: String, sha256: String?, reason: String, actor: String) throws(StoreError) {
    try write("quarantine") { db in
      try db.execute(
        sql: "INSERT OR IGNORE INTO quarantine (path, sha256, reason, at) VALUES (?, ?, ?, ?)",
        arguments: [path, sha256 ?? "", reason, Self.timestamp()])
      if db.changesCount > 0 {
        try appendAudit(
          db, actor: actor, entity: "quarantine", entityID: db.lastInsertedRowID, action: "insert", new: reason)
      }
    }
  }

  /// Every quarantined file, oldest first.
  public func quarantined() throws(StoreError) -> [QuarantineEntry] {
    try read("quarantined") { db in
      try Row.fetchAll(db, sql: "SELECT path, sha256, reason FROM quarantine ORDER BY id").map {
        let sha256: String = $0["sha256"]
        return QuarantineEntry(path: $0["path"], sha256: sha256.isEmpty ? nil : sha256, reason: $0["reason"])
      }
    }
  }

  /// Mapped pages with their fields: all of them, or only those not yet attached to a record.
  public func mappedPages(unassignedOnly: Bool) throws(StoreError) -> [StoredPage] {
    try pages(outcome: .mapped).filter { !unassignedOnly || $0.recordID == nil }
  }

  /// Saved pages with their fields, in file and page order; only those with `outcome` when given.
  public func pages(outcome: PageOutcome? = nil) throws(StoreError) -> [StoredPage] {
    try read("pages") { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT page.id, page.scan_id, scan.sha256, scan.file_name, page.page_number, page.kind, page.record_id,
            page.outcome
          FROM page JOIN scan ON scan.id = page.scan_id
          WHERE (? IS NULL OR page.outcome = ?)
          ORDER BY scan.file_name, page.page_number
          """, arguments: [outcome?.rawValue, outcome?.rawValue])
      return try rows.map { row in
        let id: Int64 = row["id"]
        return StoredPage(
          id: id, scanID: row["scan_id"], scanSHA256: row["sha256"], fileName: row["file_name"],
          pageNumber: row["page_number"], outcome: PageOutcome(rawValue: row["outcome"]) ?? .failed,
          kind: row["kind"], recordID: row["record_id"], fields: try pageFields(db, pageID: id))
      }
    }
  }

  /// Counts of pages per outcome, for the import summary.
  public func pageOutcomeCounts() throws(StoreError) -> [PageOutcome: Int] {
    try read("pageOutcomeCounts") { db in
      var counts: [PageOutcome: Int] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT outcome, count(*) AS n FROM page GROUP BY outcome") {
        if let outcome = PageOutcome(rawValue: row["outcome"]) { counts[outcome] = row["n"] }
      }
      return counts
    }
  }

  /// Marks a page as a duplicate of an existing record's page (a rescan of the same sheet).
  public func markDuplicate(pageID: Int64, reason: String, actor: String) throws(StoreError) {
    try write("markDuplicate") { db in
      try db.execute(
        sql: "UPDATE page SET outcome = 'duplicate', reason = ? WHERE id = ?", arguments: [reason, pageID])
      try appendAudit(db, actor: actor, entity: "page", entityID: pageID, action: "duplicate", new: reason)
    }
  }

  /// Creates a record from pages and attaches their fields as the record's evidence.
  ///
  /// Pages in `assigning` are marked as belonging to the record (the year page); an information page shared by
  /// several years lends its fields without being assigned. `pending(field)` decides which fields wait for a
  /// reviewer. Returns the new record's id.
  public func createRecord(
    _ record: SchoolYearRecord, fromPages pages: [StoredPage], assigning: Set<Int64>, actor: String,
    findings: [StoredFinding] = [], pending: (PageFieldEvidence) -> Bool
  ) throws(StoreError) -> Int64 {
    let payload = try Self.encodePayload(record, context: "createRecord")
    // One transaction: a kill leaves either no record or the record with all its evidence and findings.
    return try write("createRecord") { db in
      let id = try insertRecord(db, record, payload: payload, state: .imported, actor: actor)
      for page in pages {
        for field in page.fields {
          try db.execute(
            sql: """
              INSERT INTO field (record_id, page_id, path, raw_text, normalized_value, confidence, box_x, box_y,
                box_w, box_h, crop_path, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              id, page.id, field.path, field.rawText, field.normalizedValue, field.confidence, field.box.x,
              field.box.y, field.box.width, field.box.height, field.cropPath,
              pending(field) ? FieldStatus.pending.rawValue : FieldStatus.accepted.rawValue,
            ])
        }
        if assigning.contains(page.id) {
          try db.execute(sql: "UPDATE page SET record_id = ? WHERE id = ?", arguments: [id, page.id])
        }
      }
      for finding in findings {
        try db.execute(
          sql: "INSERT INTO finding (record_id, field_path, rule_code, severity, detail) VALUES (?, ?, ?, ?, ?)",
          arguments: [id, finding.fieldPath, finding.ruleCode, finding.severity.rawValue, finding.detail])
      }
      try appendAudit(
        db, actor: actor, entity: "record", entityID: id, action: "attach-pages",
        new: pages.map { String($0.id) }.joined(separator: ",") + " findings="
          + findings.map { "\($0.ruleCode):\($0.severity.rawValue)" }.joined(separator: ","))
      return id
    }
  }

  private func pageFields(_ db: Database, pageID: Int64) throws -> [PageFieldEvidence] {
    try Row.fetchAll(db, sql: "SELECT * FROM page_field WHERE page_id = ? ORDER BY id", arguments: [pageID]).map {
      PageFieldEvidence(
        path: $0["path"], type: $0["type"], critical: ($0["critical"] as Int) == 1, rawText: $0["raw_text"],
        normalizedValue: $0["normalized_value"], confidence: $0["confidence"],
        box: FieldBox(x: $0["box_x"], y: $0["box_y"], width: $0["box_w"], height: $0["box_h"]),
        cropPath: $0["crop_path"])
    }
  }
}
