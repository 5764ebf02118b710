import ReviewUI

extension ReviewSession {
  /// The fields of a group across the records of the queue (the session's filter), in queue then field order.
  ///
  /// Records held by another reviewer are included read-only (`claimedBy`); their decisions would be refused by
  /// the store anyway. A record that cannot be loaded is left out.
  func groupEntries(_ key: GroupKey) throws -> [GroupEntry] {
    try queue().flatMap { item -> [GroupEntry] in
      guard let record = try? snapshot(item.recordID) else { return [] }
      return key.entries(in: record, studentName: item.studentName, claimedBy: item.claimedBy, language: language)
    }
  }
}
