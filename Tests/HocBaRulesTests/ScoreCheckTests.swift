import HocBaModel
import HocBaSamples
import Testing

@testable import HocBaRules

@Suite struct ScoreCheckTests {
  // MARK: C1

  @Test func c1PassesOnASample() {
    #expect(findings("C1", SampleRecords.tt22Secondary).isEmpty)
  }

  @Test func c1FlagsTheWrongFormOnTheCell() {
    var record = SampleRecords.tt22Secondary
    record.subjects[record.row("gdtc")].firstTerm = .score(s("7,0"))
    record.subjects[record.row("toan")].secondTerm = .level(.fail)
    let found = findings("C1", record)
    #expect(found.map(\.fieldPaths) == [["subjects.toan.secondTerm"], ["subjects.gdtc.firstTerm"]])
    #expect(found.allSatisfy { $0.severity == .error })
    #expect(found[1].message(in: .vietnamese).contains("ghi điểm 7,0"))
  }

  @Test func c1WarnsAboutAMissingCellAndNotesAnEmptyRow() {
    var record = SampleRecords.tt58Secondary
    record.subjects[record.row("toan")].firstTerm = nil
    let row = record.row("the-duc")
    record.subjects[row].firstTerm = nil
    record.subjects[row].secondTerm = nil
    record.subjects[row].fullYear = nil
    let found = findings("C1", record)
    #expect(found.map(\.severity) == [.warning, .info])
    #expect(found.map(\.fieldPaths) == [["subjects.toan.firstTerm"], ["subjects.the-duc"]])
  }

  @Test func c1FollowsThePolicyForGdqpAn() {
    var policy = RulesPolicy.default
    #expect(findings("C1", SampleRecords.tt22Upper, policy: policy).isEmpty)
    policy.tt22.gdqpAnScored = false
    let found = findings("C1", SampleRecords.tt22Upper, policy: policy)
    #expect(found.count == 3)
    #expect(found.allSatisfy { $0.fieldPaths[0].hasPrefix("subjects.gdqp-an.") && $0.severity == .error })
  }

  // MARK: C2

  func withMaths(first: String, second: String, year: String) -> SchoolYearRecord {
    var record = SampleRecords.tt22Secondary
    let row = record.row("toan")
    record.subjects[row].firstTerm = .score(s(first))
    record.subjects[row].secondTerm = .score(s(second))
    record.subjects[row].fullYear = .score(s(year))
    return record
  }

  @Test func c2PassesOnAnExactYearAverageIncludingTheSixFiveBoundary() {
    #expect(findings("C2", SampleRecords.tt58Secondary).isEmpty)
    #expect(findings("C2", withMaths(first: "6,6", second: "6,4", year: "6,5")).isEmpty)
  }

  @Test func c2WarnsWithinTheDoubleRoundingToleranceWithTheNumbers() {
    let found = findings("C2", withMaths(first: "7,5", second: "8,1", year: "8,0"))
    #expect(found.count == 1)
    #expect(found[0].severity == .warning)
    #expect(found[0].fieldPaths.first == "subjects.toan.fullYear")
    #expect(
      found[0].message(in: .vietnamese).hasPrefix("Cả năm môn Toán ghi 8,0 nhưng (HK I 7,5 + 2 × HK II 8,1) / 3 = 7,9"))
    #expect(found[0].message(in: .english).contains("(HK I 7,5 + 2 × HK II 8,1) / 3 = 7,9"))
    // 6,6 and 6,4 give 6,5: printing 6,4 is 0,1 off.
    #expect(findings("C2", withMaths(first: "6,6", second: "6,4", year: "6,4")).first?.severity == .warning)
  }

  @Test func c2IsAnErrorBeyondTheTolerance() {
    let found = findings("C2", withMaths(first: "7,5", second: "8,1", year: "8,1"))
    #expect(found.map(\.severity) == [.error])
    #expect(found[0].message(in: .vietnamese) == "Cả năm môn Toán ghi 8,1 nhưng (HK I 7,5 + 2 × HK II 8,1) / 3 = 7,9.")
    var strict = RulesPolicy.default
    strict.yearAverage.tolerance = s("0,0")
    #expect(
      findings("C2", withMaths(first: "7,5", second: "8,1", year: "8,0"), policy: strict).first?.severity == .error)
  }

  @Test func c2UsesTheOnlySemesterWhenOneIsMissing() {
    var record = withMaths(first: "7,0", second: "8,0", year: "8,0")
    record.subjects[record.row("toan")].firstTerm = nil
    #expect(findings("C2", record).isEmpty)
    record.subjects[record.row("toan")].fullYear = .score(s("7,0"))
    #expect(findings("C2", record).map(\.severity) == [.error])
  }

  // MARK: C3

  @Test func c3PassesOnTheSamplesAndOnTT58FirstTermFailureSecondTermPass() {
    #expect(findings("C3", SampleRecords.tt22Secondary).isEmpty)
    var record = SampleRecords.tt58Secondary
    #expect(findings("C3", record).isEmpty)
    record.subjects[record.row("mi-thuat")].firstTerm = .level(.fail)  // CĐ then Đ: the year is Đ
    #expect(findings("C3", record).isEmpty)
  }

  @Test(arguments: [false, true])
  func c3FlagsAYearThatDiffersFromTheSecondTerm(tt58: Bool) {
    var record = tt58 ? SampleRecords.tt58Secondary : SampleRecords.tt22Secondary
    let code = tt58 ? "the-duc" : "gdtc"
    record.subjects[record.row(code)].secondTerm = .level(.fail)
    let found = findings("C3", record)
    #expect(found.count == 1)
    #expect(found.first?.severity == .error)
    #expect(found.first?.fieldPaths.first == "subjects.\(code).fullYear")
    #expect(found.first?.message(in: .vietnamese).contains(tt58 ? "Thông tư 58" : "Thông tư 22") == true)
  }
}
