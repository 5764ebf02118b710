/// A calendar date without time or zone (ngày sinh, ngày nhập học, ngày hiệu lực).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Creates a date, or nil if it does not exist in the Gregorian calendar (years 1900–2199).
  public init?(year: Int, month: Int, day: Int) {
    guard (1900...2199).contains(year), (1...12).contains(month), day >= 1,
      day <= CalendarDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses ISO "yyyy-mm-dd" or the Vietnamese "dd/mm/yyyy" (also with "-" or "." separators).
  public init?(parsing text: String) {
    let trimmed = text.trimmingWhitespace()
    let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.asciiDigitValue != nil } }),
      let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
    else { return nil }
    if parts[0].count == 4, trimmed.contains("-") {
      self.init(year: a, month: b, day: c)
    } else if parts[2].count == 4 {
      self.init(year: c, month: b, day: a)
    } else {
      return nil
    }
  }

  /// ISO 8601 form "yyyy-mm-dd" (xs:date).
  public var iso: String { "\(year)-\(Self.pad(month))-\(Self.pad(day))" }

  /// Vietnamese display form "dd/mm/yyyy".
  public var description: String { "\(Self.pad(day))/\(Self.pad(month))/\(year)" }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CalendarDate(parsing: text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date")
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}

/// A school year (năm học) such as 2023-2024, identified by its first calendar year.
public struct SchoolYear: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The calendar year in which the school year starts (September).
  public let startYear: Int

  /// Creates the school year starting in `startYear` (1950–2199).
  public init?(startYear: Int) {
    guard (1950...2199).contains(startYear) else { return nil }
    self.startYear = startYear
  }

  /// Parses "2023-2024", "2023 - 2024" or "2023–2024"; the second year must follow the first.
  public init?(parsing text: String) {
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "/" })
      .map { String($0).trimmingWhitespace() }
    guard parts.count == 2, let first = Int(parts[0]), let second = Int(parts[1]), second == first + 1,
      parts[0].count == 4
    else { return nil }
    self.init(startYear: first)
  }

  /// "2023-2024".
  public var description: String { "\(startYear)-\(startYear + 1)" }

  public static func < (lhs: SchoolYear, rhs: SchoolYear) -> Bool { lhs.startYear < rhs.startYear }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    guard let year = SchoolYear(parsing: try container.decode(String.self)) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a school year")
    }
    self = year
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
