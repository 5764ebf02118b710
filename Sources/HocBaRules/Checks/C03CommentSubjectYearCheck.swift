import HocBaModel

/// C3: a comment subject's Cả năm equals its HK II (TT22 Điều 9.1.a); under TT58 the year is Đ iff HK II is Đ
/// (TT58 Điều 10.2), which is the same equality. Error.
public struct C03CommentSubjectYearCheck: ConsistencyCheck {
  /// "C3".
  public static let code = "C3"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    let basis = record.regime == .tt22 ? "Thông tư 22 Điều 9" : "Thông tư 58 Điều 10.2"
    return record.subjects.compactMap { subject in
      guard case .level(let year)? = subject.fullYear, case .level(let second)? = subject.secondTerm,
        year != second
      else { return nil }
      return Finding(
        Self.code, .error,
        [TermColumn.fullYear.path(subject.code), TermColumn.secondTerm.path(subject.code)],
        vi: "Cả năm môn \(subject.name) ghi \(year.rawValue) nhưng HK II là \(second.rawValue): "
          + "mức cả năm của môn nhận xét bằng mức HK II (\(basis)).",
        en: "Full-year \(subject.name) reads \(year.rawValue) but HK II is \(second.rawValue): "
          + "a comment subject's year result equals its HK II result (\(basis)).")
    }
  }
}
