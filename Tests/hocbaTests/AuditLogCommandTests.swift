import Foundation
import Testing

/// Issue 19 item 6: `hocba audit log` shows who changed what, when, old → new and why; values only on stdout.
@Suite(.serialized) struct AuditLogCommandTests {
  @Test func theLogShowsEachCorrectionWithItsOldAndNewValueAndReason() throws {
    let scratch = try Scratch()
    try ReviewCommandTests.makeDatabase(scratch.path("hocba.sqlite"), count: 2)
    let set = try CommandRunner.hocba(
      ["set", "1", "subjects.toan.secondTerm", "6,4", "--reason", "Sai so với sổ", "--actor", "Lan"], in: scratch.url)
    #expect(set.status == 0, "\(set.stderr)")
    let reopen = try CommandRunner.hocba(["reopen", "1", "--reason", "x"], in: scratch.url)
    #expect(reopen.status == 77)

    let log = try CommandRunner.hocba(["audit", "log", "--record", "1"], in: scratch.url)
    #expect(log.status == 0, "\(log.stderr)")
    let lines = log.stdout.split(separator: "\n").map(String.init)
    let correction = try #require(lines.first { $0.contains("subjects.toan.secondTerm") && $0.contains("review") })
    #expect(correction.contains("  Lan  "), "\(correction)")
    #expect(correction.contains("8.4 [pending] → 6.4 [corrected]"), "\(correction)")
    #expect(correction.contains("lý do: Sai so với sổ"), "\(correction)")
    #expect(correction.contains("(hồ sơ #1 · subjects.toan.secondTerm)"), "\(correction)")
    let insert = try #require(lines.first { $0.contains("record #1") && $0.contains(" insert") }, "\(log.stdout)")
    #expect(insert.contains("— → (nội dung hồ sơ)"), "\(insert)")
    #expect(!log.stdout.contains("{\""), "record contents are left out of the readable view")
    #expect(!log.stdout.contains("Học Sinh 1"), "rows of record 2 are not shown")
    #expect(!log.stderr.contains("6.4") && !log.stderr.contains("Nguyen"), "no value in diagnostics: \(log.stderr)")
    #expect(log.stderr.contains("dòng nhật ký"))

    let english = try CommandRunner.hocba(["audit", "log", "--record", "1", "--lang", "en"], in: scratch.url)
    #expect(english.stdout.contains("reason: Sai so với sổ"))
    #expect(english.stdout.contains("(record content)"))

    let json = try CommandRunner.hocba(["audit", "log", "--json"], in: scratch.url)
    #expect(json.status == 0, "\(json.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let row = try #require(rows.first { $0["field"] as? String == "subjects.toan.secondTerm" })
    #expect(row["actor"] as? String == "Lan")
    #expect(row["record"] as? Int == 1)
    #expect((row["old"] as? String)?.contains("\"value\":\"8.4\"") == true)
    #expect((row["new"] as? String)?.contains("\"value\":\"6.4\"") == true)
    #expect(row["reason"] as? String == "Sai so với sổ")
    #expect(rows.contains { $0["record"] as? Int == 2 })

    let missing = try CommandRunner.hocba(["audit", "log", "--record", "99"], in: scratch.url)
    #expect(missing.status == 66, "\(missing.stderr)")
  }
}
