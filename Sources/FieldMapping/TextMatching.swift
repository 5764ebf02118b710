import Foundation

/// Diacritic- and case-insensitive comparison of Vietnamese phrases, tolerant to a little OCR noise.
public enum TextMatching {
  /// The matching key of a text: NFD without combining marks, đ folded to d, lowercased, punctuation removed,
  /// split into tokens of letters and digits ("Giáo dục công dân:" → ["giao", "duc", "cong", "dan"]).
  static func tokens(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
      if (0x300...0x36F).contains(scalar.value) { continue }
      let folded: Character
      switch scalar {
      case "đ", "Đ": folded = "d"
      default: folded = Character(scalar)
      }
      if folded.isLetter || folded.isNumber {
        current += folded.lowercased()
      } else if !current.isEmpty {
        result.append(current)
        current = ""
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// The matching key as one string with single spaces.
  static func key(_ text: String) -> String { tokens(text).joined(separator: " ") }

  /// Levenshtein distance between two strings, by Unicode scalar.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let left = Array(a.unicodeScalars)
    let right = Array(b.unicodeScalars)
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = previous
    for i in 1...left.count {
      current[0] = i
      for j in 1...right.count {
        let cost = left[i - 1] == right[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[right.count]
  }

  /// Edits allowed when matching a phrase key of `length` characters: none below 8, then one per 8.
  static func allowedEdits(length: Int) -> Int { length / 8 }

  /// The edit distance between a phrase and a candidate window, compared without spaces (a split or merged word
  /// costs nothing); nil when they are not the same phrase. Besides the edit budget, every short word of the
  /// phrase (one or two letters: "mẹ", "cá", "I") must be in the window, so "Họ và tên mẹ" does not match
  /// "Họ và tên: Lê": one letter is all that tells those apart.
  static func mismatch(_ phrase: [String], _ candidate: [String]) -> Int? {
    let expected = phrase.joined()
    let actual = candidate.joined()
    if expected == actual { return 0 }
    let distance = editDistance(expected, actual)
    guard distance <= allowedEdits(length: expected.count) else { return nil }
    for short in phrase where short.count <= 2 {
      guard candidate.contains(where: { $0 == short || ($0.count > 2 && $0.contains(short)) }) else { return nil }
    }
    return distance
  }

  /// Normalised distance 0–1 between two keys (0 = identical).
  static func distance(_ a: String, _ b: String) -> Double {
    let longest = max(a.count, b.count)
    guard longest > 0 else { return 0 }
    return Double(editDistance(a, b)) / Double(longest)
  }

  /// Every window of `tokens` that matches `phrase`: the range of token indices. Windows of n-1…n+1 tokens are
  /// tried so that a word split or merged by OCR still matches; at each start the closest window wins, and a start
  /// is passed over when the next one matches more closely (a neighbouring word must not join the phrase).
  static func occurrences(of phrase: [String], in tokens: [String]) -> [Range<Int>] {
    guard !phrase.isEmpty, !tokens.isEmpty else { return [] }
    func best(at start: Int) -> (range: Range<Int>, distance: Int)? {
      var found: (range: Range<Int>, distance: Int)?
      for length in [phrase.count, phrase.count - 1, phrase.count + 1] where length >= 1 {
        let end = start + length
        guard end <= tokens.count, let distance = mismatch(phrase, Array(tokens[start..<end])) else { continue }
        if distance < (found?.distance ?? .max) { found = (start..<end, distance) }
      }
      return found
    }
    var found: [Range<Int>] = []
    var start = 0
    while start < tokens.count {
      guard let here = best(at: start) else {
        start += 1
        continue
      }
      if let next = best(at: start + 1), next.distance < here.distance {
        start += 1
        continue
      }
      found.append(here.range)
      start = here.range.upperBound
    }
    return found
  }

  /// Header tokens with OCR look-alikes of Roman numerals folded: "l", "1", "|" → "i"; "ll", "11", "il" → "ii";
  /// and the Arabic "2" of a term ("Học kì 2", "HK 2", "HK2") → "ii". Only after a term word: "Ngoại ngữ 2" keeps its
  /// "2", so a misread "Ngoại ngữ 1" ("ll") is not taken for it.
  /// A term abbreviation written as one word ("HK1", "HKl", "HK2", "HK11") folded like the spaced form: "hki",
  /// "hkii". Nil for any other token.
  private static func joinedTerm(_ token: String) -> String? {
    guard token.hasPrefix("hk"), token.count > 2 else { return nil }
    switch token.dropFirst(2) {
    case "l", "1", "j": return "hki"
    case "ll", "11", "il", "li", "i1", "1i", "l1", "1l", "2": return "hkii"
    default: return nil
    }
  }

  static func foldingNumerals(_ tokens: [String]) -> [String] {
    tokens.enumerated().map { index, token in
      switch token {
      case "l", "1", "j": "i"
      case "ll", "11", "il", "li", "i1", "1i", "l1", "1l": "ii"
      case "2" where index > 0 && ["ki", "ky", "hk"].contains(tokens[index - 1]): "ii"
      default: joinedTerm(token) ?? token
      }
    }
  }
}
