import Foundation
import HocBaModel

/// Syllables of Vietnamese personal names (`Mappings/lexicons/names.json`), for correcting OCR tone-mark errors
/// in name fields ("Định Thanh Vy" → "Đinh Thanh Vy", "Đức Quần" → "Đức Quân").
///
/// A syllable is changed only when it is not in the lexicon and exactly one lexicon syllable differs from it in
/// diacritics alone; a field so changed goes to review. A real name is never changed when its syllables are listed.
public struct NameLexicon: Sendable, Hashable, Decodable {
  /// Family names: the first syllable of a name is checked against these.
  public let surnames: [String]
  /// Middle and given names: every later syllable is checked against these.
  public let syllables: [String]
  /// The same lists in NFC, as sets, built once.
  private let surnameSet: Set<String>
  private let syllableSet: Set<String>

  /// The file's place inside a `Mappings/` directory.
  public static let relativePath = "lexicons/names.json"

  public init(surnames: [String], syllables: [String]) {
    self.surnames = surnames.map(\.nfc)
    self.syllables = syllables.map(\.nfc)
    surnameSet = Set(self.surnames)
    syllableSet = Set(self.syllables)
  }

  private enum CodingKeys: String, CodingKey { case surnames, syllables }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      surnames: try container.decode([String].self, forKey: .surnames),
      syllables: try container.decode([String].self, forKey: .syllables))
  }

  /// `name` with unlisted syllables replaced by their only listed look-alike, and whether anything changed.
  public func corrected(_ name: String) -> (name: String, changed: Bool) {
    let parts = name.split(separator: " ").map { String($0).nfc }
    guard parts.count >= 2 else { return (name, false) }
    var changed = false
    let fixed = parts.enumerated().map { index, part in
      let listed = index == 0 ? surnameSet : syllableSet
      guard !listed.contains(part) else { return part }
      let key = TextMatching.key(part)
      let alike = Set((index == 0 ? surnames : syllables).filter { TextMatching.key($0) == key })
      guard alike.count == 1, let only = alike.first else { return part }
      changed = true
      return only
    }
    return (fixed.joined(separator: " "), changed)
  }

  /// Whether every syllable of `name` is listed (the first among the surnames).
  public func lists(_ name: String) -> Bool {
    name.split(separator: " ").map { String($0).nfc }.enumerated().allSatisfy { index, part in
      (index == 0 ? surnameSet : syllableSet).contains(part)
    }
  }

  /// Loads the lexicon of a `Mappings/` directory; nil when the directory has none.
  static func load(mappings directory: URL) throws -> NameLexicon? {
    let file = directory.appendingPathComponent(relativePath)
    guard FileManager.default.fileExists(atPath: file.path) else { return nil }
    do {
      return try JSONDecoder().decode(NameLexicon.self, from: Data(contentsOf: file))
    } catch {
      throw MappingError.unreadable(file: relativePath)
    }
  }
}
