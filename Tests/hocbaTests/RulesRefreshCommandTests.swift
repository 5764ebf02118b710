import Foundation
import HocBaModel
import ReviewStore
import Testing

/// Issue 19 item 2 through the built binary: `hocba set` re-runs the record's rules in the same write.
@Suite(.serialized) struct RulesRefreshCommandTests {
  private func openErrors(_ scratch: Scratch) throws -> [String] {
    let database = try ReviewDatabase.open(path: scratch.path("hocba.sqlite"))
    return try database.reviewFindings(recordID: 1).filter {
      $0.finding.severity == .error && $0.acknowledgement == nil
    }.map(\.finding.ruleCode)
  }

  /// Consistent scores clear the finding stored at import (C02); Toán HK II 7,5 with Cả năm 6,5 brings C2 at once, beside
  /// Toán's fields, and approval is refused until the error has a reason.
  @Test func setRerunsTheRulesAndApprovalWaitsForTheNewError() throws {
    let scratch = try Scratch()
    try ReviewCommandTests.makeDatabase(scratch.path("hocba.sqlite"))
    #expect(try openErrors(scratch) == ["C02"])
    for (path, value) in [
      ("student.fullName", "Nguyễn Thị Thuỷ"), ("subjects.toan.secondTerm", "6,4"), ("subjects.toan.fullYear", "6,5"),
    ] {
      let set = try CommandRunner.hocba(["set", "1", path, value, "--reason", "Đối chiếu"], in: scratch.url)
      #expect(set.status == 0, "\(set.stderr)")
    }
    #expect(try openErrors(scratch) == [])

    let broken = try CommandRunner.hocba(
      ["set", "1", "subjects.toan.secondTerm", "7,5", "--reason", "Sai so với sổ"], in: scratch.url)
    #expect(broken.status == 0, "\(broken.stderr)")
    #expect(broken.stderr.contains("1 lỗi chưa ghi lý do (C2)"), "\(broken.stderr)")
    #expect(try openErrors(scratch) == ["C2"])
    let database = try ReviewDatabase.open(path: scratch.path("hocba.sqlite"))
    let c2 = try #require(try database.reviewFindings(recordID: 1).first { $0.finding.ruleCode == "C2" })
    #expect(c2.finding.paths.contains("subjects.toan.fullYear"))
    #expect(c2.finding.paths.contains("subjects.toan.secondTerm"))
    let refused = try CommandRunner.hocba(["approve", "1"], in: scratch.url)
    #expect(refused.status == 77, "\(refused.stderr)")
    #expect(refused.stderr.contains("1 lỗi chưa ghi lý do"), "\(refused.stderr)")
    #expect(try database.record(id: 1)?.state != .reviewed)

    let approved = try CommandRunner.hocba(
      ["approve", "1", "--acknowledge-errors", "Sổ gốc ghi như vậy"], in: scratch.url)
    #expect(approved.status == 0, "\(approved.stderr)")
    #expect(try CommandRunner.hocba(["audit", "verify"], in: scratch.url).status == 0)
  }
}
