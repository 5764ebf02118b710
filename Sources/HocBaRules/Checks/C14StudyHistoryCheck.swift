import HocBaModel

/// C14: the quá trình học tập rows run in consecutive years, the grade goes up by one (or repeats), the row of
/// this year matches the header's class, and the next row agrees with this year's promotion. Warnings; a
/// repeated grade is info. The per-row principal signature and seal are not in the model and are not checked.
public struct C14StudyHistoryCheck: ConsistencyCheck {
  /// "C14".
  public static let code = "C14"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    let rows = record.history
    guard !rows.isEmpty else { return [] }
    var findings: [Finding] = []
    for index in rows.indices.dropFirst() {
      let previous = rows[index - 1]
      let row = rows[index]
      let step = row.schoolYear.startYear - previous.schoolYear.startYear
      if step != 1 {
        findings.append(
          Finding(
            Self.code, .warning, ["history[\(index)].schoolYear"],
            vi: "Quá trình học tập: năm học \(row.schoolYear) đứng sau \(previous.schoolYear) "
              + (step > 1 ? "(cách \(step) năm: nghỉ học, bảo lưu hay đọc sai?)." : "(không tăng dần)."),
            en: "Study history: school year \(row.schoolYear) follows \(previous.schoolYear) "
              + (step > 1 ? "(a gap of \(step) years: a break or a misread?)." : "(not increasing).")))
        continue
      }
      guard let before = Self.grade(previous.className), let now = Self.grade(row.className) else { continue }
      if now == before {
        findings.append(
          Finding(
            Self.code, .info, ["history[\(index)].className"],
            vi: "Quá trình học tập: học lại lớp \(now) năm \(row.schoolYear) (lưu ban?).",
            en: "Study history: grade \(now) repeated in \(row.schoolYear) (kept back?)."))
      } else if now != before + 1 {
        findings.append(
          Finding(
            Self.code, .warning, ["history[\(index)].className"],
            vi: "Quá trình học tập: từ lớp \(previous.className) (\(previous.schoolYear)) sang lớp "
              + "\(row.className) (\(row.schoolYear)) không phải lên một lớp.",
            en: "Study history: from class \(previous.className) (\(previous.schoolYear)) to \(row.className) "
              + "(\(row.schoolYear)) is not a one-grade step."))
      }
    }
    findings += currentYear(record)
    return findings
  }

  private func currentYear(_ record: SchoolYearRecord) -> [Finding] {
    let rows = record.history
    guard let index = rows.firstIndex(where: { $0.schoolYear == record.schoolYear }) else {
      return [
        Finding(
          Self.code, .warning, ["header.schoolYear"],
          vi: "Quá trình học tập không có dòng năm học \(record.schoolYear).",
          en: "The study history has no row for school year \(record.schoolYear).")
      ]
    }
    var findings: [Finding] = []
    if Self.key(rows[index].className) != Self.key(record.className) {
      findings.append(
        Finding(
          Self.code, .warning, ["history[\(index)].className", "header.className"],
          vi: "Quá trình học tập ghi lớp \(rows[index].className) năm \(record.schoolYear) nhưng trang năm học "
            + "ghi lớp \(record.className).",
          en: "The study history reads class \(rows[index].className) for \(record.schoolYear) but the year page "
            + "reads \(record.className)."))
    }
    let nextIndex = index + 1
    if let decision = record.promotion, nextIndex < rows.count,
      rows[nextIndex].schoolYear.startYear == record.schoolYear.startYear + 1,
      let next = Self.grade(rows[nextIndex].className)
    {
      let expected = decision.isPositive ? record.grade + 1 : record.grade
      if next != expected {
        findings.append(
          Finding(
            Self.code, .warning, ["history[\(nextIndex)].className", "promotion"],
            vi: "Năm \(record.schoolYear) ghi \"\(decision.label)\" nhưng năm sau học lớp "
              + "\(rows[nextIndex].className).",
            en: "\(record.schoolYear) reads \"\(decision.label)\" but the next year is in class "
              + "\(rows[nextIndex].className)."))
      }
    }
    return findings
  }

  /// The grade a class name starts with ("10C3" → 10).
  static func grade(_ className: String) -> Int? { Int(className.prefix { $0.isASCII && $0.isNumber }) }

  private static func key(_ className: String) -> String {
    VietnameseName.words(className).joined().uppercased()
  }
}
