import Foundation
import HocBaModel
import ReviewStore
import ReviewUI
import Testing

/// Claims with leases, optimistic field updates, the risk-ordered queue and approval rules.
struct ReviewStoreReviewTests {
  let patch: (SchoolYearRecord, String, String?) throws -> SchoolYearRecord = {
    try RecordFieldWriter.apply(path: $1, value: $2, to: $0)
  }

  @Test func claimExcludesOtherReviewersUntilTheLeaseExpires() throws {
    let made = try ReviewFixture.make()
    let database = made.database
    let start = Date()
    try database.claimRecord(made.recordID, reviewer: "Lan", token: "a", lease: 30, now: start)
    #expect(try database.record(id: made.recordID)?.state == .inReview)
    #expect(throws: ReviewError.claimedByOther(recordID: made.recordID, reviewer: "Lan")) {
      try database.claimRecord(
        made.recordID, reviewer: "Minh", token: "b", lease: 30, now: start.addingTimeInterval(10))
    }
    try database.claimRecord(made.recordID, reviewer: "Minh", token: "b", lease: 30, now: start.addingTimeInterval(31))
    #expect(try database.claimHolder(made.recordID, now: start.addingTimeInterval(32)) == "Minh")
  }

  @Test func staleUpdateIsRefusedAndNeverOverwritesANewerChange() throws {
    let made = try ReviewFixture.make()
    let database = made.database
    let field = try #require(
      try database.reviewFields(recordID: made.recordID).first { $0.observation.path == "subjects.toan.secondTerm" })
    let id = try #require(field.observation.id)
    try database.updateField(
      recordID: made.recordID, FieldUpdate(fieldID: id, expectedVersion: 0, value: "6.4", status: .corrected),
      actor: "Lan", claimToken: nil, patch: patch)
    #expect(throws: ReviewError.staleField(recordID: made.recordID, path: "subjects.toan.secondTerm")) {
      try database.updateField(
        recordID: made.recordID, FieldUpdate(fieldID: id, expectedVersion: 0, value: "9.0", status: .corrected),
        actor: "Minh", claimToken: nil, patch: patch)
    }
    let stored = try #require(try database.record(id: made.recordID))
    #expect(stored.record.subjects.first { $0.code == "toan" }?.secondTerm?.canonical == "6.4")
    let after = try database.reviewFields(recordID: made.recordID).first { $0.observation.id == id }
    #expect(after?.observation.normalizedValue == "6.4")
    #expect(after?.version == 1)
    #expect(after?.observation.status == .corrected)
  }

  @Test func updatesAreRefusedWhileAnotherReviewerHoldsTheRecord() throws {
    let made = try ReviewFixture.make()
    try made.database.claimRecord(made.recordID, reviewer: "Lan", token: "a", lease: 60)
    let field = try #require(try made.database.reviewFields(recordID: made.recordID).first)
    #expect(throws: ReviewError.claimedByOther(recordID: made.recordID, reviewer: "Lan")) {
      try made.database.updateField(
        recordID: made.recordID,
        FieldUpdate(fieldID: field.observation.id!, expectedVersion: 0, value: nil, status: .accepted),
        actor: "Minh", claimToken: "b", patch: patch)
    }
  }

  @Test func queueIsOrderedByErrorsThenConfidenceAndFiltered() throws {
    let made = try ReviewFixture.make(records: 3)
    let database = made.database
    let second = try database.reviewQueue()[1].recordID
    // Acknowledge the first record's error: it drops behind the records that still have one.
    let finding = try #require(try database.reviewFindings(recordID: made.recordID).first?.finding.id)
    try database.acknowledgeFinding(finding, recordID: made.recordID, reason: "Đã đối chiếu sổ gốc", actor: "Lan")
    let queue = try database.reviewQueue()
    #expect(queue.map(\.openErrors) == [1, 1, 0])
    #expect(queue.first?.recordID == second)
    #expect(queue.last?.recordID == made.recordID)
    #expect(try database.reviewQueue(ReviewQueueFilter(pageKind: "year-tt58-thcs")).isEmpty)
    #expect(try database.reviewQueue(ReviewQueueFilter(schoolYear: "2023-2024", className: "8A1")).count == 3)
  }

  @Test func approvalNeedsReviewedFieldsAndReasonsForErrors() throws {
    let made = try ReviewFixture.make()
    let database = made.database
    #expect(throws: ReviewError.approvalBlocked(recordID: made.recordID, pendingFields: 4, openErrors: 1)) {
      try database.approveRecord(made.recordID, actor: "Lan", claimToken: nil)
    }
    for field in try database.reviewFields(recordID: made.recordID) where field.observation.status == .pending {
      try database.updateField(
        recordID: made.recordID,
        FieldUpdate(
          fieldID: field.observation.id!, expectedVersion: field.version, value: field.observation.normalizedValue,
          status: .accepted), actor: "Lan", claimToken: nil, patch: patch)
    }
    let finding = try #require(try database.reviewFindings(recordID: made.recordID).first?.finding.id)
    try database.acknowledgeFinding(finding, recordID: made.recordID, reason: "Sổ gốc ghi như vậy", actor: "Lan")
    try database.approveRecord(made.recordID, actor: "Lan", claimToken: nil)
    let stored = try #require(try database.record(id: made.recordID))
    #expect(stored.state == .reviewed)
    #expect(stored.record.provenance.reviewers == ["Lan"])
    #expect(try database.verifyAuditChain() != nil)
  }
}
