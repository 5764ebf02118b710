internal import GRDB

extension ReviewDatabase {
  /// Migration "v5-reread": what a second reading of a scan needs to merge into records without losing review work.
  ///
  /// - `field.decided_by_reviewer`: the value was set or confirmed by a person (a re-reading never replaces it);
  ///   fields written by a reviewer before this migration are those with a version and a decision.
  /// - `field.reread_flagged` / `field.reread_value`: a re-reading disagreed with the reviewer's value; the field
  ///   waits for a second look with both values shown.
  /// - `page.merge_pending`: the page was read again and its records have not yet taken the new reading (a run
  ///   killed between the two steps finishes the merge on the next run).
  static func createRereadSchemaV5(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE field ADD COLUMN decided_by_reviewer INTEGER NOT NULL DEFAULT 0
          CHECK (decided_by_reviewer IN (0, 1));
        ALTER TABLE field ADD COLUMN reread_flagged INTEGER NOT NULL DEFAULT 0 CHECK (reread_flagged IN (0, 1));
        ALTER TABLE field ADD COLUMN reread_value TEXT;
        ALTER TABLE page ADD COLUMN merge_pending INTEGER NOT NULL DEFAULT 0 CHECK (merge_pending IN (0, 1));
        """)
    // Sealed records' fields stay as they are: their triggers refuse any update, and a re-reading never merges
    // into a sealed record.
    try db.execute(
      sql: """
        UPDATE field SET decided_by_reviewer = 1
        WHERE version > 0 AND status <> 'pending'
          AND (SELECT state FROM record WHERE record.id = field.record_id) <> 'sealed'
        """)
  }
}
