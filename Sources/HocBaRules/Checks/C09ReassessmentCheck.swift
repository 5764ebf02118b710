import HocBaModel

/// C9: a re-assessment value exists only where the rules allow it (warning). TT22 (Điều 13–14): a subject or
/// học tập re-assessment needs year rèn luyện ≥ Đạt, học tập Chưa đạt, absences within the maximum, and for the
/// subject a year average < 5,0 or CĐ; a summer-training rèn luyện needs rèn luyện Chưa đạt. TT58 (Điều 16–17):
/// re-examination needs hạnh kiểm ≥ Tb and học lực Yếu (subject < 5,0 or CĐ); summer training needs hạnh
/// kiểm Yếu and học lực ≥ Tb.
public struct C09ReassessmentCheck: ConsistencyCheck {
  /// "C9".
  public static let code = "C9"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    var findings: [Finding] = []
    let reassessed = record.subjects.filter { $0.reassessment != nil }
    let precondition: (ok: Bool, vi: String, en: String)
    let threshold: Score
    switch record.summary {
    case .tt22(let summary):
      threshold = policy.tt22.reassessmentBelow
      let conduct = summary.conduct.reassessed ?? summary.conduct.fullYear
      let learning = summary.learning.fullYear
      let absencesOK = record.absences.map { $0 <= policy.promotion.maximumAbsences } ?? true
      precondition = (
        conduct.map { $0 != .fail } ?? true && learning.map { $0 == .fail } ?? true && absencesOK,
        "chỉ học sinh có rèn luyện từ Đạt, học tập Chưa đạt và nghỉ không quá \(policy.promotion.maximumAbsences) "
          + "buổi mới được đánh giá lại (ghi: rèn luyện \(conduct?.name ?? "—"), học tập \(learning?.name ?? "—"))",
        "only a student with rèn luyện ≥ Đạt, học tập Chưa đạt and at most \(policy.promotion.maximumAbsences) "
          + "absences is re-assessed (recorded: rèn luyện \(conduct?.name ?? "—"), học tập \(learning?.name ?? "—"))"
      )
      if summary.learning.reassessed != nil, !precondition.ok {
        findings.append(
          finding(
            ["summary.learning.reassessed"],
            ("Có mức học tập sau đánh giá lại", "A re-assessed học tập level is recorded"), precondition))
      }
      if summary.conduct.reassessed != nil, summary.conduct.fullYear.map({ $0 != .fail }) ?? false {
        findings.append(
          Finding(
            Self.code, .warning, ["summary.conduct.reassessed", "summary.conduct.fullYear"],
            vi: "Có mức rèn luyện sau rèn luyện hè nhưng rèn luyện cả năm là \(summary.conduct.fullYear!.name): "
              + "chỉ học sinh Chưa đạt mới rèn luyện hè (Thông tư 22 Điều 13).",
            en: "A post-summer rèn luyện level is recorded but the year level is \(summary.conduct.fullYear!.name): "
              + "only Chưa đạt leads to summer training (Circular 22 Art. 13)."))
      }
    case .tt58(let summary):
      threshold = policy.tt58.reexaminationBelow
      let conduct = summary.conductReassessed ?? summary.conductFullYear
      let rank = summary.rankFullYear
      precondition = (
        conduct.map { $0.ordinal >= ConductLevel.average.ordinal } ?? true && rank.map { $0 == .weak } ?? true,
        "chỉ học sinh có hạnh kiểm từ Trung bình và học lực Yếu mới được kiểm tra lại "
          + "(ghi: hạnh kiểm \(conduct?.name ?? "—"), học lực \(rank?.name ?? "—"))",
        "only a student with hạnh kiểm ≥ Trung bình and học lực Yếu is re-examined "
          + "(recorded: hạnh kiểm \(conduct?.name ?? "—"), học lực \(rank?.name ?? "—"))"
      )
      if summary.rankReassessed != nil, !precondition.ok {
        findings.append(
          finding(
            ["summary.rank.reassessed"], ("Có học lực sau kiểm tra lại", "A re-examined học lực is recorded"),
            precondition))
      }
      if summary.conductReassessed != nil,
        !(summary.conductFullYear == .weak && summary.rankFullYear.map { $0.ordinal >= 2 } ?? true)
      {
        findings.append(
          Finding(
            Self.code, .warning, ["summary.conduct.reassessed", "summary.conduct.fullYear"],
            vi: "Có hạnh kiểm sau rèn luyện hè nhưng chỉ học sinh hạnh kiểm Yếu, học lực từ Trung bình mới rèn "
              + "luyện hè (Thông tư 58 Điều 17).",
            en: "A post-summer hạnh kiểm is recorded but only hạnh kiểm Yếu with học lực ≥ Trung bình leads to "
              + "summer training (Circular 58 Art. 17)."))
      }
    }
    for subject in reassessed {
      let path = TermColumn.reassessment.path(subject.code)
      if !precondition.ok {
        findings.append(
          finding(
            [path], ("Môn \(subject.name) có kết quả đánh giá lại", "Subject \(subject.name) has a re-assessment"),
            precondition))
      }
      switch subject.fullYear {
      case .score(let year)? where year >= threshold:
        findings.append(
          Finding(
            Self.code, .warning, [path, TermColumn.fullYear.path(subject.code)],
            vi: "Môn \(subject.name) có kết quả đánh giá lại nhưng cả năm \(year) không dưới \(threshold): chỉ môn "
              + "có điểm cả năm dưới \(threshold) hoặc Chưa đạt mới được đánh giá lại.",
            en: "Subject \(subject.name) has a re-assessment but its year average \(year) is not below "
              + "\(threshold): only subjects below \(threshold) or Chưa đạt are re-assessed."))
      case .level(.pass)?:
        findings.append(
          Finding(
            Self.code, .warning, [path, TermColumn.fullYear.path(subject.code)],
            vi: "Môn \(subject.name) có kết quả đánh giá lại nhưng cả năm đã Đạt.",
            en: "Subject \(subject.name) has a re-assessment but its year result is already Đạt."))
      default:
        break
      }
    }
    return findings
  }

  private func finding(
    _ paths: [String], _ what: (vi: String, en: String), _ precondition: (ok: Bool, vi: String, en: String)
  ) -> Finding {
    Finding(
      Self.code, .warning, paths, vi: "\(what.vi) nhưng \(precondition.vi).", en: "\(what.en) but \(precondition.en).")
  }
}
