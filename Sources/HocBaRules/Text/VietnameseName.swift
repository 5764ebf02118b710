import Foundation

/// How two spellings of a name differ, from the least to the most serious (domain.md §6).
public enum NameDifference: String, Sendable, Hashable, CaseIterable {
  /// The same code points in NFC.
  case identical
  /// Only letter case or spacing differ.
  case caseOrSpacing
  /// Only the tone placement in oa/oe/uy differs ("Thuỷ" / "Thủy"), perhaps with case or spacing.
  case toneStyle
  /// The letters match once every diacritic is removed ("Thuỷ" / "Thuy"): perhaps an OCR loss.
  case diacritics
  /// Different names.
  case different
}

/// Helpers for names as written (domain.md §6): NFC test, tone style, matching keys. They never rewrite a name.
public enum VietnameseName {
  /// Whether `text` is already in NFC, compared code point by code point (String == ignores the form).
  public static func isNFC(_ text: String) -> Bool {
    Array(text.unicodeScalars) == Array(text.nfcForm.unicodeScalars)
  }

  /// The tone style of a name: the style its oa/oe/uy syllables show, `.neutral` or `.mixed`.
  public static func toneStyle(of name: String) -> ToneStyle {
    let styles = Set(words(name).compactMap { Syllable($0).style })
    switch styles.count {
    case 0: return .neutral
    case 1: return styles.first!
    default: return .mixed
    }
  }

  /// The canonical matching key: NFC, lowercased, spaces collapsed, tone on the first vowel of oa/oe/uy.
  public static func canonicalKey(_ name: String) -> String {
    words(name).map { Syllable($0).firstVowelForm }.joined(separator: " ")
  }

  /// The diacritic-free key for candidate search: lowercased, spaces collapsed, marks removed, đ folded to d.
  public static func diacriticFreeKey(_ name: String) -> String {
    words(name).map { word in
      var folded = ""
      for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
        if scalar.properties.generalCategory == .nonspacingMark { continue }
        folded.unicodeScalars.append(scalar == "đ" ? "d" : scalar)
      }
      return folded
    }.joined(separator: " ")
  }

  /// How `recorded` differs from `reference` (e.g. the OCR name against the class roster).
  public static func compare(_ recorded: String, _ reference: String) -> NameDifference {
    if Array(recorded.nfcForm.unicodeScalars) == Array(reference.nfcForm.unicodeScalars) { return .identical }
    let spaced = { (text: String) in words(text).joined(separator: " ") }
    if Array(spaced(recorded).unicodeScalars) == Array(spaced(reference).unicodeScalars) { return .caseOrSpacing }
    if canonicalKey(recorded) == canonicalKey(reference) { return .toneStyle }
    if diacriticFreeKey(recorded) == diacriticFreeKey(reference) { return .diacritics }
    return .different
  }

  /// Whether the text has leading, trailing or repeated whitespace.
  public static func hasIrregularSpacing(_ text: String) -> Bool {
    let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return text.unicodeScalars.count != collapsed.unicodeScalars.count
      || text.unicodeScalars.contains { $0.properties.isWhitespace && $0 != " " }
  }

  /// The NFC, lowercased words of a text.
  static func words(_ text: String) -> [String] {
    text.nfcForm.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
  }
}
