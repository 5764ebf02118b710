import HocBaModel

/// C6 (TT58): ĐTB các môn = plain mean of the scored subjects' averages, rounded half-up (TT58 Điều 11). Error;
/// a warning when it matches only with the optional subjects counted the other way (policy, UNCERTAIN).
public struct C06TT58OverallAverageCheck: ConsistencyCheck {
  /// "C6".
  public static let code = "C6"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    guard record.regime == .tt58, case .tt58(let summary) = record.summary else { return [] }
    let printedAverages: [(SummaryTerm, Score?)] = [
      (.firstTerm, summary.averageFirstTerm), (.secondTerm, summary.averageSecondTerm),
      (.fullYear, summary.averageFullYear),
    ]
    var flipped = policy
    flipped.tt58.optionalSubjectsCount.toggle()
    return printedAverages.compactMap { term, printed in
      guard let printed, let subjects = record.graded(term, policy: policy),
        let computed = TT58Classification.overallAverage(subjects), computed != printed
      else { return nil }
      let scores = subjects.compactMap(\.score)
      let sum = decimalComma(tenths: scores.reduce(0) { $0 + $1.tenths })
      let path = "summary.average.\(term.rawValue)"
      let row = (vi: term.label(.vietnamese), en: term.label(.english))
      let alternative = record.graded(term, policy: flipped).flatMap(TT58Classification.overallAverage)
      if alternative == printed {
        let counted = policy.tt58.optionalSubjectsCount
        return Finding(
          Self.code, .warning, [path],
          vi: "ĐTB các môn \(row.vi) ghi \(printed): chỉ khớp khi \(counted ? "không tính" : "tính cả") môn tự chọn "
            + "(\(sum) / \(scores.count) = \(computed) theo chính sách hiện tại). Xác nhận cách tính của trường.",
          en: "Overall average \(row.en) reads \(printed): it matches only when optional subjects are "
            + "\(counted ? "left out" : "counted") (\(sum) / \(scores.count) = \(computed) under the current policy).")
      }
      return Finding(
        Self.code, .error, [path],
        vi: "ĐTB các môn \(row.vi) ghi \(printed) nhưng trung bình cộng \(scores.count) môn tính điểm "
          + "= \(sum) / \(scores.count) = \(computed).",
        en: "Overall average \(row.en) reads \(printed) but the mean of the \(scores.count) scored subjects "
          + "= \(sum) / \(scores.count) = \(computed).")
    }
  }
}
