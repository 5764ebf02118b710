import Foundation
import HocBaModel

/// The value type of a field, deciding how a reviewer's entry is validated and stored.
public enum FieldKind: String, Sendable, Hashable, CaseIterable {
  /// A score 0–10 with at most one decimal.
  case score
  /// A score or Đ / CĐ.
  case assessment
  /// A TT22 level: T, K, Đ, CĐ.
  case level
  /// Đ or CĐ.
  case passLevel
  /// TT58 hạnh kiểm: T, K, Tb, Y.
  case conduct
  /// TT58 học lực: G, K, Tb, Y, Kém.
  case rank
  /// A whole number ≥ 0.
  case integer
  /// A calendar date.
  case date
  /// A 12-digit CCCD.
  case citizenID
  /// A person's name.
  case name
  /// Free text.
  case text
  /// A school year such as 2023-2024.
  case schoolYear
  /// A class name starting with its grade, such as 8A1.
  case className
  /// Nam / nữ.
  case sex
  /// A promotion decision.
  case promotion

  /// The kind stored with the field (the mapping's type), or the kind implied by the path.
  public static func of(type: String?, path: String, regime: Regime) -> FieldKind {
    if let type, let kind = FieldKind(rawValue: type) { return kind }
    if path.hasPrefix("subjects.") { return path.hasSuffix(".comment") ? .text : .assessment }
    if path.hasPrefix("summary.average.") { return .score }
    if path.hasPrefix("summary.rank.") { return .rank }
    if path.hasPrefix("summary.") { return regime == .tt22 ? .level : .conduct }
    switch path {
    case "student.birthDate", "student.effectiveDate": return .date
    case "student.citizenID": return .citizenID
    case "student.sex": return .sex
    case "header.schoolYear": return .schoolYear
    case "header.className": return .className
    case "absences", "corrections.count": return .integer
    case "promotion": return .promotion
    default: return path.hasSuffix("fullName") || path.hasSuffix("Teacher") ? .name : .text
    }
  }

  /// The level scale of a level kind, or nil.
  var scale: LevelScale? {
    switch self {
    case .level: .tt22Level
    case .passLevel: .passLevel
    case .conduct: .conduct
    case .rank: .academicRank
    default: nil
    }
  }

  /// Checks a typed value; `required` refuses an empty entry. The canonical value is what the database stores.
  public func validate(_ input: String, required: Bool, language: Language) -> FieldValidation {
    let text = input.nfc.trimmingCharacters(in: .whitespaces)
    if text.isEmpty {
      return required
        ? .invalid(language.pick("Ô này không được để trống.", "This field cannot be empty.")) : .valid(nil)
    }
    switch self {
    case .score:
      do { return .valid(try Score(parsing: text).canonical) } catch { return .invalid(error.message(in: language)) }
    case .assessment:
      if let code = LevelScale.passLevel.match(text) { return .valid(code) }
      do {
        return .valid(try Score(parsing: text).canonical)
      } catch {
        if text.first?.isNumber == true { return .invalid(error.message(in: language)) }
        return .invalid(
          language.pick("Nhập điểm từ 0 đến 10 (ví dụ 7,5) hoặc Đ / CĐ.", "Enter a score 0–10 (e.g. 7,5) or Đ / CĐ."))
      }
    case .level, .passLevel, .conduct, .rank:
      let scale = self.scale!
      if let code = scale.match(text) { return .valid(code) }
      let codes = scale.vocabulary.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
      return .invalid(language.pick("Chỉ nhận: \(codes).", "Accepted: \(codes)."))
    case .integer:
      if let value = Int(text), value >= 0, value < 1000 { return .valid(String(value)) }
      return .invalid(language.pick("Nhập một số nguyên không âm, ví dụ 3.", "Enter a whole number ≥ 0, e.g. 3."))
    case .date:
      if let date = CalendarDate(parsing: text) { return .valid(date.iso) }
      return .invalid(
        language.pick("Ngày không hợp lệ: nhập dd/mm/yyyy, ví dụ 12/03/2010.", "Invalid date: use dd/mm/yyyy."))
    case .citizenID:
      do { return .valid(try CitizenID(parsing: text).digits) } catch { return .invalid(error.message(in: language)) }
    case .name:
      let words = text.split(separator: " ").joined(separator: " ")
      if words.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" }) { return .valid(words) }
      return .invalid(language.pick("Họ tên chỉ gồm chữ cái và dấu cách.", "A name contains letters and spaces only."))
    case .text:
      return .valid(text)
    case .schoolYear:
      if let year = SchoolYear(parsing: text) { return .valid(year.description) }
      return .invalid(language.pick("Năm học dạng 2023-2024.", "A school year looks like 2023-2024."))
    case .className:
      let digits = text.prefix { $0.isASCII && $0.isNumber }
      if let grade = Int(digits), (6...12).contains(grade) { return .valid(text) }
      return .invalid(
        language.pick("Tên lớp bắt đầu bằng khối 6–12, ví dụ 8A1.", "A class name starts with grade 6–12, e.g. 8A1."))
    case .sex:
      switch text.lowercased() {
      case "nam", "1", "m": return .valid("nam")
      case "nữ", "nu", "2", "f": return .valid("nữ")
      default: return .invalid(language.pick("Nhập nam hoặc nữ.", "Enter nam or nữ."))
      }
    case .promotion:
      if let decision = PromotionDecision(rawValue: text) { return .valid(decision.rawValue) }
      let codes = PromotionDecision.allCases.map(\.rawValue).joined(separator: ", ")
      return .invalid(language.pick("Chỉ nhận: \(codes).", "Accepted: \(codes)."))
    }
  }

  /// How a canonical value is shown: scores with a decimal comma, dates as dd/mm/yyyy.
  public func display(_ canonical: String?) -> String {
    guard let canonical, !canonical.isEmpty else { return "" }
    switch self {
    case .score, .assessment:
      if let score = try? Score(parsing: canonical) { return score.description }
    case .date:
      if let date = CalendarDate(parsing: canonical) { return date.description }
    default: break
    }
    return canonical
  }

  /// The kind's name for reviewers.
  public func label(in language: Language) -> String {
    switch self {
    case .score: language.pick("điểm", "score")
    case .assessment: language.pick("điểm hoặc Đ/CĐ", "score or Đ/CĐ")
    case .level: language.pick("mức T/K/Đ/CĐ", "level T/K/Đ/CĐ")
    case .passLevel: language.pick("Đ/CĐ", "Đ/CĐ")
    case .conduct: language.pick("hạnh kiểm", "conduct")
    case .rank: language.pick("học lực", "academic rank")
    case .integer: language.pick("số nguyên", "whole number")
    case .date: language.pick("ngày", "date")
    case .citizenID: language.pick("mã định danh (CCCD)", "personal ID (CCCD)")
    case .name: language.pick("họ tên", "name")
    case .text: language.pick("văn bản", "text")
    case .schoolYear: language.pick("năm học", "school year")
    case .className: language.pick("lớp", "class")
    case .sex: language.pick("giới tính", "sex")
    case .promotion: language.pick("lên lớp", "promotion")
    }
  }
}

/// The outcome of validating a typed value.
public enum FieldValidation: Sendable, Hashable {
  /// Valid; the canonical value to store (nil for an empty, optional field).
  case valid(String?)
  /// Invalid, with what to do, in the reviewer's language.
  case invalid(String)
}

extension LevelScale {
  /// The code a typed text stands for: a code or a full name, ignoring case ("t", "tốt", "Tốt" → "T").
  func match(_ text: String) -> String? {
    let folded = text.lowercased()
    let aliases = ["cd": "cđ", "d": "đ", "kem": "kém"]
    let key = aliases[folded] ?? folded
    return vocabulary.first { $0.code.lowercased() == key || $0.name.lowercased() == key }?.code
  }
}
