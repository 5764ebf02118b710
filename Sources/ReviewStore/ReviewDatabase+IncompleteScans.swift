internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// Removes what earlier incomplete scans under `fileName` (another content than `sha256`) left behind, so that a
  /// rescanned file replaces a damaged one: their pages that no record uses go, and a scan with no page left goes
  /// too. A page a record already uses stays as that record's evidence, and its scan is closed (marked complete)
  /// so it is no longer reported as incomplete. Each removal is in the audit log.
  public func replaceIncompleteScans(fileName: String, keeping sha256: String, actor: String) throws(StoreError) {
    try write("replaceIncompleteScans") { db in
      let scans = try Int64.fetchAll(
        db, sql: "SELECT id FROM scan WHERE file_name = ? AND sha256 <> ? AND complete = 0",
        arguments: [fileName, sha256])
      for scanID in scans {
        try db.execute(
          sql: """
            DELETE FROM page WHERE scan_id = ? AND record_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM field WHERE field.page_id = page.id)
            """, arguments: [scanID])
        let removedPages = db.changesCount
        let remaining = try Int.fetchOne(db, sql: "SELECT count(*) FROM page WHERE scan_id = ?", arguments: [scanID])
        if remaining == 0 {
          try db.execute(sql: "DELETE FROM scan WHERE id = ?", arguments: [scanID])
        } else {
          try db.execute(sql: "UPDATE scan SET complete = 1 WHERE id = ?", arguments: [scanID])
        }
        try appendAudit(
          db, actor: actor, entity: "scan", entityID: scanID, action: "replace-incomplete",
          new: "pages-removed=\(removedPages) pages-kept=\(remaining ?? 0)")
      }
    }
  }
}
