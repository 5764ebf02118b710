import HocBaModel

/// C11: the subject rows match the programme of the regime and grade (`SubjectCatalog`; domain.md §1.5, §3.6):
/// no compulsory subject missing, no unknown or duplicated subject, and (TT22 THPT) exactly 4 electives.
/// Warning: books of the 2022-23 grade-10 cohort and local programmes may differ.
public struct C11SubjectSetCheck: ConsistencyCheck {
  /// "C11".
  public static let code = "C11"

  /// The number of electives a TT22 THPT student takes (TT13/2022).
  static let tt22UpperElectives = 4

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    guard let band = record.band else { return [] }
    let programme = SubjectCatalog.subjects(regime: record.regime, grade: record.grade)
    let known = Set(programme.map(\.code))
    let circular = record.regime == .tt22 ? "Thông tư 22" : "Thông tư 58"
    var findings: [Finding] = []
    var seen: Set<String> = []
    for subject in record.subjects {
      let path = "subjects.\(subject.code)"
      if !seen.insert(subject.code).inserted {
        findings.append(
          Finding(
            Self.code, .warning, [path], vi: "Môn \(subject.name) xuất hiện hai lần trong bảng điểm.",
            en: "Subject \(subject.name) appears twice in the subject table."))
      } else if !known.contains(subject.code) {
        let later = SubjectCatalog.definition(code: subject.code, regime: record.regime, band: band)?.fromGrade
        findings.append(
          Finding(
            Self.code, .warning, [path],
            vi: later.map { "Môn \(subject.name) chỉ học từ lớp \($0), không có ở lớp \(record.grade)." }
              ?? "Môn \(subject.name) không có trong chương trình lớp \(record.grade) (\(circular)).",
            en: later.map { "Subject \(subject.name) starts in grade \($0), not in grade \(record.grade)." }
              ?? "Subject \(subject.name) is not in the grade \(record.grade) programme (\(circular))."))
      }
    }
    for definition in programme where definition.status == .compulsory && !seen.contains(definition.code) {
      findings.append(
        Finding(
          Self.code, .warning, ["subjects.\(definition.code)"],
          vi: "Thiếu môn bắt buộc \(definition.name) của lớp \(record.grade) (\(circular)).",
          en: "The compulsory subject \(definition.name) of grade \(record.grade) is missing (\(circular))."))
    }
    if record.regime == .tt22, band == .thpt {
      let electives = programme.filter { $0.status == .elective && seen.contains($0.code) }
      if electives.count != Self.tt22UpperElectives {
        findings.append(
          Finding(
            Self.code, .warning, ["subjects"],
            vi: "Có \(electives.count) môn lựa chọn nhưng chương trình THPT 2018 chọn "
              + "\(Self.tt22UpperElectives) môn (Thông tư 13/2022).",
            en: "\(electives.count) elective subjects are listed but the 2018 THPT programme takes "
              + "\(Self.tt22UpperElectives) (Circular 13/2022)."))
      }
    }
    return findings
  }
}
