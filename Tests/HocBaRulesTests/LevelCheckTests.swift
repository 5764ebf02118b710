import HocBaModel
import HocBaSamples
import Testing

@testable import HocBaRules

@Suite struct LevelCheckTests {
  // MARK: C4

  @Test(arguments: 0..<16)
  func c4AcceptsTheTableValueAndRejectsEveryOther(index: Int) {
    let (first, second, year) = LevelComputationTests.table[index]
    for printed in TT22Level.allCases {
      var record = SampleRecords.tt22Secondary
      record.summary = .tt22(
        TT22Summary(
          conduct: TT22Levels(firstTerm: first, secondTerm: second, fullYear: printed),
          learning: TT22Levels(firstTerm: .fair, secondTerm: .fair, fullYear: .fair)))
      let found = findings("C4", record)
      if printed == year {
        #expect(found.isEmpty)
      } else {
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.fieldPaths.first == "summary.conduct.fullYear")
      }
    }
  }

  @Test func c4DoesNotApplyToTT58() {
    #expect(C04TT22ConductYearCheck().run(SampleRecords.tt58Secondary, policy: .default).isEmpty)
  }

  // MARK: C5

  static let good = ["8,0", "8,0", "8,0", "8,0", "8,0", "8,0", "6,5", "6,5"]

  @Test func c5PassesAtEachThreshold() {
    #expect(findings("C5", tt22Record(Self.good, learning: .good)).isEmpty)
    #expect(
      findings("C5", tt22Record(["6,5", "6,5", "6,5", "6,5", "6,5", "6,5", "5,0", "5,0"], learning: .fair)).isEmpty)
    #expect(
      findings("C5", tt22Record(["5,0", "5,0", "5,0", "5,0", "5,0", "5,0", "3,5", "3,5"], learning: .pass)).isEmpty)
    let oneFailure: [PassLevel] = [.fail, .pass, .pass, .pass]
    // One comment subject at CĐ: Đạt by the thresholds; Điều 9.3 could raise it, so a reviewer looks.
    let found = findings("C5", tt22Record(Self.good, comments: oneFailure, learning: .pass))
    #expect(found.count == 3)
    #expect(found.allSatisfy { $0.severity == .warning })
  }

  @Test func c5FlagsALevelJustBelowAThresholdWithTheNumbers() {
    let record = tt22Record(["8,0", "8,0", "8,0", "8,0", "8,0", "7,9", "6,5", "6,5"], learning: .good)
    let found = findings("C5", record)
    #expect(
      found.map(\.fieldPaths) == [
        ["summary.learning.firstTerm"], ["summary.learning.secondTerm"], ["summary.learning.fullYear"],
      ])
    #expect(found.allSatisfy { $0.severity == .error })
    let message = found[2].message(in: .vietnamese)
    #expect(message.contains("Cả năm ghi Tốt nhưng các môn học cho Khá"))
    #expect(message.contains("5 môn ≥ 8,0"))
    #expect(message.contains("ít nhất 6 môn ≥ 8,0"))
  }

  @Test func c5ChecksTheReassessedLevelWithReassessedValues() {
    var record = tt22Record(
      ["5,0", "5,0", "5,0", "5,0", "5,0", "4,0", "4,0", "3,5"], learning: .fail, promotion: .notPromoted)
    record.subjects[record.row("khtn")].reassessment = .score(s("5,5"))
    guard case .tt22(var summary) = record.summary else { return }
    summary.learning.reassessed = .pass
    record.summary = .tt22(summary)
    #expect(findings("C5", record).isEmpty)
    summary.learning.reassessed = .fair
    record.summary = .tt22(summary)
    #expect(findings("C5", record).map(\.fieldPaths) == [["summary.learning.reassessed"]])
  }

  static let dragged = ["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "3,0"]

  @Test func c5ReviewsTheArticle93AdjustmentByDefault() {
    let adjusted = findings("C5", tt22Record(Self.dragged, learning: .pass))
    #expect(adjusted.count == 3)
    #expect(adjusted.allSatisfy { $0.severity == .warning })
    #expect(adjusted[2].message(in: .vietnamese).contains("Điều 9.3"))
    #expect(findings("C5", tt22Record(Self.dragged, learning: .fail)).allSatisfy { $0.severity == .warning })
    #expect(findings("C5", tt22Record(Self.dragged, learning: .fair)).allSatisfy { $0.severity == .error })
  }

  @Test func c5AdjustmentHandlingComesFromThePolicy() {
    var apply = RulesPolicy.default
    apply.tt22.adjustment.handling = .apply
    #expect(findings("C5", tt22Record(Self.dragged, learning: .pass), policy: apply).isEmpty)
    #expect(
      findings("C5", tt22Record(Self.dragged, learning: .fail), policy: apply).allSatisfy { $0.severity == .error })
    var ignore = RulesPolicy.default
    ignore.tt22.adjustment.handling = .ignore
    #expect(findings("C5", tt22Record(Self.dragged, learning: .fail), policy: ignore).isEmpty)
    #expect(
      findings("C5", tt22Record(Self.dragged, learning: .pass), policy: ignore).allSatisfy { $0.severity == .error })
  }

  @Test func c5LeavesOptionalSubjectsOutByDefault() {
    var record = tt22Record(Self.good, learning: .good)
    record.subjects.append(
      SubjectResult(
        code: "ngoai-ngu-2", name: "Ngoại ngữ 2", firstTerm: .score(s("4,0")), secondTerm: .score(s("4,0")),
        fullYear: .score(s("4,0"))))
    #expect(findings("C5", record).isEmpty)
    var counted = RulesPolicy.default
    counted.tt22.optionalSubjectsCount = true
    #expect(findings("C5", record, policy: counted).count == 3)
  }

  // MARK: C6

  @Test func c6PassesWhenTheAverageIsTheMean() {
    #expect(findings("C6", SampleRecords.tt58Secondary).isEmpty)
  }

  @Test func c6FlagsAWrongAverageWithTheSum() {
    var record = SampleRecords.tt58Secondary
    guard case .tt58(var summary) = record.summary else { return }
    summary.averageFullYear = s("7,8")
    record.summary = .tt58(summary)
    let found = findings("C6", record)
    #expect(found.map(\.fieldPaths) == [["summary.average.fullYear"]])
    #expect(found.first?.severity == .error)
    #expect(found.first?.message(in: .vietnamese).contains("= 70,7 / 9 = 7,9") == true)
  }

  @Test func c6WarnsWhenOnlyCountingTheOptionalSubjectMatches() {
    var record = tt58Record(["8,0", "8,0", "8,0", "8,0", "8,0", "8,0", "8,0", "8,0", "8,0"], rank: .excellent)
    record.subjects.append(
      SubjectResult(
        code: "tin-hoc", name: "Tin học", firstTerm: .score(s("9,0")), secondTerm: .score(s("9,0")),
        fullYear: .score(s("9,0"))))
    guard case .tt58(var summary) = record.summary else { return }
    summary.averageFullYear = s("8,1")  // 81 / 10
    record.summary = .tt58(summary)
    #expect(findings("C6", record).map(\.severity) == [.warning])
  }

  // MARK: C7

  @Test func c7PassesAtTheThresholds() {
    let nine = { (score: String) in Array(repeating: score, count: 9) }
    #expect(findings("C7", tt58Record(nine("8,0"), rank: .excellent)).isEmpty)
    #expect(findings("C7", tt58Record(nine("6,5"), rank: .good)).isEmpty)
    #expect(findings("C7", tt58Record(nine("5,0"), rank: .average)).isEmpty)
    #expect(findings("C7", tt58Record(nine("3,5"), rank: .weak)).isEmpty)
    #expect(findings("C7", tt58Record(nine("3,4"), rank: .poor)).isEmpty)
  }

  @Test func c7FlagsARankJustBelowAThreshold() {
    let record = tt58Record(Array(repeating: "7,9", count: 9), rank: .excellent)
    let found = findings("C7", record)
    #expect(found.count == 3)
    #expect(found.allSatisfy { $0.severity == .error })
    #expect(found.last?.fieldPaths == ["summary.rank.fullYear"])
    #expect(found.last?.message(in: .vietnamese).contains("ĐTB các môn 7,9") == true)
  }

  @Test func c7ReviewsTheArticle136Adjustment() {
    let scores = ["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "4,0"]
    #expect(findings("C7", tt58Record(scores, rank: .good)).allSatisfy { $0.severity == .warning })
    #expect(findings("C7", tt58Record(scores, rank: .excellent)).allSatisfy { $0.severity == .error })
    var apply = RulesPolicy.default
    apply.tt58.adjustment.handling = .apply
    #expect(findings("C7", tt58Record(scores, rank: .good), policy: apply).isEmpty)
  }

  @Test func c7ACommentSubjectFailureInOneSemesterCapsThatSemestersRank() {
    // HK I: ĐTB 7,7 (Khá by the average) but Mĩ thuật CĐ → Yếu by the thresholds, Trung bình by Điều 13.6.
    var record = SampleRecords.tt58Secondary
    record.subjects[record.row("mi-thuat")].firstTerm = .level(.fail)
    let printedKha = findings("C7", record)
    #expect(printedKha.map(\.severity) == [.error])
    #expect(printedKha.first?.fieldPaths == ["summary.rank.firstTerm"])
    #expect(printedKha.first?.message(in: .vietnamese).contains("điều chỉnh thành Trung bình") == true)
    guard case .tt58(var summary) = record.summary else { return }
    summary.rankFirstTerm = .average
    record.summary = .tt58(summary)
    #expect(findings("C7", record).map(\.severity) == [.warning])
  }
}
