import HocBaModel

/// C16: the birth year is plausible for the grade: normal age (by calendar year) at the start of grade n is
/// `age.gradeSixAge + n − 6` (11 in grade 6, 15 in grade 10), within the policy's tolerances. Warning
/// ([INFERRED] — Điều lệ trường; domain.md §8).
public struct C16AgeCheck: ConsistencyCheck {
  /// "C16".
  public static let code = "C16"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    guard record.band != nil else { return [] }
    let age = record.schoolYear.startYear - record.student.birthDate.year
    let normal = policy.age.gradeSixAge + record.grade - 6
    let gap = age - normal
    guard gap < -policy.age.youngerTolerance || gap > policy.age.olderTolerance else { return [] }
    let signed = gap > 0 ? "+\(gap)" : "\(gap)"
    return [
      Finding(
        Self.code, .warning, ["student.birthDate", "header.className"],
        vi: "Sinh năm \(record.student.birthDate.year), năm học \(record.schoolYear) học lớp \(record.grade): "
          + "\(age) tuổi, tuổi thường gặp là \(normal) (chênh \(signed) năm).",
        en: "Born \(record.student.birthDate.year), in grade \(record.grade) in \(record.schoolYear): age \(age), "
          + "the usual age is \(normal) (\(signed) years).")
    ]
  }
}
