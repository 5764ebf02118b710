/// One assessment in a subject row: a score, or Đ / CĐ for a comment-only subject.
public enum Assessment: Sendable, Hashable, Codable, CustomStringConvertible {
  case score(Score)
  case level(PassLevel)

  /// Parses "7,8" / "7.8" / "10" as a score and "Đ" / "CĐ" as a level; nil otherwise.
  public init?(parsing text: String) {
    let trimmed = text.nfc.trimmingWhitespace()
    if let level = PassLevel(rawValue: trimmed) {
      self = .level(level)
    } else if let score = try? Score(parsing: trimmed) {
      self = .score(score)
    } else {
      return nil
    }
  }

  /// Canonical exchange form: "7.8" or "Đ" / "CĐ".
  public var canonical: String {
    switch self {
    case .score(let score): score.canonical
    case .level(let level): level.rawValue
    }
  }

  /// Vietnamese display form: "7,8" or "Đ" / "CĐ".
  public var description: String {
    switch self {
    case .score(let score): score.description
    case .level(let level): level.rawValue
    }
  }

  /// The score, if this is one.
  public var score: Score? {
    if case .score(let score) = self { return score }
    return nil
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    guard let value = Assessment(parsing: try container.decode(String.self)) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an assessment")
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(canonical)
  }
}

/// One row of the subject table: HK I, HK II, Cả năm, re-assessment and the teacher's comment.
public struct SubjectResult: Sendable, Hashable, Codable {
  /// The subject code from `SubjectCatalog` (also the row's XML `Id` suffix).
  public var code: String
  /// The subject name as printed in the book.
  public var name: String
  public var firstTerm: Assessment?
  public var secondTerm: Assessment?
  public var fullYear: Assessment?
  /// Điểm/mức đánh giá lại: replaces the year result for promotion (TT22 Điều 14, TT58 Điều 16).
  public var reassessment: Assessment?
  /// Nhận xét of the subject teacher.
  public var comment: String?
  /// The subject teacher's name as written beside the signature.
  public var teacher: String?

  public init(
    code: String, name: String, firstTerm: Assessment? = nil, secondTerm: Assessment? = nil,
    fullYear: Assessment? = nil, reassessment: Assessment? = nil, comment: String? = nil,
    teacher: String? = nil
  ) {
    self.code = code
    self.name = name.nfc
    self.firstTerm = firstTerm
    self.secondTerm = secondTerm
    self.fullYear = fullYear
    self.reassessment = reassessment
    self.comment = comment.nfc
    self.teacher = teacher.nfc
  }
}
