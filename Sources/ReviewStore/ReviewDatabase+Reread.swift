internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// Replaces the stored reading of a scan's pages with a new one (`import --redo`), in one transaction.
  ///
  /// Page rows keep their ids, so records, fields and crops that point at them stay valid; each page's fields are
  /// replaced. A page whose old reading is evidence of a record is marked `merge_pending` until its records have
  /// taken the new reading (`mergeReading`). Returns the stored outcome of each page, in the order given.
  public func rereadScan(scanID: Int64, pages: [PageEvidence], actor: String) throws(StoreError) -> [PageOutcome] {
    try write("rereadScan") { db in
      var outcomes: [PageOutcome] = []
      for evidence in pages {
        guard
          let pageID = try Int64.fetchOne(
            db, sql: "SELECT id FROM page WHERE scan_id = ? AND page_number = ?",
            arguments: [scanID, evidence.pageNumber])
        else {
          outcomes.append(try insertPage(db, evidence, actor: actor).outcome)
          continue
        }
        let (outcome, reason) = try storedOutcome(db, evidence, exceptPage: pageID)
        try db.execute(
          sql: """
            UPDATE page SET content_sha256 = ?, outcome = ?, kind = ?, template_id = ?, reason = ?, rotation = ?,
              skew = ?, orientation_uncertain = ?,
              merge_pending = EXISTS (SELECT 1 FROM field WHERE field.page_id = page.id)
            WHERE id = ?
            """,
          arguments: [
            outcome == .duplicate ? nil : evidence.contentSHA256, outcome.rawValue, evidence.kind,
            evidence.templateID, reason, evidence.rotation, evidence.skew, evidence.orientationUncertain ? 1 : 0,
            pageID,
          ])
        try db.execute(sql: "DELETE FROM page_field WHERE page_id = ?", arguments: [pageID])
        if outcome == .mapped { try insertPageFields(db, pageID: pageID, evidence.fields) }
        try appendAudit(
          db, actor: actor, entity: "page", entityID: pageID, action: "reread",
          new: "\(outcome.rawValue) \(evidence.kind ?? "-") fields=\(evidence.fields.count)")
        outcomes.append(outcome)
      }
      return outcomes
    }
  }

  /// Records with evidence on pages read again but not yet merged, each with those pages' ids (year page first).
  public func recordsAwaitingMerge() throws(StoreError) -> [(recordID: Int64, pageIDs: [Int64])] {
    try read("recordsAwaitingMerge") { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT DISTINCT field.record_id, page.id AS page_id, page.kind = 'info' AS is_info FROM field
          JOIN page ON page.id = field.page_id
          WHERE page.merge_pending = 1
          ORDER BY field.record_id, is_info, page.id
          """)
      var grouped: [(recordID: Int64, pageIDs: [Int64])] = []
      for row in rows {
        let recordID: Int64 = row["record_id"]
        if grouped.last?.recordID == recordID {
          grouped[grouped.count - 1].pageIDs.append(row["page_id"])
        } else {
          grouped.append((recordID, [row["page_id"]]))
        }
      }
      return grouped
    }
  }

  /// Clears the merge mark of pages whose records have all taken their new reading.
  public func finishMerge(pageIDs: Set<Int64>) throws(StoreError) {
    try write("finishMerge") { db in
      for id in pageIDs.sorted() {
        try db.execute(sql: "UPDATE page SET merge_pending = 0 WHERE id = ?", arguments: [id])
      }
    }
  }

  /// A copy of the whole database in memory, for a dry run: whatever is done to it is never written back.
  public func inMemoryCopy() throws(StoreError) -> ReviewDatabase {
    do {
      let queue = try DatabaseQueue(configuration: Self.configuration())
      try writer.backup(to: queue)
      return try ReviewDatabase(writer: queue)
    } catch {
      throw StoreError.from(error, context: "inMemoryCopy", recordID: nil)
    }
  }
}
