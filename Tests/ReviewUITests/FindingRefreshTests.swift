import Foundation
import HocBaModel
import ReviewStore
import ReviewUI
import TestSupport
import Testing

/// Issue 19 item 2: a field write re-runs the record's rules and replaces its findings in the same transaction.
struct FindingRefreshTests {
  let patch: (SchoolYearRecord, String, String?) throws -> SchoolYearRecord = {
    try RecordFieldWriter.apply(path: $1, value: $2, to: $0)
  }

  struct RulesFailed: Error {}

  /// A stand-in for the rule book: C02 on Toán while HK II is not the sample's 6,4.
  static func toanRule(_ record: SchoolYearRecord, _ recordID: Int64) -> [StoredFinding] {
    guard let toan = record.subjects.first(where: { $0.code == "toan" }), toan.secondTerm?.canonical != "6.4" else {
      return []
    }
    return [
      StoredFinding(
        recordID: recordID, fieldPath: "subjects.toan.fullYear", ruleCode: "C02", severity: .error,
        detail: "Toán: cả năm không khớp (HK I + 2 × HK II) / 3.")
    ]
  }

  private func write(
    _ database: ReviewDatabase, _ id: Int64, _ path: String, _ value: String, findings: @escaping FindingEvaluation
  ) throws {
    let target = try #require(try database.reviewFields(recordID: id).first { $0.observation.path == path })
    try database.updateField(
      recordID: id,
      FieldUpdate(fieldID: target.observation.id!, expectedVersion: target.version, value: value, status: .corrected),
      actor: "Lan", claimToken: nil, findings: findings, patch: patch)
  }

  private func codes(_ database: ReviewDatabase, _ id: Int64) throws -> [String] {
    try database.reviewFindings(recordID: id).map {
      $0.finding.ruleCode + ($0.acknowledgement.map { " (\($0))" } ?? "")
    }
  }

  @Test func theRulesSeeTheCorrectedRecordAndTheirFindingsReplaceTheOldOnes() throws {
    let made = try ReviewFixture.make()
    var seen: [String?] = []
    try write(made.database, made.recordID, "subjects.toan.secondTerm", "6.4") { record, id in
      seen.append(record.subjects.first { $0.code == "toan" }?.secondTerm?.canonical)
      return Self.toanRule(record, id)
    }
    #expect(seen == ["6.4"])
    #expect(try codes(made.database, made.recordID) == [])
    try write(made.database, made.recordID, "subjects.toan.secondTerm", "7.5", findings: Self.toanRule)
    #expect(try codes(made.database, made.recordID) == ["C02"])
    #expect(throws: ReviewError.self) {
      try made.database.approveRecord(made.recordID, actor: "Lan", claimToken: nil)
    }
  }

  @Test func anAcknowledgementStaysWhileItsFindingStillAppliesAndGoesWithIt() throws {
    let made = try ReviewFixture.make()
    let database = made.database
    let id = made.recordID
    let c02 = try #require(try database.reviewFindings(recordID: id).first { $0.finding.ruleCode == "C02" })
    try database.acknowledgeFinding(c02.finding.id!, recordID: id, reason: "Sổ gốc ghi như vậy", actor: "Lan")
    try write(database, id, "subjects.toan.secondTerm", "7.5", findings: Self.toanRule)
    #expect(try codes(database, id) == ["C02 (Sổ gốc ghi như vậy)"])
    #expect(try database.reviewFindings(recordID: id).first?.finding.id == c02.finding.id, "the row is kept")
    #expect(try database.auditEntries(recordID: id).contains { $0.action == "acknowledge" })
    try write(database, id, "subjects.toan.secondTerm", "6.4", findings: Self.toanRule)
    #expect(try codes(database, id) == [])
    try write(database, id, "subjects.toan.secondTerm", "7.6", findings: Self.toanRule)
    #expect(try codes(database, id) == ["C02"])
  }

  @Test func whenTheRulesFailNothingOfTheWriteIsStored() throws {
    let made = try ReviewFixture.make()
    let database = made.database
    let before = try #require(
      try database.reviewFields(recordID: made.recordID).first { $0.observation.path == "subjects.toan.secondTerm" })
    let findingsBefore = try codes(database, made.recordID)
    #expect(throws: (any Error).self) {
      try write(database, made.recordID, "subjects.toan.secondTerm", "7.5") { _, _ in throw RulesFailed() }
    }
    let after = try #require(
      try database.reviewFields(recordID: made.recordID).first { $0.observation.path == "subjects.toan.secondTerm" })
    #expect(after.version == before.version)
    #expect(after.observation.normalizedValue == before.observation.normalizedValue)
    #expect(
      try database.record(id: made.recordID)?.record.subjects.first { $0.code == "toan" }?.secondTerm?.canonical
        == "6.4")
    #expect(try codes(database, made.recordID) == findingsBefore)
  }

  /// The station shows the new findings at once beside every field they name, and approval asks for a reason.
  @Test func theStationMarksTheFieldsANewFindingNamesAndAsksForAReason() throws {
    var model = ReviewModelTests.opened()
    var record = ReviewModelTests.snapshot()
    record.findings = []
    _ = model.update(.opened(record))
    for index in record.fields.indices { record.fields[index].status = .accepted }
    _ = model.update(.opened(record))
    let size = TerminalSize(columns: 120, rows: 40)
    #expect(!model.render(size: size).text.contains("!"))
    var probe = model
    #expect(probe.update(.key(.control("a"))) == [.approve(recordID: 1)])
    let finding = FindingSnapshot(
      id: 9, fieldPath: "subjects.toan.fullYear", ruleCode: "C02", isError: true, detail: "Toán: cả năm không khớp.",
      paths: ["subjects.toan.fullYear", "subjects.toan.secondTerm"])
    #expect(model.update(.findingsChanged(recordID: 1, [finding])).isEmpty)
    let screen = model.render(size: size).text
    #expect(screen.contains("6,5!") || screen.contains("6,5]!"), "\(screen)")
    #expect(screen.contains("8,4!") || screen.contains("8,4]!"), "\(screen)")
    #expect(model.update(.key(.control("a"))).isEmpty)
    guard case .acknowledging(let findingID, _) = model.mode else {
      Issue.record("approval did not ask for a reason")
      return
    }
    #expect(findingID == 9)
  }
}
