import HocBaModel

/// C1: every cell holds the right form — a score 0–10 with one decimal for a scored subject, Đ/CĐ for a comment
/// subject — and no HK I / HK II / Cả năm cell is missing (TT22 Điều 5; TT58 Điều 6, 8, 10).
///
/// The `Score` type already guarantees the range and the single decimal; this check catches a score in a
/// comment subject (or Đ/CĐ in a scored one) and gaps. Wrong form: error. Missing cell: warning (an exemption
/// is possible). A row without any value (miễn học): info.
public struct C01AssessmentFormCheck: ConsistencyCheck {
  /// "C1".
  public static let code = "C1"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    var findings: [Finding] = []
    for subject in record.subjects {
      guard let kind = record.expectedKind(of: subject, policy: policy) else { continue }
      let cells = TermColumn.allCases.map { ($0, $0.value(of: subject)) }
      if cells.allSatisfy({ $0.1 == nil }) {
        findings.append(
          Finding(
            Self.code, .info, ["subjects.\(subject.code)"],
            vi: "Môn \(subject.name) không có kết quả nào (miễn học?): kiểm tra lại bản giấy.",
            en: "Subject \(subject.name) has no result at all (exempted?): check the paper record."))
        continue
      }
      for (column, cell) in cells {
        findings += check(subject, column, cell, kind)
      }
    }
    return findings
  }

  private func check(
    _ subject: SubjectResult, _ column: TermColumn, _ cell: Assessment?, _ kind: AssessmentKind
  ) -> [Finding] {
    let path = column.path(subject.code)
    let vi = column.label(.vietnamese)
    let en = column.label(.english)
    switch (cell, kind) {
    case (nil, _):
      guard column != .reassessment else { return [] }
      return [
        Finding(
          Self.code, .warning, [path], vi: "Môn \(subject.name) thiếu kết quả \(vi).",
          en: "Subject \(subject.name) has no \(en) result.")
      ]
    case (.level(let level)?, .scored):
      return [
        Finding(
          Self.code, .error, [path],
          vi: "Môn \(subject.name) được đánh giá bằng điểm số nhưng \(vi) ghi \(level.rawValue).",
          en: "Subject \(subject.name) is scored but its \(en) cell reads \(level.rawValue).")
      ]
    case (.score(let score)?, .commented):
      return [
        Finding(
          Self.code, .error, [path],
          vi: "Môn \(subject.name) chỉ đánh giá bằng nhận xét (Đ/CĐ) nhưng \(vi) ghi điểm \(score).",
          en: "Subject \(subject.name) is assessed by comment only (Đ/CĐ) but its \(en) cell reads \(score).")
      ]
    default:
      return []
    }
  }
}
