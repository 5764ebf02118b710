import HocBaModel
import HocBaSamples
import Testing

@testable import HocBaRules

@Suite struct PromotionAwardCheckTests {
  static let fair = ["7,0", "7,0", "7,0", "7,0", "7,0", "7,0", "7,0", "7,0"]

  // MARK: C8

  @Test func c8AbsencesBoundary() {
    #expect(findings("C8", tt22Record(Self.fair, learning: .fair, absences: 45)).isEmpty)
    let found = findings("C8", tt22Record(Self.fair, learning: .fair, absences: 46))
    #expect(found.map(\.severity) == [.error])
    #expect(found.first?.fieldPaths == ["promotion", "absences"])
    #expect(found.first?.message(in: .vietnamese).contains("nghỉ 46 buổi (tối đa 45)") == true)
    #expect(findings("C8", tt22Record(Self.fair, learning: .fair, absences: 46, promotion: .notPromoted)).isEmpty)
  }

  @Test func c8FlagsPromotionWithAFailedLevelAndRetentionOfAnEligibleStudent() {
    let failed = findings("C8", tt22Record(Self.fair, learning: .fair, conduct: .fail))
    #expect(failed.first?.fieldPaths == ["promotion", "summary.conduct.fullYear"])
    let kept = findings("C8", tt22Record(Self.fair, learning: .fair, promotion: .notPromoted))
    #expect(kept.map(\.severity) == [.error])
    #expect(kept.first?.fieldPaths.first == "promotion")
  }

  @Test func c8UsesTheReassessedLevels() {
    var record = tt22Record(Self.fair, learning: .fair, conduct: .fail, promotion: .promotedAfterSummerTraining)
    #expect(findings("C8", record).contains { $0.severity == .error })
    guard case .tt22(var summary) = record.summary else { return }
    summary.conduct.reassessed = .pass
    record.summary = .tt22(summary)
    #expect(findings("C8", record).isEmpty)
  }

  @Test func c8WantsCompletionWordingInTheFinalGrade() {
    var record = SampleRecords.tt22Secondary
    record.grade = 9
    #expect(findings("C8", record).map(\.severity) == [.warning])
    record.promotion = .completedProgramme
    #expect(findings("C8", record).isEmpty)
  }

  @Test func c8TT58() {
    #expect(findings("C8", SampleRecords.tt58Secondary).isEmpty)
    let weak = tt58Record(Array(repeating: "7,0", count: 9), rank: .good, conduct: .weak)
    #expect(findings("C8", weak).first?.fieldPaths == ["promotion", "summary.conduct.fullYear"])
    let absent = tt58Record(Array(repeating: "7,0", count: 9), rank: .good, absences: 46)
    #expect(findings("C8", absent).first?.fieldPaths == ["promotion", "absences"])
  }

  // MARK: C9

  @Test func c9AcceptsAnAllowedReassessment() {
    var record = tt22Record(
      ["5,0", "5,0", "5,0", "5,0", "5,0", "4,0", "4,0", "3,5"], learning: .fail, promotion: .notPromoted)
    record.subjects[record.row("khtn")].reassessment = .score(s("5,5"))
    #expect(findings("C9", record).isEmpty)
  }

  @Test func c9WarnsAboutAReassessmentTheRulesDoNotAllow() {
    var record = SampleRecords.tt22Secondary
    record.subjects[record.row("toan")].reassessment = .score(s("7,0"))
    let found = findings("C9", record)
    #expect(found.count == 2)
    #expect(found.allSatisfy { $0.severity == .warning && $0.fieldPaths[0] == "subjects.toan.reassessment" })
    #expect(found[1].message(in: .vietnamese).contains("cả năm 6,5 không dưới 5,0"))
  }

  @Test func c9TT58ReexaminationNeedsRankWeak() {
    var record = tt58Record(["4,0", "6,0", "6,0", "6,0", "6,0", "6,0", "6,0", "6,0", "6,0"], rank: .weak)
    record.subjects[record.row("toan")].reassessment = .score(s("5,0"))
    // ĐTB 5,8 with Toán 4,0 → Trung bình by the thresholds, so the printed Yếu is wrong (C7), but C9 reads the
    // printed rank: Yếu allows the re-examination.
    #expect(findings("C9", record).isEmpty)
    var good = tt58Record(Array(repeating: "7,0", count: 9), rank: .good)
    good.subjects[good.row("toan")].reassessment = .score(s("8,0"))
    #expect(findings("C9", good).count == 2)
  }

  // MARK: C10

  static let excellent = ["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "8,0", "8,0"]
  static let almost = ["9,0", "9,0", "9,0", "9,0", "9,0", "8,9", "8,0", "8,0"]

  @Test func c10ExcellentNeedsSixSubjectsAtNine() {
    #expect(findings("C10", tt22Record(Self.excellent, learning: .good, awards: ["Học sinh Xuất sắc"])).isEmpty)
    let found = findings("C10", tt22Record(Self.almost, learning: .good, awards: ["Học sinh Xuất sắc"]))
    #expect(found.map(\.severity) == [.error])
    #expect(found.first?.fieldPaths == ["awards"])
    #expect(found.first?.message(in: .vietnamese).contains("5 môn ≥ 9,0") == true)
    #expect(findings("C10", tt22Record(Self.almost, learning: .good, awards: ["HỌC SINH GIỎI"])).isEmpty)
  }

  @Test func c10FlagsTitlesTheLevelsForbidOrMiss() {
    #expect(
      findings("C10", tt22Record(Self.fair, learning: .fair, awards: ["Học sinh Giỏi"])).map(\.severity) == [.error])
    #expect(findings("C10", tt22Record(Self.almost, learning: .good)).map(\.severity) == [.warning])
    #expect(
      findings("C10", tt22Record(Self.excellent, learning: .good, awards: ["Học sinh Giỏi"])).map(\.severity) == [
        .warning
      ])
    let foreign = findings("C10", tt22Record(Self.fair, learning: .fair, awards: ["Học sinh tiên tiến"]))
    #expect(foreign.map(\.severity) == [.error])
    #expect(foreign.first?.message(in: .vietnamese).contains("không có trong Thông tư 22") == true)
  }

  @Test func c10TT58() {
    #expect(findings("C10", SampleRecords.tt58Secondary).isEmpty)
    var record = SampleRecords.tt58Secondary
    record.awards = ["Học sinh giỏi"]
    #expect(findings("C10", record).map(\.severity) == [.error])
    record.awards = []
    #expect(findings("C10", record).map(\.severity) == [.warning])
  }
}
