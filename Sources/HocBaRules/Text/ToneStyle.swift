/// Where a name puts the tone mark in the open glides oa, oe, uy (domain.md §6.2).
///
/// Both spellings are correct and occur in real names. The words "old" and "new" are used for both in the
/// sources, so the cases name the behaviour instead.
public enum ToneStyle: String, Sendable, Hashable, Codable, CaseIterable {
  /// Tone on the first vowel: "hòa", "khỏe", "thủy".
  case firstVowel
  /// Tone on the second vowel: "hoà", "khoẻ", "thuỷ".
  case secondVowel
  /// No syllable shows the choice (no oa/oe/uy open syllable with a tone mark).
  case neutral
  /// Syllables of the same text use both styles.
  case mixed
}

/// One syllable split into letters (base letter with its vowel-quality mark) and tone marks.
struct Syllable {
  /// Lowercased letters without tone marks, e.g. ["t", "h", "u", "y"].
  var letters: [String]
  /// The tone mark of each letter, or nil.
  var tones: [Unicode.Scalar?]

  static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
  static let vowels: Set<String> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]

  init(_ text: String) {
    letters = []
    tones = []
    for character in text.lowercased().nfcForm {
      var base = ""
      var tone: Unicode.Scalar?
      for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
        if Self.toneMarks.contains(scalar.value) { tone = scalar } else { base.unicodeScalars.append(scalar) }
      }
      letters.append(base.precomposedStringWithCanonicalMapping)
      tones.append(tone)
    }
  }

  /// The index range of the two glide vowels when the syllable is an open oa/oe/uy syllable, else nil.
  var glide: Int? {
    var start = 0
    while start < letters.count, !Self.vowels.contains(letters[start]) { start += 1 }
    // "qu" and "gi" are onsets: quý, quà, giữ.
    if start > 0, letters[start - 1] == "q", start < letters.count, letters[start] == "u" { start += 1 }
    if start == 1, letters[0] == "g", letters.count > 2, letters[1] == "i", Self.vowels.contains(letters[2]) {
      start = 2
    }
    guard letters.count - start == 2 else { return nil }
    let pair = letters[start] + letters[start + 1]
    return ["oa", "oe", "uy"].contains(pair) ? start : nil
  }

  /// The style this syllable shows, or nil when it shows none.
  var style: ToneStyle? {
    guard let start = glide else { return nil }
    if tones[start] != nil { return .firstVowel }
    if tones[start + 1] != nil { return .secondVowel }
    return nil
  }

  /// The syllable, lowercased, with the glide's tone moved to the first vowel.
  var firstVowelForm: String {
    var tones = tones
    if let start = glide, tones[start] == nil, let tone = tones[start + 1] {
      tones[start] = tone
      tones[start + 1] = nil
    }
    var text = ""
    for (letter, tone) in zip(letters, tones) {
      text += letter
      if let tone { text.unicodeScalars.append(tone) }
    }
    return text.nfcForm
  }
}

extension String {
  /// NFC without depending on the model's helper (identical result).
  var nfcForm: String { precomposedStringWithCanonicalMapping }
}
