import HocBaModel

/// C2: Cả năm = (HK I + 2 × HK II) / 3 rounded half-up for each scored subject (TT22 Điều 9.1; TT58 Điều 10.1).
///
/// Exact match passes; a difference within `yearAverage.tolerance` (0,1: double rounding, domain.md §2.1) is a
/// warning; more is an error. With one semester only, the year equals that semester (TT58 Điều 10.3).
public struct C02YearAverageCheck: ConsistencyCheck {
  /// "C2".
  public static let code = "C2"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    record.subjects.compactMap { subject in
      guard case .score(let printed)? = subject.fullYear else { return nil }
      let first = subject.firstTerm?.score
      let second = subject.secondTerm?.score
      let expected: Score
      let formula: String
      var paths = [TermColumn.fullYear.path(subject.code)]
      switch (first, second) {
      case (let first?, let second?):
        expected = Score.yearAverage(firstTerm: first, secondTerm: second)
        formula = "(HK I \(first) + 2 × HK II \(second)) / 3 = \(expected)"
        paths += [TermColumn.firstTerm.path(subject.code), TermColumn.secondTerm.path(subject.code)]
      case (let only?, nil), (nil, let only?):
        expected = only
        let column: TermColumn = first == nil ? .secondTerm : .firstTerm
        formula = "\(column.label(.vietnamese)) \(only)"
        paths.append(column.path(subject.code))
      case (nil, nil):
        return nil
      }
      let difference = abs(printed.tenths - expected.tenths)
      guard difference > 0 else { return nil }
      let soft = difference <= policy.yearAverage.tolerance.tenths
      let gap = decimalComma(tenths: difference)
      return Finding(
        Self.code, soft ? .warning : .error, paths,
        vi: "Cả năm môn \(subject.name) ghi \(printed) nhưng \(formula)"
          + (soft ? " (lệch \(gap), có thể do làm tròn hai lần: đối chiếu bản giấy)." : "."),
        en: "Full-year \(subject.name) reads \(printed) but \(formula)"
          + (soft ? " (off by \(gap), possibly double rounding: compare with the paper)." : "."))
    }
  }
}
