public import HocBaModel

/// Why a page matched no template: structured, so that callers can show it in the user's language.
public struct UnmatchedReason: Sendable, Hashable, CustomStringConvertible {
  /// What one template lacked on the page.
  public struct TemplateMiss: Sendable, Hashable {
    /// The template id.
    public var templateID: String
    /// Required anchor phrases that do not occur.
    public var missing: [String]
    /// When none of the template's `anyOf` phrases occurs: those phrases; otherwise empty.
    public var noneOf: [String]
    /// Forbidden phrases that do occur.
    public var forbidden: [String]

    /// Creates a miss.
    public init(templateID: String, missing: [String], noneOf: [String], forbidden: [String]) {
      self.templateID = templateID
      self.missing = missing
      self.noneOf = noneOf
      self.forbidden = forbidden
    }
  }

  /// The cause.
  public enum Cause: Sendable, Hashable {
    /// The page carries (almost) no ink.
    case blankPage
    /// No template's anchors are all on the page; one entry per template.
    case noTemplate([TemplateMiss])
    /// Several templates match equally well; never guessed.
    case ambiguous(templateIDs: [String])
    /// The matching template declares no valid page kind.
    case noPageKind(templateID: String)
  }

  /// The cause.
  public var cause: Cause

  /// Creates a reason.
  public init(_ cause: Cause) {
    self.cause = cause
  }

  /// The reason for staff, in `language`.
  public func message(in language: Language) -> String {
    switch cause {
    case .blankPage:
      return language.pick("trang trắng", "blank page")
    case .ambiguous(let ids):
      return language.pick("nhiều mẫu cùng khớp: ", "several templates match: ") + ids.joined(separator: ", ")
    case .noPageKind(let id):
      return language.pick("mẫu \(id) không có loại trang", "template \(id) declares no page kind")
    case .noTemplate(let misses):
      let details = misses.map { miss in
        var parts: [String] = []
        func quoted(_ phrases: [String]) -> String { phrases.map { "\"\($0)\"" }.joined(separator: ", ") }
        if !miss.missing.isEmpty { parts.append(language.pick("thiếu ", "missing ") + quoted(miss.missing)) }
        if !miss.noneOf.isEmpty {
          parts.append(language.pick("không có cụm nào trong ", "none of ") + quoted(miss.noneOf))
        }
        if !miss.forbidden.isEmpty {
          parts.append(language.pick("có cụm cấm ", "has forbidden ") + quoted(miss.forbidden))
        }
        return "\(miss.templateID): " + parts.joined(separator: "; ")
      }
      return language.pick("không mẫu nào khớp — ", "no template matched — ") + details.joined(separator: " | ")
    }
  }

  /// The Vietnamese message.
  public var description: String { message(in: .vietnamese) }
}
