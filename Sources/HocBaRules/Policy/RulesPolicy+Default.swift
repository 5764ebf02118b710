import HocBaModel

extension RulesPolicy {
  /// The shipped defaults, identical to `Mappings/policy/rules-policy.json` (a test keeps them equal).
  public static let `default` = RulesPolicy(
    version: 1,
    yearAverage: YearAveragePolicy(tolerance: tenths(1)),
    tt22: TT22Policy(
      learning: TT22LearningRules(
        good: TT22LevelRule(
          everySubjectAtLeast: tenths(65), countedSubjectsAtLeast: tenths(80), count: 6, maximumCommentFailures: 0),
        fair: TT22LevelRule(
          everySubjectAtLeast: tenths(50), countedSubjectsAtLeast: tenths(65), count: 6, maximumCommentFailures: 0),
        pass: TT22LevelRule(
          everySubjectAtLeast: tenths(35), countedSubjectsAtLeast: tenths(50), count: 6, maximumCommentFailures: 1)
      ),
      adjustment: AdjustmentPolicy(handling: .review, commentSubjectCanTrigger: true),
      adjustmentTarget: .oneAboveComputed, optionalSubjectsCount: false, gdqpAnScored: true,
      excellentAward: ExcellentAwardRule(subjectScore: tenths(90), count: 6), reassessmentBelow: tenths(50)),
    tt58: TT58Policy(
      ranks: TT58RankRules(
        excellent: TT58RankRule(
          average: tenths(80), keySubjectAtLeast: tenths(80), everySubjectAtLeast: tenths(65), commentsMustPass: true),
        good: TT58RankRule(
          average: tenths(65), keySubjectAtLeast: tenths(65), everySubjectAtLeast: tenths(50), commentsMustPass: true),
        average: TT58RankRule(
          average: tenths(50), keySubjectAtLeast: tenths(50), everySubjectAtLeast: tenths(35), commentsMustPass: true),
        weak: TT58RankRule(
          average: tenths(35), keySubjectAtLeast: nil, everySubjectAtLeast: tenths(20), commentsMustPass: false)),
      keySubjects: [
        KeySubjectSet(fromSchoolYear: 1950, codes: ["toan", "ngu-van"]),
        KeySubjectSet(fromSchoolYear: 2020, codes: ["toan", "ngu-van", "ngoai-ngu"]),
      ],
      adjustment: AdjustmentPolicy(handling: .review, commentSubjectCanTrigger: true), optionalSubjectsCount: false,
      reexaminationBelow: tenths(50)),
    promotion: PromotionPolicy(maximumAbsences: 45),
    age: AgePolicy(gradeSixAge: 11, youngerTolerance: 1, olderTolerance: 3),
    awardTitles: AwardTitles(
      tt22Excellent: ["Học sinh Xuất sắc"], tt22Good: ["Học sinh Giỏi"], tt58Excellent: ["Học sinh giỏi"],
      tt58Advanced: ["Học sinh tiên tiến"]))

  private static func tenths(_ value: Int) -> Score { Score(tenths: value)! }
}
