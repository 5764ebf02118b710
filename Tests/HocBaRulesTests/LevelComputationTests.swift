import HocBaModel
import Testing

@testable import HocBaRules

@Suite struct LevelComputationTests {
  // MARK: - Exact rounding

  @Test func halfUpRoundingAtTheBoundary() {
    // 6,45 = 129/2 tenths → 6,5 (floating-point rounding would risk 6,4).
    #expect(Score.roundedHalfUp(numeratorTenths: 129, denominator: 2)?.description == "6,5")
    #expect(Score.roundedHalfUp(numeratorTenths: 1289, denominator: 20)?.description == "6,4")
    // 8,25 → 8,3 (binary floating point gives 8,2).
    #expect(Score.roundedHalfUp(numeratorTenths: 165, denominator: 2)?.description == "8,3")
    #expect(Score.yearAverage(firstTerm: s("6,6"), secondTerm: s("6,4")).description == "6,5")
    #expect(Score.yearAverage(firstTerm: s("6,5"), secondTerm: s("6,4")).description == "6,4")
    #expect(Score.yearAverage(firstTerm: s("7,5"), secondTerm: s("8,1")).description == "7,9")
  }

  // MARK: - TT22 rèn luyện 4×4 table (domain.md §2.3)

  static let table: [(TT22Level, TT22Level, TT22Level)] = [
    (.good, .good, .good), (.good, .fair, .fair), (.good, .pass, .fair), (.good, .fail, .fail),
    (.fair, .good, .good), (.fair, .fair, .fair), (.fair, .pass, .pass), (.fair, .fail, .fail),
    (.pass, .good, .fair), (.pass, .fair, .fair), (.pass, .pass, .pass), (.pass, .fail, .fail),
    (.fail, .good, .fair), (.fail, .fair, .pass), (.fail, .pass, .pass), (.fail, .fail, .fail),
  ]

  @Test(arguments: 0..<16)
  func conductTableCell(index: Int) {
    let (first, second, year) = Self.table[index]
    #expect(TT22ConductTable.fullYear(firstTerm: first, secondTerm: second) == year)
  }

  // MARK: - TT22 học tập thresholds, each at and 0,1 below, 6 vs 5 subjects

  static let rules = RulesPolicy.default.tt22.learning

  @Test func goodNeedsSixSubjectsAtEightAndEveryOneAtSixFive() {
    #expect(
      TT22LearningLevel.strict(graded(["8,0", "8,0", "8,0", "8,0", "8,0", "8,0", "6,5", "6,5"]), rules: Self.rules)
        == .good)
    #expect(
      TT22LearningLevel.strict(graded(["8,0", "8,0", "8,0", "8,0", "8,0", "7,9", "6,5", "6,5"]), rules: Self.rules)
        == .fair)
    #expect(
      TT22LearningLevel.strict(graded(["8,0", "8,0", "8,0", "8,0", "8,0", "8,0", "6,5", "6,4"]), rules: Self.rules)
        == .fair)
    // With only 6 scored subjects all must reach 8,0; with 5, no level's "at least 6" count can be met.
    #expect(TT22LearningLevel.strict(graded(["8,0", "8,0", "8,0", "8,0", "8,0", "8,0"]), rules: Self.rules) == .good)
    #expect(TT22LearningLevel.strict(graded(["8,0", "8,0", "8,0", "8,0", "8,0"]), rules: Self.rules) == .fail)
  }

  @Test func fairNeedsSixSubjectsAtSixFiveAndEveryOneAtFive() {
    #expect(
      TT22LearningLevel.strict(graded(["6,5", "6,5", "6,5", "6,5", "6,5", "6,5", "5,0", "5,0"]), rules: Self.rules)
        == .fair)
    #expect(
      TT22LearningLevel.strict(graded(["6,5", "6,5", "6,5", "6,5", "6,5", "6,4", "5,0", "5,0"]), rules: Self.rules)
        == .pass)
    #expect(
      TT22LearningLevel.strict(graded(["6,5", "6,5", "6,5", "6,5", "6,5", "6,5", "5,0", "4,9"]), rules: Self.rules)
        == .pass)
  }

  @Test func passNeedsSixSubjectsAtFiveAndNoneBelowThreeFive() {
    #expect(
      TT22LearningLevel.strict(graded(["5,0", "5,0", "5,0", "5,0", "5,0", "5,0", "3,5", "3,5"]), rules: Self.rules)
        == .pass)
    #expect(
      TT22LearningLevel.strict(graded(["5,0", "5,0", "5,0", "5,0", "5,0", "4,9", "3,5", "3,5"]), rules: Self.rules)
        == .fail)
    #expect(
      TT22LearningLevel.strict(graded(["5,0", "5,0", "5,0", "5,0", "5,0", "5,0", "3,5", "3,4"]), rules: Self.rules)
        == .fail)
  }

  @Test func commentSubjectsAllowAtMostOneFailureForPass() {
    let high = ["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0"]
    #expect(TT22LearningLevel.strict(graded(high, comments: [.pass, .pass]), rules: Self.rules) == .good)
    #expect(TT22LearningLevel.strict(graded(high, comments: [.fail, .pass]), rules: Self.rules) == .pass)
    #expect(TT22LearningLevel.strict(graded(high, comments: [.fail, .fail]), rules: Self.rules) == .fail)
  }

  @Test func article93RaisesOneLevelWhenOneSubjectDropsItTwo() {
    let subjects = graded(["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "3,0"])
    let evaluation = TT22LearningLevel.evaluate(subjects, policy: RulesPolicy.default.tt22)
    #expect(evaluation.strict == .fail)
    #expect(evaluation.wouldBe == .good)
    #expect(evaluation.adjusted == .pass)
    #expect(evaluation.triggeringSubject == "s8")
    var policy = RulesPolicy.default.tt22
    policy.adjustmentTarget = .oneBelowWouldBe
    #expect(TT22LearningLevel.evaluate(subjects, policy: policy).adjusted == .fair)
    // A one-level drop is not adjusted.
    let oneLevel = graded(["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "6,0"])
    #expect(TT22LearningLevel.evaluate(oneLevel, policy: RulesPolicy.default.tt22).adjusted == nil)
  }

  @Test func commentFailureTriggersTheClauseOnlyIfThePolicySaysSo() {
    let subjects = graded(["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0"], comments: [.fail])
    #expect(TT22LearningLevel.evaluate(subjects, policy: RulesPolicy.default.tt22).adjusted == .fair)
    var policy = RulesPolicy.default.tt22
    policy.adjustment.commentSubjectCanTrigger = false
    #expect(TT22LearningLevel.evaluate(subjects, policy: policy).adjusted == nil)
  }

  // MARK: - TT58 học lực

  static let keys = ["toan", "ngu-van", "ngoai-ngu"]
  static let tt58 = RulesPolicy.default.tt58

  func rank(_ scores: [String], _ comments: [PassLevel] = []) -> LevelEvaluation<AcademicRank> {
    let subjects = graded(scores, comments: comments, codes: Array(tt58ScoredCodes.prefix(scores.count)))
    return TT58Classification.evaluate(
      average: TT58Classification.overallAverage(subjects)!, subjects: subjects, keySubjectCodes: Self.keys,
      policy: Self.tt58)
  }

  @Test func tt58AverageThresholdsAtAndJustBelow() {
    #expect(rank(["8,0", "8,0", "8,0", "8,0"]).strict == .excellent)
    #expect(rank(["7,9", "8,0", "8,0", "7,9"]).strict == .good)  // ĐTB 31,8 / 4 = 7,95 → 8,0 but no key subject ≥ 8,0
    #expect(rank(["7,9", "7,9", "8,0", "7,9"]).strict == .good)  // 31,7/4 = 7,925 → 7,9
    #expect(rank(["6,5", "6,5", "6,5"]).strict == .good)
    #expect(rank(["6,4", "6,4", "6,4"]).strict == .average)
    #expect(rank(["5,0", "5,0", "5,0"]).strict == .average)
    #expect(rank(["4,9", "4,9", "4,9"]).strict == .weak)
    #expect(rank(["3,5", "3,5", "3,5"]).strict == .weak)
    #expect(rank(["3,4", "3,4", "3,4"]).strict == .poor)
  }

  @Test func tt58KeySubjectIncludesForeignLanguageFrom2020() {
    // Toán 7,5, Văn 7,5, Ngoại ngữ (7th code) 9,0: Giỏi only with Ngoại ngữ as a key subject.
    let codes = ["toan", "ngu-van", "ngoai-ngu", "vat-li"]
    let subjects = zip(codes, ["7,5", "7,5", "9,0", "9,0"]).map {
      GradedSubject(code: $0, name: $0, value: .score(s($1)))
    }
    let average = TT58Classification.overallAverage(subjects)!
    #expect(average.description == "8,3")
    let rules = Self.tt58.ranks
    #expect(
      TT58Classification.strictRank(average: average, subjects: subjects, keySubjectCodes: Self.keys, rules: rules)
        == .excellent)
    #expect(
      TT58Classification.strictRank(
        average: average, subjects: subjects, keySubjectCodes: ["toan", "ngu-van"], rules: rules)
        == .good)
    #expect(Self.tt58.keySubjectCodes(for: SchoolYear(startYear: 2019)!) == ["toan", "ngu-van"])
    #expect(Self.tt58.keySubjectCodes(for: SchoolYear(startYear: 2020)!) == ["toan", "ngu-van", "ngoai-ngu"])
  }

  @Test func tt58Article136Table() {
    // ĐTB 8,4 but one subject 4,0: strict Trung bình, adjusted to Khá.
    let excellentToAverage = rank(["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "4,0"])
    #expect(excellentToAverage.strict == .average)
    #expect(excellentToAverage.adjusted == .good)
    let excellentToWeak = rank(["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "3,0"])
    #expect(excellentToWeak.strict == .weak)
    #expect(excellentToWeak.adjusted == .average)
    let goodToWeak = rank(["7,0", "7,0", "7,0", "7,0", "7,0", "7,0", "7,0", "7,0", "3,0"])
    #expect(goodToWeak.strict == .weak)
    #expect(goodToWeak.adjusted == .average)
    let goodToPoor = rank(["7,5", "7,5", "7,5", "7,5", "7,5", "7,5", "7,5", "7,5", "1,5"])
    #expect(goodToPoor.strict == .poor)
    #expect(goodToPoor.adjusted == .weak)
    // A comment subject at CĐ drags Khá to Yếu → Trung bình.
    #expect(rank(["7,0", "7,0", "7,0"], [.fail]).adjusted == .average)
    // Two offending subjects: no adjustment.
    #expect(rank(["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "3,0", "3,0"]).adjusted == nil)
  }

  // MARK: - Promotion and awards

  @Test func promotionAbsencesBoundary() {
    #expect(PromotionRules.tt22Eligible(conduct: .pass, learning: .pass, absences: 45, maximumAbsences: 45))
    #expect(!PromotionRules.tt22Eligible(conduct: .pass, learning: .pass, absences: 46, maximumAbsences: 45))
    #expect(!PromotionRules.tt22Eligible(conduct: .fail, learning: .good, absences: 0, maximumAbsences: 45))
    #expect(PromotionRules.tt58Eligible(conduct: .average, rank: .average, absences: 45, maximumAbsences: 45))
    #expect(!PromotionRules.tt58Eligible(conduct: .average, rank: .average, absences: 46, maximumAbsences: 45))
    #expect(!PromotionRules.tt58Eligible(conduct: .weak, rank: .excellent, absences: 0, maximumAbsences: 45))
    #expect(!PromotionRules.tt58Eligible(conduct: .good, rank: .weak, absences: 0, maximumAbsences: 45))
  }

  @Test func tt22TitlesNeedSixSubjectsAtNine() {
    let rule = RulesPolicy.default.tt22.excellentAward
    let six = ["9,0", "9,0", "9,0", "9,0", "9,0", "9,0", "8,0", "8,0"].map(s)
    let five = ["9,0", "9,0", "9,0", "9,0", "9,0", "8,9", "8,0", "8,0"].map(s)
    #expect(AwardRules.tt22Title(conduct: .good, learning: .good, yearScores: six, rule: rule) == .excellent)
    #expect(AwardRules.tt22Title(conduct: .good, learning: .good, yearScores: five, rule: rule) == .good)
    #expect(AwardRules.tt22Title(conduct: .fair, learning: .good, yearScores: six, rule: rule) == nil)
    #expect(AwardRules.tt22Title(conduct: .good, learning: .fair, yearScores: six, rule: rule) == nil)
  }

  @Test func tt58Titles() {
    #expect(AwardRules.tt58Title(conduct: .good, rank: .excellent) == .excellent)
    #expect(AwardRules.tt58Title(conduct: .fair, rank: .excellent) == .advanced)
    #expect(AwardRules.tt58Title(conduct: .fair, rank: .good) == .advanced)
    #expect(AwardRules.tt58Title(conduct: .average, rank: .excellent) == nil)
    #expect(AwardRules.tt58Title(conduct: .good, rank: .average) == nil)
  }
}
