import HocBaModel

/// C12: the regime matches the grade and school year per the TT22 roadmap (`Regime.applicable`, domain.md §0.1),
/// the summary block is of that regime, the grade is 6–12, and the class name starts with the grade. Errors,
/// except the class-name prefix (warning).
public struct C12RegimeCheck: ConsistencyCheck {
  /// "C12".
  public static let code = "C12"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    guard record.band != nil, let expected = Regime.applicable(schoolYear: record.schoolYear, grade: record.grade)
    else {
      return [
        Finding(
          Self.code, .error, ["header.className"],
          vi: "Khối lớp \(record.grade) nằm ngoài lớp 6–12 (THCS, THPT).",
          en: "Grade \(record.grade) is outside grades 6–12 (lower and upper secondary).")
      ]
    }
    var findings: [Finding] = []
    if let prefix = Int(record.className.prefix { $0.isASCII && $0.isNumber }), prefix != record.grade {
      findings.append(
        Finding(
          Self.code, .warning, ["header.className"],
          vi: "Lớp \(record.className) không thuộc khối \(record.grade) đã ghi cho năm học này.",
          en: "Class \(record.className) is not in grade \(record.grade) recorded for this year."))
    }
    if expected != record.regime {
      findings.append(
        Finding(
          Self.code, .error, ["header.schoolYear", "header.className"],
          vi: "Năm học \(record.schoolYear), lớp \(record.grade) theo lộ trình áp dụng \(name(expected)) "
            + "nhưng học bạ được ghi theo \(name(record.regime)).",
          en: "School year \(record.schoolYear), grade \(record.grade) falls under \(name(expected)) per the "
            + "roadmap but the record uses \(name(record.regime))."))
    }
    if record.summary.regime != record.regime {
      findings.append(
        Finding(
          Self.code, .error, ["header.schoolYear"],
          vi: "Khối kết quả rèn luyện, học tập theo \(name(record.summary.regime)) nhưng năm học theo "
            + "\(name(record.regime)).",
          en: "The results block follows \(name(record.summary.regime)) but the year follows \(name(record.regime))."))
    }
    return findings
  }

  private func name(_ regime: Regime) -> String {
    regime == .tt22 ? "Thông tư 22/2021" : "Thông tư 58/2011"
  }
}
