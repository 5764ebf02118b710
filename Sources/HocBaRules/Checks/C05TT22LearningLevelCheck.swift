import HocBaModel

/// C5 (TT22): the semester, year and re-assessed học tập levels recomputed from the subject rows (thresholds
/// 8,0 / 6,5 / 5,0 / 3,5, at least 6 subjects, Đ/CĐ; TT22 Điều 9.2).
///
/// A mismatch is an error, except when the Điều 9.3 "one subject" clause explains it: then the policy decides
/// (default: warning for a reviewer). A row is skipped when a classified subject lacks that column (see C1).
public struct C05TT22LearningLevelCheck: ConsistencyCheck {
  /// "C5".
  public static let code = "C5"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    guard record.regime == .tt22, case .tt22(let summary) = record.summary else { return [] }
    let printedLevels: [SummaryTerm: TT22Level?] = [
      .firstTerm: summary.learning.firstTerm, .secondTerm: summary.learning.secondTerm,
      .fullYear: summary.learning.fullYear, .reassessed: summary.learning.reassessed,
    ]
    return SummaryTerm.allCases.compactMap { term in
      guard let printed = printedLevels[term] ?? nil, let subjects = record.graded(term, policy: policy) else {
        return nil
      }
      let evaluation = TT22LearningLevel.evaluate(subjects, policy: policy.tt22)
      guard
        let (judgement, severity) = AdjustmentJudgement.judge(
          printed: printed, evaluation: evaluation, handling: policy.tt22.adjustment.handling)
      else { return nil }
      return Finding(
        Self.code, severity, ["summary.learning.\(term.rawValue)"],
        vi: message(.vietnamese, term, printed, evaluation, judgement, subjects, policy),
        en: message(.english, term, printed, evaluation, judgement, subjects, policy))
    }
  }

  private func message(
    _ language: Language, _ term: SummaryTerm, _ printed: TT22Level, _ evaluation: LevelEvaluation<TT22Level>,
    _ judgement: AdjustmentJudgement, _ subjects: [GradedSubject], _ policy: RulesPolicy
  ) -> String {
    let rules = policy.tt22.learning
    let facts = TT22LearningLevel.facts(subjects, rules: rules, language)
    let row = term.label(language)
    let clause = evaluation.adjusted.map { adjusted in
      language.pick(
        "Điều 9.3 (chỉ do môn \(evaluation.triggeringSubject ?? ""); không có môn này sẽ là "
          + "\(evaluation.wouldBe?.name ?? "")) điều chỉnh thành \(adjusted.name).",
        "Art. 9.3 (only because of \(evaluation.triggeringSubject ?? ""); without it the level would be "
          + "\(evaluation.wouldBe?.name ?? "")) adjusts it to \(adjusted.name).")
    }
    switch judgement {
    case .mismatch:
      let rule = TT22LearningLevel.describe(printed, rules: rules, language)
      return language.pick(
        "Kết quả học tập \(row) ghi \(printed.name) nhưng các môn học cho \(evaluation.strict.name) (\(facts)). "
          + "Mức \(printed.name) cần: \(rule).",
        "Học tập \(row) reads \(printed.name) but the subject rows give \(evaluation.strict.name) (\(facts)). "
          + "\(printed.name) requires: \(rule).") + (clause.map { " " + $0 } ?? "")
    case .adjustedLevelPrinted:
      return language.pick(
        "Kết quả học tập \(row) ghi \(printed.name): theo ngưỡng là \(evaluation.strict.name) (\(facts)); "
          + "chỉ khớp khi áp dụng ",
        "Học tập \(row) reads \(printed.name): the thresholds give \(evaluation.strict.name) (\(facts)); "
          + "it matches only when applying ") + (clause ?? "")
        + language.pick(" Cần người rà soát xác nhận.", " A reviewer must confirm.")
    case .strictLevelPrinted:
      return language.pick(
        "Kết quả học tập \(row) ghi \(printed.name), đúng theo ngưỡng (\(facts)), nhưng ",
        "Học tập \(row) reads \(printed.name), as the thresholds give (\(facts)), but ") + (clause ?? "")
    }
  }
}
