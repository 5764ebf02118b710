import Foundation
import HocBaModel
import ReviewStore
import ReviewUI
import TestSupport
import Testing

/// Issue 19: no field write after review, and no write from a station whose claim is gone.
struct ReviewIntegrityTests {
  let patch: (SchoolYearRecord, String, String?) throws -> SchoolYearRecord = {
    try RecordFieldWriter.apply(path: $1, value: $2, to: $0)
  }

  private func field(_ database: ReviewDatabase, _ recordID: Int64, _ path: String) throws -> ReviewField {
    try #require(try database.reviewFields(recordID: recordID).first { $0.observation.path == path })
  }

  private func toan(_ database: ReviewDatabase, _ recordID: Int64) throws -> String? {
    try database.record(id: recordID)?.record.subjects.first { $0.code == "toan" }?.firstTerm?.canonical
  }

  /// Two stations on one database file with a 3-second lease: Lan stalls, Minh takes over, decides every field and
  /// approves; Lan's edit when her process resumes is refused and nothing is stored.
  @Test func staleStationCannotWriteARecordAnotherReviewerApproved() throws {
    let folder = try TemporaryDirectory()
    let made = try ReviewFixture.make(onDisk: folder.path("hocba.sqlite"))
    let lan = made.database
    let minh = try ReviewDatabase.open(path: folder.path("hocba.sqlite"))
    let id = made.recordID
    let start = Date()
    try lan.claimRecord(id, reviewer: "Lan", token: "lan", lease: 3, now: start)
    let toanField = try field(lan, id, "subjects.toan.firstTerm")
    // Lan's process stalls past the lease; Minh opens the record and finishes it.
    try minh.claimRecord(id, reviewer: "Minh", token: "minh", lease: 120, now: start.addingTimeInterval(4))
    try finishReview(minh, id, claimToken: "minh", now: start.addingTimeInterval(5))
    let auditBefore = try auditRows(minh)
    // Lan resumes: e, 5,0, Enter on Toán HK I.
    #expect(throws: ReviewError.notWritable(recordID: id, state: .reviewed)) {
      try lan.updateField(
        recordID: id,
        FieldUpdate(
          fieldID: toanField.observation.id!, expectedVersion: toanField.version, value: "5.0", status: .corrected),
        actor: "Lan", claimToken: "lan", now: start.addingTimeInterval(6), patch: patch)
    }
    #expect(try toan(minh, id) == "6.6")
    #expect(try field(minh, id, "subjects.toan.firstTerm").observation.normalizedValue == "6.6")
    #expect(try minh.record(id: id)?.state == .reviewed)
    #expect(try auditRows(minh) == auditBefore)
  }

  /// A station whose own claim ran out is told so and its edit is refused, even when nobody took the record.
  @Test func expiredOwnClaimRefusesTheEditAndStoresNothing() throws {
    let made = try ReviewFixture.make()
    let database = made.database
    let start = Date()
    try database.claimRecord(made.recordID, reviewer: "Lan", token: "lan", lease: 3, now: start)
    let target = try field(database, made.recordID, "subjects.toan.firstTerm")
    #expect(throws: ReviewError.claimLost(recordID: made.recordID)) {
      try database.updateField(
        recordID: made.recordID,
        FieldUpdate(fieldID: target.observation.id!, expectedVersion: target.version, value: "5.0", status: .corrected),
        actor: "Lan", claimToken: "lan", now: start.addingTimeInterval(4), patch: patch)
    }
    #expect(try toan(database, made.recordID) == "6.6")
    #expect(try field(database, made.recordID, "subjects.toan.firstTerm").version == target.version)
    #expect(
      ReviewError.claimLost(recordID: 1).message(in: .vietnamese).contains("KHÔNG được lưu"))
  }

  /// A reviewed record is written again only after an audited reopen with a reason; undo goes the same way.
  @Test func reviewedRecordIsWrittenOnlyAfterAReopenWithAReason() throws {
    let made = try ReviewFixture.make()
    let database = made.database
    let id = made.recordID
    try finishReview(database, id, claimToken: nil, now: Date())
    let target = try field(database, id, "subjects.toan.firstTerm")
    let update = FieldUpdate(
      fieldID: target.observation.id!, expectedVersion: target.version, value: "6.9", status: .corrected,
      reason: "x")
    #expect(throws: ReviewError.notWritable(recordID: id, state: .reviewed)) {
      try database.updateField(recordID: id, update, actor: "Lan", claimToken: nil, patch: patch)
    }
    #expect(throws: ReviewError.notWritable(recordID: id, state: .reviewed)) {
      try database.acknowledgeFinding(1, recordID: id, reason: "muộn", actor: "Lan")
    }
    #expect(throws: ReviewError.reasonMissing) { try database.reopenRecord(id, reason: "  ", actor: "Lan") }
    #expect(try database.record(id: id)?.state == .reviewed)
    try database.reopenRecord(id, reason: "Phát hiện sai điểm Toán", actor: "Lan")
    #expect(try database.record(id: id)?.state == .inReview)
    #expect(throws: ReviewError.notReopenable(recordID: id, state: .inReview)) {
      try database.reopenRecord(id, reason: "lần hai", actor: "Lan")
    }
    try database.updateField(recordID: id, update, actor: "Lan", claimToken: nil, patch: patch)
    #expect(try toan(database, id) == "6.9")
    let reopen = try #require(try database.auditEntries(recordID: id).first { $0.action == "reopen" })
    #expect(reopen.actor == "Lan")
    #expect(reopen.reason == "Phát hiện sai điểm Toán")
    #expect(reopen.oldValue == "reviewed")
  }

  /// Minh accepts every pending field, acknowledges every error and approves the record.
  private func finishReview(_ database: ReviewDatabase, _ id: Int64, claimToken: String?, now: Date) throws {
    for item in try database.reviewFields(recordID: id) where item.observation.status == .pending {
      try database.updateField(
        recordID: id,
        FieldUpdate(
          fieldID: item.observation.id!, expectedVersion: item.version, value: item.observation.normalizedValue,
          status: .accepted),
        actor: "Minh", claimToken: claimToken, now: now, patch: patch)
    }
    for item in try database.reviewFindings(recordID: id) where item.finding.severity == .error {
      try database.acknowledgeFinding(item.finding.id!, recordID: id, reason: "Sổ gốc ghi như vậy", actor: "Minh")
    }
    try database.approveRecord(id, actor: "Minh", claimToken: claimToken)
  }

  private func auditRows(_ database: ReviewDatabase) throws -> Int {
    if case .intact(let rows) = try database.verifyAuditChain() { return rows }
    return -1
  }
}
