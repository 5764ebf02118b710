/// A 12-digit personal identification number (mã định danh cá nhân, CCCD), structurally validated.
///
/// Structure (NĐ 137/2015 Điều 13; domain.md §5): digits 1–3 the province of birth registration, digit 4 the
/// century and sex, digits 5–6 the last two digits of the birth year, 7–12 random. There is no check digit.
public struct CitizenID: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The twelve ASCII digits.
  public let digits: String

  /// Parses an ID, ignoring spaces and dots; refuses anything but 12 digits with a known province code.
  public init(parsing text: String) throws(CitizenIDError) {
    let kept = text.filter { !$0.isWhitespace && $0 != "." }
    guard kept.allSatisfy({ $0.asciiDigitValue != nil }) else { throw .notDigits }
    guard kept.count == 12 else { throw .wrongLength(kept.count) }
    guard ProvinceCodes.name(of: String(kept.prefix(3))) != nil else { throw .unknownProvince }
    digits = kept
  }

  /// The three-digit code of the province where the birth was registered.
  public var provinceCode: String { String(digits.prefix(3)) }

  /// The province name for `provinceCode`.
  public var provinceName: String { ProvinceCodes.name(of: provinceCode) ?? "" }

  private var centuryDigit: Int { digits[digits.index(digits.startIndex, offsetBy: 3)].asciiDigitValue! }

  /// The sex encoded by digit 4: even is male, odd is female.
  public var sex: Sex { centuryDigit.isMultiple(of: 2) ? .male : .female }

  /// The birth year encoded by digits 4–6: 1900 + 100 × ⌊d4 / 2⌋ + yy.
  public var birthYear: Int {
    let yy = Int(digits.dropFirst(4).prefix(2))!
    return 1900 + 100 * (centuryDigit / 2) + yy
  }

  /// The disagreements between the ID and the sex and birth year written in the record (domain.md §5.3).
  public func inconsistencies(sex recordedSex: Sex?, birthYear recordedYear: Int?) -> [CitizenIDInconsistency] {
    var found: [CitizenIDInconsistency] = []
    if let recordedSex, recordedSex != .unknown, recordedSex != sex { found.append(.sex) }
    if let recordedYear, recordedYear != birthYear { found.append(.birthYear) }
    return found
  }

  public var description: String { digits }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    self = try CitizenID(parsing: text)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(digits)
  }
}

/// A part of a citizen ID that disagrees with the rest of the record.
public enum CitizenIDInconsistency: Sendable, Hashable {
  /// Digit 4 says male but the record says female, or the reverse.
  case sex
  /// Digits 4–6 give another birth year than the date of birth.
  case birthYear
}

/// Why a text is not a valid citizen ID. The messages never repeat the digits (personal data).
public enum CitizenIDError: HocBaError, Equatable {
  case notDigits
  case wrongLength(Int)
  case unknownProvince

  public var kind: ErrorKind { .invalidInput }

  public func message(in language: Language) -> String {
    switch self {
    case .notDigits:
      language.pick(
        "Mã định danh cá nhân chỉ gồm chữ số (OCR hay đọc nhầm 0 thành O, 1 thành l): sửa lại theo bản giấy.",
        "The personal ID must contain digits only (OCR often reads 0 as O, 1 as l): correct it from the paper.")
    case .wrongLength(let count):
      language.pick(
        "Mã định danh cá nhân phải có đúng 12 chữ số, ở đây có \(count): kiểm tra chữ số bị thiếu hoặc thừa.",
        "The personal ID must have exactly 12 digits, this one has \(count): look for a missing or extra digit.")
    case .unknownProvince:
      language.pick(
        "Ba chữ số đầu của mã định danh cá nhân không phải mã tỉnh/thành phố hợp lệ: kiểm tra lại theo bản giấy.",
        "The first three digits of the personal ID are not a valid province code: check against the paper.")
    }
  }
}
