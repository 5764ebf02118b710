import HocBaModel

/// The one ordered list of consistency checks and the entry point that runs them.
public enum RuleBook {
  /// Every check, in rule order C1 … C17. Findings come out in this order.
  public static let checks: [any ConsistencyCheck] = [
    C01AssessmentFormCheck(),
    C02YearAverageCheck(),
    C03CommentSubjectYearCheck(),
    C04TT22ConductYearCheck(),
    C05TT22LearningLevelCheck(),
    C06TT58OverallAverageCheck(),
    C07TT58AcademicRankCheck(),
    C08PromotionCheck(),
    C09ReassessmentCheck(),
    C10AwardCheck(),
    C11SubjectSetCheck(),
    C12RegimeCheck(),
    C13CitizenIDCheck(),
    C14StudyHistoryCheck(),
    C15CorrectionNoteCheck(),
    C16AgeCheck(),
    C17NameCheck(),
  ]

  /// Runs every check on `record` and returns the findings in rule order.
  public static func check(_ record: SchoolYearRecord, policy: RulesPolicy = .default) -> [Finding] {
    checks.flatMap { $0.run(record, policy: policy) }
  }
}
