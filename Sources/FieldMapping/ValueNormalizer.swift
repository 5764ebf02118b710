import Foundation
import HocBaModel

/// Turns OCR text into the canonical value of a field type, or nil when the text is not a valid value.
/// Never guesses: a score read as "78" stays unnormalised and goes to review.
enum ValueNormalizer {
  /// The canonical value of `text` read for a field of `type`; `lexicon` maps printed words to codes.
  static func normalize(_ text: String, type: FieldType, lexicon: [String: String]?) -> String? {
    // Tesseract often gives the look-alike Icelandic eth (Ð U+00D0) for the Vietnamese Đ (U+0110).
    let cleaned = collapse(text.nfc).replacingOccurrences(of: "Ð", with: "Đ").replacingOccurrences(of: "ð", with: "đ")
    if type == .subjectList { return lexicon.flatMap { list(cleaned, lexicon: $0) } }
    if let lexicon, let code = lookUp(cleaned, in: lexicon) { return code }
    switch type {
    case .score:
      return score(cleaned)
    case .integer:
      let digits = cleaned.filter { !$0.isWhitespace }
      guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
      return String(value)
    case .date:
      let runs = digitRuns(cleaned)
      guard runs.count == 3, let date = CalendarDate(parsing: runs.joined(separator: "/")) else { return nil }
      return date.iso
    case .schoolYear:
      let runs = digitRuns(cleaned)
      guard runs.count == 2, let year = SchoolYear(parsing: runs.joined(separator: "-")) else { return nil }
      return year.description
    case .citizenID:
      let digits = cleaned.filter { !" .-".contains($0) }
      guard digits.count == 12, digits.allSatisfy(\.isASCIIDigit) else { return nil }
      return digits
    case .className:
      let compact = trimmed(cleaned).filter { !$0.isWhitespace }
      return compact.isEmpty ? nil : compact
    case .name:
      let name = trimmed(cleaned)
      guard !name.isEmpty else { return nil }
      return isUpperCase(name) ? titleCased(name) : name
    case .text, .assessment:
      let value = addressCommas(trimmed(cleaned))
      return value.isEmpty ? nil : value
    case .comment:
      return comment(cleaned)
    case .level, .passLevel, .conduct, .rank, .sex, .promotion, .award, .subjectList:
      // Closed vocabularies: only a lexicon entry is a value; anything else goes to review.
      return nil
    }
  }

  /// A comment without the signature that follows it in the cell: OCR reads a signature as tokens no Vietnamese
  /// sentence has (digits or symbols, capitals inside a word, a short capitalised token after the first word), so
  /// the comment ends before the first such token. Nil when nothing is left.
  static func comment(_ text: String) -> String? {
    var kept: [Substring] = []
    for token in trimmed(text).split(separator: " ") {
      let letters = token.filter(\.isLetter)
      let trailing = token.drop { $0.isLetter }
      let punctuationOnlyAtEnd = trailing.allSatisfy { ",.;:!?".contains($0) }
      let innerCapital = token.dropFirst().contains { $0.isUppercase }
      let shortCapital = !kept.isEmpty && letters.count <= 2 && token.first?.isUppercase == true
      if letters.isEmpty || !punctuationOnlyAtEnd || innerCapital || shortCapital { break }
      kept.append(token)
    }
    let value = kept.joined(separator: " ")
    return value.isEmpty ? nil : value
  }

  /// The words that open a part of a Vietnamese address or a school's location; they always follow a comma, and
  /// are written in lower case (a sentence would start with a capital).
  static let addressUnits: Set<String> = [
    "phường", "xã", "thị", "huyện", "quận", "tỉnh", "thành", "thôn", "ấp", "tổ", "khu", "bản", "khối", "xóm",
  ]

  /// `text` with a full stop before an address unit read back as the comma it is ("Diễn Châu. tỉnh Nghệ An":
  /// OCR takes the comma of some serif fonts for a full stop). "TP. Hà Nội" keeps its stop: "Hà" is no unit word.
  static func addressCommas(_ text: String) -> String {
    var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    for index in words.indices.dropLast() where words[index].hasSuffix(".") && words[index].count > 1 {
      let next = words[index + 1]
      guard addressUnits.contains(next), !["TP.", "Tp.", "TX.", "TT.", "Q.", "P."].contains(words[index]) else {
        continue
      }
      words[index] = String(words[index].dropLast()) + ","
    }
    return words.joined(separator: " ")
  }

  /// The code for `text` in a lexicon: exact, then case-insensitive, then without diacritics when unambiguous.
  static func lookUp(_ text: String, in lexicon: [String: String]) -> String? {
    let value = trimmed(text)
    if let code = lexicon[value] { return code }
    let lower = value.lowercased()
    let caseless = lexicon.filter { $0.key.lowercased() == lower }
    if Set(caseless.values).count == 1 { return caseless.first?.value }
    let key = TextMatching.key(value)
    guard !key.isEmpty else { return nil }
    let folded = lexicon.filter { TextMatching.key($0.key) == key }
    return Set(folded.values).count == 1 ? folded.first?.value : nil
  }

  /// The code of the one lexicon word `text` is a single edit away from (without diacritics, words of three
  /// letters or more: "Tết" → "Tốt"); nil when none or when two codes are that close.
  static func nearest(_ text: String, in lexicon: [String: String]) -> String? {
    let key = TextMatching.key(trimmed(text))
    guard key.count >= 3 else { return nil }
    let close = Set(
      lexicon.filter { entry in
        let other = TextMatching.key(entry.key)
        return other.count >= 3 && TextMatching.editDistance(key, other) == 1
      }.values)
    return close.count == 1 ? close.first : nil
  }

  /// A comma-separated list whose every item is a lexicon entry (by `lookUp`, or within 20 % edits of exactly one
  /// entry), as the entries' codes joined with ", "; nil when an item is not in the lexicon.
  static func list(_ text: String, lexicon: [String: String]) -> String? {
    let items = trimmed(text).split(whereSeparator: { $0 == "," || $0 == ";" }).map { trimmed(String($0)) }
      .filter { !$0.isEmpty }
    guard !items.isEmpty else { return nil }
    var codes: [String] = []
    for item in items {
      if let code = lookUp(item, in: lexicon) {
        codes.append(code)
        continue
      }
      let key = TextMatching.key(item)
      let close = Set(lexicon.filter { TextMatching.distance(key, TextMatching.key($0.key)) <= 0.2 }.values)
      guard close.count == 1, let code = close.first else { return nil }
      codes.append(code)
    }
    return codes.joined(separator: ", ")
  }

  /// "7,8", "7.8", "10" → "7.8", "10.0"; a stray trailing separator after a full decimal is dropped.
  static func score(_ text: String) -> String? {
    var compact = text.filter { !$0.isWhitespace }
    if compact.count >= 4, let last = compact.last, last == "." || last == ",",
      compact.dropLast().contains(where: { $0 == "," || $0 == "." })
    {
      compact.removeLast()
    }
    return (try? Score(parsing: compact))?.canonical
  }

  /// Whitespace collapsed to single spaces.
  static func collapse(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Without dotted leaders, rule bars and stray punctuation at either end.
  static func trimmed(_ text: String) -> String {
    let junk: Set<Character> = [
      ".", "…", "_", "|", ":", ";", "-", "–", "·", "'", "‘", "’", "\"", "“", "”", "„", "«", "»", " ", ",",
    ]
    var view = Substring(text)
    while let first = view.first, junk.contains(first) { view.removeFirst() }
    while let last = view.last, junk.contains(last) { view.removeLast() }
    return String(view)
  }

  /// The runs of ASCII digits in `text`.
  static func digitRuns(_ text: String) -> [String] {
    text.split(whereSeparator: { !$0.isASCIIDigit }).map(String.init)
  }

  static func isUpperCase(_ text: String) -> Bool {
    text.contains(where: \.isLetter) && text == text.uppercased()
  }

  /// "HUỲNH THANH HÀ" → "Huỳnh Thanh Hà".
  static func titleCased(_ text: String) -> String {
    text.split(separator: " ").map { word in
      guard let first = word.first else { return "" }
      return String(first).uppercased() + word.dropFirst().lowercased()
    }
    .joined(separator: " ")
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0–9.
  var isASCIIDigit: Bool { isASCII && isNumber }
}
