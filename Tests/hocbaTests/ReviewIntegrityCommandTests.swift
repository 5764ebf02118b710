import Foundation
import HocBaModel
import ReviewStore
import Testing

/// Issue 19 through the built binary: no `hocba set` after review, `hocba reopen` with a reason.
@Suite(.serialized) struct ReviewIntegrityCommandTests {
  /// Record 1 decided field by field and approved by the reviewer (state reviewed).
  static func approvedDatabase(_ scratch: Scratch) throws {
    try ReviewCommandTests.makeDatabase(scratch.path("hocba.sqlite"))
    for (path, value) in [
      ("student.fullName", "Nguyễn Thị Thuỷ"), ("subjects.toan.secondTerm", "6,4"), ("subjects.toan.fullYear", "6,5"),
    ] {
      let set = try CommandRunner.hocba(["set", "1", path, value, "--reason", "Đối chiếu"], in: scratch.url)
      #expect(set.status == 0, "\(set.stderr)")
    }
    let approved = try CommandRunner.hocba(
      ["approve", "1", "--acknowledge-errors", "Sổ gốc ghi như vậy", "--actor", "Minh"], in: scratch.url)
    #expect(approved.status == 0, "\(approved.stderr)")
  }

  private func toanFirstTerm(_ scratch: Scratch) throws -> String? {
    let database = try ReviewDatabase.open(path: scratch.path("hocba.sqlite"))
    return try database.record(id: 1)?.record.subjects.first { $0.code == "toan" }?.firstTerm?.canonical
  }

  @Test func setAfterApprovalIsRefusedUntilTheRecordIsReopened() throws {
    let scratch = try Scratch()
    try Self.approvedDatabase(scratch)
    let refused = try CommandRunner.hocba(
      ["set", "1", "subjects.toan.firstTerm", "6,9", "--reason", "x", "--actor", "Lan"], in: scratch.url)
    #expect(refused.status == 77, "\(refused.stderr)")
    #expect(refused.stderr.contains("Hồ sơ #1 đã ở trạng thái “đã rà soát” nên không sửa được"), "\(refused.stderr)")
    #expect(refused.stderr.contains("hocba reopen 1 --reason"))
    #expect(try toanFirstTerm(scratch) == "6.6")
    let english = try CommandRunner.hocba(
      ["set", "1", "subjects.toan.firstTerm", "6,9", "--reason", "x", "--lang", "en"], in: scratch.url)
    #expect(english.status == 77)
    #expect(english.stderr.contains("Record #1 is “reviewed” and cannot be changed"), "\(english.stderr)")

    let noReason = try CommandRunner.hocba(["reopen", "1", "--reason", " "], in: scratch.url)
    #expect(noReason.status == 64, "\(noReason.stderr)")
    let reopened = try CommandRunner.hocba(
      ["reopen", "1", "--reason", "Phát hiện sai điểm Toán HK I", "--actor", "Lan"], in: scratch.url)
    #expect(reopened.status == 0, "\(reopened.stderr)")
    #expect(reopened.stderr.contains("Đã mở lại hồ sơ #1"))
    let again = try CommandRunner.hocba(["reopen", "1", "--reason", "lần hai"], in: scratch.url)
    #expect(again.status == 77, "\(again.stderr)")
    let set = try CommandRunner.hocba(
      ["set", "1", "subjects.toan.firstTerm", "6,9", "--reason", "Sai so với sổ", "--actor", "Lan"], in: scratch.url)
    #expect(set.status == 0, "\(set.stderr)")
    #expect(try toanFirstTerm(scratch) == "6.9")
    let database = try ReviewDatabase.open(path: scratch.path("hocba.sqlite"))
    #expect(try database.record(id: 1)?.state == .inReview)
    let reopen = try #require(try database.auditEntries(recordID: 1).first { $0.action == "reopen" })
    #expect(reopen.actor == "Lan" && reopen.reason == "Phát hiện sai điểm Toán HK I")
    #expect(try CommandRunner.hocba(["audit", "verify"], in: scratch.url).status == 0)
  }

  @Test func setAfterThePrincipalApprovedIsRefusedToo() throws {
    let scratch = try Scratch()
    try Self.approvedDatabase(scratch)
    #expect(
      try CommandRunner.hocba(["staff", "add", "--name", "Lê Văn Thành", "--role", "principal"], in: scratch.url)
        .status == 0)
    let principal = try CommandRunner.hocba(
      ["approve", "1", "--principal", "--actor", "Lê Văn Thành"], in: scratch.url)
    #expect(principal.status == 0, "\(principal.stderr)")
    let refused = try CommandRunner.hocba(
      ["set", "1", "subjects.toan.firstTerm", "6,9", "--reason", "x"], in: scratch.url)
    #expect(refused.status == 77, "\(refused.stderr)")
    #expect(refused.stderr.contains("đã phê duyệt"), "\(refused.stderr)")
    #expect(try toanFirstTerm(scratch) == "6.6")
  }
}
