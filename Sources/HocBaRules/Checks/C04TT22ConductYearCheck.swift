import HocBaModel

/// C4 (TT22): the year rèn luyện level follows from HK I and HK II by the 4×4 table (TT22 Điều 8.2.b). Error.
public struct C04TT22ConductYearCheck: ConsistencyCheck {
  /// "C4".
  public static let code = "C4"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    guard record.regime == .tt22, case .tt22(let summary) = record.summary,
      let first = summary.conduct.firstTerm, let second = summary.conduct.secondTerm,
      let year = summary.conduct.fullYear
    else { return [] }
    let expected = TT22ConductTable.fullYear(firstTerm: first, secondTerm: second)
    guard year != expected else { return [] }
    return [
      Finding(
        Self.code, .error,
        ["summary.conduct.fullYear", "summary.conduct.firstTerm", "summary.conduct.secondTerm"],
        vi: "Kết quả rèn luyện Cả năm ghi \(year.name) nhưng HK I \(first.name), HK II \(second.name) "
          + "cho \(expected.name) (Thông tư 22 Điều 8).",
        en: "Full-year rèn luyện reads \(year.name) but HK I \(first.name) and HK II \(second.name) "
          + "give \(expected.name) (Circular 22 Art. 8).")
    ]
  }
}
