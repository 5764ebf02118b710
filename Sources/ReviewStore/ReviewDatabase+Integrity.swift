import Foundation
internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// The states whose fields may be written: a record past review must be reopened first.
  public static let writableStates: Set<RecordState> = [.imported, .inReview]

  /// Refuses a write inside the caller's transaction unless the record is under review and the writer may write.
  ///
  /// A writer with a claim token must still hold a live claim with it (a station whose process stalled past the
  /// lease is refused even when nobody took the record over); any writer is refused while someone else holds a
  /// live claim. Scripts (`hocba set`) write without a token.
  func requireWritable(_ db: Database, recordID: Int64, claimToken: String?, now: Date) throws {
    let state = try Self.currentState(db, recordID: recordID)
    guard Self.writableStates.contains(state) else {
      throw ReviewError.notWritable(recordID: recordID, state: state)
    }
    let live = try Row.fetchOne(
      db, sql: "SELECT reviewer, token FROM claim WHERE record_id = ? AND expires_at > ?",
      arguments: [recordID, Self.timestamp(now)])
    if let live, live["token"] as String? != claimToken {
      throw ReviewError.claimedByOther(recordID: recordID, reviewer: live["reviewer"])
    }
    if claimToken != nil && live == nil { throw ReviewError.claimLost(recordID: recordID) }
  }

  /// Sends a reviewed or approved record back to review, with the reason in the audit log.
  ///
  /// Only after this can its fields be written again; a signed or sealed record is corrected by a new version
  /// instead (`hocba correct`).
  public func reopenRecord(_ recordID: Int64, reason: String, actor: String, now: Date = Date()) throws {
    let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !reason.isEmpty else { throw ReviewError.reasonMissing }
    try reviewWrite("reopenRecord", recordID: recordID) { db in
      let state = try Self.currentState(db, recordID: recordID)
      guard state == .reviewed || state == .approved else {
        throw ReviewError.notReopenable(recordID: recordID, state: state)
      }
      try db.execute(
        literal: """
          UPDATE record SET state = \(RecordState.inReview.rawValue), updated_at = \(Self.timestamp(now))
          WHERE id = \(recordID)
          """)
      try appendAudit(
        db, actor: actor, entity: "record", entityID: recordID, action: "reopen", old: state.rawValue,
        new: RecordState.inReview.rawValue, reason: reason)
    }
  }
}
