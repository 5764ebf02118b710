import Foundation
import HocBaModel
import HocBaSamples
import Testing

@testable import HocBaRules

@Suite struct SampleRecordsTests {
  static func describe(_ findings: [Finding]) -> String {
    findings.map { "\($0.ruleCode) \($0.fieldPaths) \($0.message(in: .vietnamese))" }.joined(separator: "\n")
  }

  @Test(arguments: SampleRecords.all.indices)
  func samplesProduceNoErrorsOrWarnings(index: Int) {
    let findings = RuleBook.check(SampleRecords.all[index])
    #expect(findings.filter { $0.severity != .info }.isEmpty, "\(Self.describe(findings))")
  }

  // MARK: - Planted inconsistencies, flagged 100 % on the right field

  @Test(arguments: 0..<3)
  func wrongYearAverageIsFlagged(index: Int) {
    var record = SampleRecords.all[index]
    let position = record.subjects.firstIndex { $0.fullYear?.score != nil }!
    let code = record.subjects[position].code
    let year = record.subjects[position].fullYear!.score!
    record.subjects[position].fullYear = .score(Score(tenths: year.tenths > 50 ? year.tenths - 5 : year.tenths + 5)!)
    let found = findings("C2", record)
    #expect(found.count == 1)
    #expect(found.first?.severity == .error)
    #expect(found.first?.fieldPaths.first == "subjects.\(code).fullYear")
  }

  @Test(arguments: 0..<3)
  func citizenIDDisagreeingWithTheBirthYearIsFlagged(index: Int) {
    var record = SampleRecords.all[index]
    let digits = record.student.citizenID!.digits
    let yy = Int(digits.dropFirst(4).prefix(2))!
    let planted = String(digits.prefix(4)) + String(format: "%02d", (yy + 1) % 100) + String(digits.dropFirst(6))
    record.student.citizenID = try! CitizenID(parsing: planted)
    let found = findings("C13", record)
    #expect(found.count == 1)
    #expect(found.first?.severity == .error)
    #expect(found.first?.fieldPaths == ["student.citizenID", "student.birthDate"])
  }

  @Test(arguments: 0..<3)
  func yearLevelDisagreeingWithTheScoresIsFlagged(index: Int) {
    var record = SampleRecords.all[index]
    let path: String
    switch record.summary {
    case .tt22(var summary):
      summary.learning.fullYear = summary.learning.fullYear == .fail ? .good : .fail
      record.summary = .tt22(summary)
      path = "summary.learning.fullYear"
    case .tt58(var summary):
      summary.rankFullYear = summary.rankFullYear == .poor ? .excellent : .poor
      record.summary = .tt58(summary)
      path = "summary.rank.fullYear"
    }
    let code = record.regime == .tt22 ? "C5" : "C7"
    let found = findings(code, record).filter { $0.fieldPaths.contains(path) }
    #expect(found.count == 1)
    #expect(found.first?.severity == .error)
  }
}
