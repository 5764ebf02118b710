import HocBaModel

/// C7 (TT58): học lực per semester, year and after re-examination recomputed from ĐTB các môn, the key subjects
/// (Toán, Ngữ văn; + Ngoại ngữ from 2020-21 per TT26), the floors and Đ/CĐ (TT58 Điều 13).
///
/// The ĐTB is recomputed from the rows (C6 checks the printed one). A mismatch is an error, except when the
/// Điều 13.6 table explains it: then the policy decides (default: warning).
public struct C07TT58AcademicRankCheck: ConsistencyCheck {
  /// "C7".
  public static let code = "C7"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    guard record.regime == .tt58, case .tt58(let summary) = record.summary else { return [] }
    let printedRanks: [SummaryTerm: AcademicRank?] = [
      .firstTerm: summary.rankFirstTerm, .secondTerm: summary.rankSecondTerm, .fullYear: summary.rankFullYear,
      .reassessed: summary.rankReassessed,
    ]
    let keys = policy.tt58.keySubjectCodes(for: record.schoolYear)
    return SummaryTerm.allCases.compactMap { term in
      guard let printed = printedRanks[term] ?? nil, let subjects = record.graded(term, policy: policy),
        let average = TT58Classification.overallAverage(subjects)
      else { return nil }
      let evaluation = TT58Classification.evaluate(
        average: average, subjects: subjects, keySubjectCodes: keys, policy: policy.tt58)
      guard
        let (judgement, severity) = AdjustmentJudgement.judge(
          printed: printed, evaluation: evaluation, handling: policy.tt58.adjustment.handling)
      else { return nil }
      let facts = { (language: Language) in
        TT58Classification.facts(average: average, subjects: subjects, keySubjectCodes: keys, language)
      }
      return Finding(
        Self.code, severity, ["summary.rank.\(term.rawValue)"],
        vi: message(.vietnamese, term, printed, evaluation, judgement, facts(.vietnamese)),
        en: message(.english, term, printed, evaluation, judgement, facts(.english)))
    }
  }

  private func message(
    _ language: Language, _ term: SummaryTerm, _ printed: AcademicRank, _ evaluation: LevelEvaluation<AcademicRank>,
    _ judgement: AdjustmentJudgement, _ facts: String
  ) -> String {
    let row = term.label(language)
    let clause = evaluation.adjusted.map { adjusted in
      language.pick(
        "Điều 13.6 (ĐTB đạt \(evaluation.wouldBe?.name ?? "") nhưng chỉ do môn \(evaluation.triggeringSubject ?? "") "
          + "phải xuống \(evaluation.strict.name)) điều chỉnh thành \(adjusted.name).",
        "Art. 13.6 (the average reaches \(evaluation.wouldBe?.name ?? "") but \(evaluation.triggeringSubject ?? "") "
          + "alone drags it to \(evaluation.strict.name)) adjusts it to \(adjusted.name).")
    }
    switch judgement {
    case .mismatch:
      return language.pick(
        "Học lực \(row) ghi \(printed.name) nhưng các môn học cho \(evaluation.strict.name) (\(facts)).",
        "Học lực \(row) reads \(printed.name) but the subject rows give \(evaluation.strict.name) (\(facts)).")
        + (clause.map { " " + $0 } ?? "")
    case .adjustedLevelPrinted:
      return language.pick(
        "Học lực \(row) ghi \(printed.name): theo ngưỡng là \(evaluation.strict.name) (\(facts)); chỉ khớp khi áp dụng ",
        "Học lực \(row) reads \(printed.name): the thresholds give \(evaluation.strict.name) (\(facts)); "
          + "it matches only when applying ") + (clause ?? "")
        + language.pick(" Cần người rà soát xác nhận.", " A reviewer must confirm.")
    case .strictLevelPrinted:
      return language.pick(
        "Học lực \(row) ghi \(printed.name), đúng theo ngưỡng (\(facts)), nhưng ",
        "Học lực \(row) reads \(printed.name), as the thresholds give (\(facts)), but ") + (clause ?? "")
    }
  }
}
