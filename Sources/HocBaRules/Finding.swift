import HocBaModel

/// How serious a finding is; the raw values match the review store's severities.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// The law fixes the value and the record disagrees: blocks approval.
  case error
  /// Needs a reviewer's judgement (soft rule, rounding, an uncertain clause).
  case warning
  /// For information only.
  case info

  private var weight: Int {
    switch self {
    case .error: 2
    case .warning: 1
    case .info: 0
    }
  }

  /// Orders by seriousness: info < warning < error.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.weight < rhs.weight }
}

/// A text in Vietnamese (the default) and English.
public struct LocalizedText: Sendable, Hashable, Codable {
  /// The Vietnamese text, shown by default.
  public let vietnamese: String
  /// The English text.
  public let english: String

  /// Creates a text from its two versions.
  public init(vietnamese: String, english: String) {
    self.vietnamese = vietnamese
    self.english = english
  }

  /// The text in `language`.
  public func text(in language: Language) -> String { language.pick(vietnamese, english) }
}

/// One result of a consistency check: which rule, how serious, which fields, and why (with the numbers).
public struct Finding: Sendable, Hashable, Codable {
  /// The rule that produced it, "C1" … "C17" (domain.md §8).
  public let ruleCode: String
  /// How serious it is.
  public let severity: Severity
  /// The field paths it points at, most relevant first (e.g. "subjects.toan.fullYear").
  public let fieldPaths: [String]
  /// The explanation with the numbers written with a decimal comma.
  public let explanation: LocalizedText

  /// Creates a finding.
  public init(ruleCode: String, severity: Severity, fieldPaths: [String], explanation: LocalizedText) {
    self.ruleCode = ruleCode
    self.severity = severity
    self.fieldPaths = fieldPaths
    self.explanation = explanation
  }

  /// The explanation in `language`.
  public func message(in language: Language) -> String { explanation.text(in: language) }
}

extension Finding {
  /// Shorthand used by the checks.
  init(_ code: String, _ severity: Severity, _ fieldPaths: [String], vi: String, en: String) {
    self.init(
      ruleCode: code, severity: severity, fieldPaths: fieldPaths,
      explanation: LocalizedText(vietnamese: vi, english: en))
  }
}
