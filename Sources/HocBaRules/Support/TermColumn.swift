import HocBaModel

/// A column of the subject table; its raw value is the field-path suffix ("subjects.toan.fullYear").
public enum TermColumn: String, Sendable, Hashable, CaseIterable {
  /// Học kì I.
  case firstTerm
  /// Học kì II.
  case secondTerm
  /// Cả năm.
  case fullYear
  /// Điểm/mức đánh giá lại (after re-assessment or re-examination).
  case reassessment

  /// The column label in `language`: "HK I", "HK II", "Cả năm", "đánh giá lại".
  func label(_ language: Language) -> String {
    switch self {
    case .firstTerm: "HK I"
    case .secondTerm: "HK II"
    case .fullYear: language.pick("Cả năm", "full year")
    case .reassessment: language.pick("đánh giá lại", "re-assessment")
    }
  }

  /// The cell of `subject` in this column.
  func value(of subject: SubjectResult) -> Assessment? {
    switch self {
    case .firstTerm: subject.firstTerm
    case .secondTerm: subject.secondTerm
    case .fullYear: subject.fullYear
    case .reassessment: subject.reassessment
    }
  }

  /// The field path of this column for a subject code.
  func path(_ code: String) -> String { "subjects.\(code).\(rawValue)" }
}

/// A level row of the summary block: which semester, the year, or the re-assessed year value.
enum SummaryTerm: String, CaseIterable {
  case firstTerm, secondTerm, fullYear, reassessed

  /// The subject-table column the level is computed from; the re-assessed level uses re-assessment values.
  var column: TermColumn {
    switch self {
    case .firstTerm: .firstTerm
    case .secondTerm: .secondTerm
    case .fullYear, .reassessed: .fullYear
    }
  }

  func label(_ language: Language) -> String {
    switch self {
    case .firstTerm: "HK I"
    case .secondTerm: "HK II"
    case .fullYear: language.pick("Cả năm", "full year")
    case .reassessed: language.pick("sau đánh giá lại", "after re-assessment")
    }
  }
}
