/// A score on the 10-point scale, held exactly as tenths (0...100); never a floating-point number.
///
/// Scores are integers or decimals with one decimal place (TT22 Điều 5, TT58 Điều 6.1.d). Averages are
/// rounded half-up to one decimal place: (6,6 + 2 × 6,4) / 3 = 6,4667 → 6,5.
public struct Score: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The score in tenths of a point: 78 means 7,8.
  public let tenths: Int

  /// The highest score, 10,0.
  public static let maximum = Score(uncheckedTenths: 100)

  /// Creates a score from tenths, or nil outside 0...100.
  public init?(tenths: Int) {
    guard (0...100).contains(tenths) else { return nil }
    self.tenths = tenths
  }

  private init(uncheckedTenths: Int) { self.tenths = uncheckedTenths }

  /// Creates a whole-point score such as 8 (8,0), or nil outside 0...10.
  public init?(points: Int) { self.init(tenths: points * 10) }

  /// Parses "7,8", "7.8", "10" or "8,0"; refuses empty text, a sign, two decimals, a trailing separator and
  /// values above 10.
  public init(parsing text: String) throws(ScoreError) {
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty else { throw .empty }
    var whole = 0
    var wholeDigits = 0
    var fraction: Int?
    var sawSeparator = false
    for character in trimmed {
      if let digit = character.asciiDigitValue {
        if sawSeparator {
          guard fraction == nil else { throw .tooManyDecimals }
          fraction = digit
        } else {
          wholeDigits += 1
          guard wholeDigits <= 2 else { throw .outOfRange }
          whole = whole * 10 + digit
        }
      } else if character == "," || character == "." {
        guard !sawSeparator, wholeDigits > 0 else { throw .malformed }
        sawSeparator = true
      } else {
        throw .malformed
      }
    }
    guard wholeDigits > 0 else { throw .malformed }
    if sawSeparator && fraction == nil { throw .malformed }
    let tenths = whole * 10 + (fraction ?? 0)
    guard tenths <= 100 else { throw .outOfRange }
    self.tenths = tenths
  }

  /// Rounds the exact fraction `numeratorTenths / denominator` (a value in tenths) half-up to a score.
  /// Returns nil for a non-positive denominator, a negative numerator or a result above 10.
  public static func roundedHalfUp(numeratorTenths: Int, denominator: Int) -> Score? {
    guard denominator > 0, numeratorTenths >= 0 else { return nil }
    // floor(n/d + 1/2) = floor((2n + d) / 2d) for non-negative n.
    return Score(tenths: (2 * numeratorTenths + denominator) / (2 * denominator))
  }

  /// The year average ĐTBmcn = (HK I + 2 × HK II) / 3, rounded half-up (TT22 Điều 9.1, TT58 Điều 10.1).
  public static func yearAverage(firstTerm: Score, secondTerm: Score) -> Score {
    // Both inputs are in 0...100 tenths, so the result is too.
    roundedHalfUp(numeratorTenths: firstTerm.tenths + 2 * secondTerm.tenths, denominator: 3)!
  }

  /// The plain mean of scores rounded half-up (TT58 ĐTB các môn), or nil for an empty list.
  public static func mean(_ scores: [Score]) -> Score? {
    guard !scores.isEmpty else { return nil }
    return roundedHalfUp(numeratorTenths: scores.reduce(0) { $0 + $1.tenths }, denominator: scores.count)
  }

  /// Vietnamese display form with a decimal comma and one decimal place: "7,8", "10,0".
  public var description: String { "\(tenths / 10),\(tenths % 10)" }

  /// Canonical exchange form with a decimal point and one decimal place: "7.8", "10.0" (xs:decimal).
  public var canonical: String { "\(tenths / 10).\(tenths % 10)" }

  public static func < (lhs: Score, rhs: Score) -> Bool { lhs.tenths < rhs.tenths }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    self = try Score(parsing: text)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(canonical)
  }
}

/// Why a text is not a score.
public enum ScoreError: HocBaError, Equatable {
  case empty
  case malformed
  case tooManyDecimals
  case outOfRange

  public var kind: ErrorKind { .invalidInput }

  public func message(in language: Language) -> String {
    switch self {
    case .empty:
      language.pick(
        "Điểm bị trống: nhập một số từ 0 đến 10, ví dụ 7,5.",
        "The score is empty: enter a number from 0 to 10, e.g. 7,5.")
    case .malformed:
      language.pick(
        "Điểm không đúng dạng: chỉ gồm chữ số và tối đa một dấu phẩy, ví dụ 7,5 hoặc 10.",
        "The score is malformed: use digits and at most one decimal comma, e.g. 7,5 or 10.")
    case .tooManyDecimals:
      language.pick(
        "Điểm chỉ có tối đa một chữ số thập phân (ví dụ 7,8): kiểm tra lại trên bản giấy.",
        "A score has at most one decimal place (e.g. 7,8): check the paper record.")
    case .outOfRange:
      language.pick("Điểm phải nằm trong khoảng 0 đến 10.", "A score must be between 0 and 10.")
    }
  }
}

extension Character {
  /// The value of an ASCII digit 0–9, or nil.
  var asciiDigitValue: Int? {
    guard let ascii = asciiValue, (48...57).contains(ascii) else { return nil }
    return Int(ascii - 48)
  }
}

extension String {
  /// The text without leading and trailing whitespace and newlines.
  func trimmingWhitespace() -> String {
    var view = Substring(self)
    while let first = view.first, first.isWhitespace { view.removeFirst() }
    while let last = view.last, last.isWhitespace { view.removeLast() }
    return String(view)
  }
}
