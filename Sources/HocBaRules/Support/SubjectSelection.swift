import HocBaModel

/// One subject's value in one column, with the names used in explanations.
public struct GradedSubject: Sendable, Hashable {
  /// The subject code.
  public var code: String
  /// The subject name as printed.
  public var name: String
  /// The score or Đ/CĐ.
  public var value: Assessment

  /// Creates a graded subject.
  public init(code: String, name: String, value: Assessment) {
    self.code = code
    self.name = name
    self.value = value
  }

  /// The score, if the value is one.
  public var score: Score? { value.score }

  /// The comment level, if the value is Đ/CĐ.
  public var passLevel: PassLevel? {
    if case .level(let level) = value { return level }
    return nil
  }
}

extension SchoolYearRecord {
  /// The catalogue definition of a subject row for this year's regime and band.
  func definition(of subject: SubjectResult) -> SubjectDefinition? {
    band.flatMap { SubjectCatalog.definition(code: subject.code, regime: regime, band: $0) }
  }

  /// How a subject is assessed: the catalogue, with GDQP-AN per policy; an unknown subject by its first cell.
  func expectedKind(of subject: SubjectResult, policy: RulesPolicy) -> AssessmentKind? {
    if regime == .tt22, subject.code == "gdqp-an" { return policy.tt22.gdqpAnScored ? .scored : .commented }
    if let definition = definition(of: subject) { return definition.assessment }
    let first = TermColumn.allCases.lazy.compactMap { $0.value(of: subject) }.first
    return first.map { $0.score == nil ? .commented : .scored }
  }

  /// The subjects that enter the classification: every row with a value, optional ones only if the policy says.
  func classifiedSubjects(policy: RulesPolicy) -> [SubjectResult] {
    let optionalCount = regime == .tt22 ? policy.tt22.optionalSubjectsCount : policy.tt58.optionalSubjectsCount
    return subjects.filter { subject in
      let hasValue = TermColumn.allCases.contains { $0.value(of: subject) != nil }
      return hasValue && (definition(of: subject)?.status != .optional || optionalCount)
    }
  }

  /// The classified subjects' values for a summary row, or nil when one of them lacks that cell.
  func graded(_ term: SummaryTerm, policy: RulesPolicy) -> [GradedSubject]? {
    var result: [GradedSubject] = []
    for subject in classifiedSubjects(policy: policy) {
      let cell =
        term == .reassessed ? (subject.reassessment ?? subject.fullYear) : term.column.value(of: subject)
      guard let cell else { return nil }
      result.append(GradedSubject(code: subject.code, name: subject.name, value: cell))
    }
    return result.isEmpty ? nil : result
  }
}

extension PromotionDecision {
  /// Whether the decision says the student moves on (lên lớp or completed the programme).
  var isPositive: Bool {
    switch self {
    case .promoted, .promotedAfterSummerTraining, .promotedAfterReassessment, .completedProgramme: true
    case .notPromoted, .notCompleted: false
    }
  }

  /// The decision as printed in the book.
  var label: String {
    switch self {
    case .promoted: "Được lên lớp"
    case .notPromoted: "Không được lên lớp"
    case .promotedAfterSummerTraining: "Lên lớp sau rèn luyện hè"
    case .promotedAfterReassessment: "Lên lớp sau kiểm tra, đánh giá lại"
    case .completedProgramme: "Hoàn thành chương trình"
    case .notCompleted: "Chưa hoàn thành chương trình"
    }
  }
}
