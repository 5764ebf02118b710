import Foundation
public import HocBaModel
import ScanCapture

/// One page template loaded from `Mappings/*.json`: how to recognise the page and where its fields are.
///
/// Every key is documented in `Mappings/README.md`. Positions are never pixels: fields are found by anchor
/// phrases and by the ruling lines of tables, so books printed with other margins, fonts and resolutions map.
public struct Template: Sendable, Hashable, Decodable {
  /// The format version this build reads; a file with a newer `version` is refused.
  public static let supportedVersion = 1

  /// The template format version of the file.
  public var version: Int
  /// Stable identifier, e.g. "year-tt22-thpt".
  public var id: String
  /// The page kind the template recognises ("info" or "year").
  public var page: String
  /// For year pages: the regime ("TT22" or "TT58").
  public var regime: Regime?
  /// For year pages: the grade band ("THCS" or "THPT").
  public var band: GradeBand?
  /// How the page is recognised from its full-page OCR text.
  public var classify: Classification
  /// Named recognition profiles used by the fields.
  public var profiles: [String: ProfileSpec]
  /// Named lexicons: text as printed → canonical code.
  public var lexicons: [String: [String: String]]
  /// Fields found by a label, a phrase or an anchor above them.
  public var fields: [FieldSpec]
  /// Ruled tables and the fields in their cells.
  public var tables: [TableSpec]

  /// The page kind, derived from `page`, `regime` and `band`.
  public var kind: PageKind? {
    switch page {
    case "info": return .information
    case "year":
      guard let regime, let band else { return nil }
      return .year(regime: regime, band: band)
    default: return nil
    }
  }
}

/// Anchor phrases that decide whether a page is of a template's kind (matched without diacritics and case).
///
/// The phrases are weighted evidence, not vetoes: a page is of this kind when it carries enough of the template's
/// evidence (`ClassificationWeights`) and clearly more than any other template's, so one misread or missed phrase
/// neither throws a page out nor lets a wrong one in.
public struct Classification: Sendable, Hashable, Decodable {
  /// The template's strongest anchors (titles, table headers); at least one must occur.
  public var required: [String]
  /// Supporting phrases (row labels, line labels).
  public var anyOf: [String]?
  /// Phrases of other kinds of page: each one found counts against this template.
  public var forbidden: [String]?
  /// How much each kind of phrase counts; `ClassificationWeights.standard` when absent.
  public var weights: ClassificationWeights?
}

/// How much each kind of anchor phrase counts when a page is classified. Tunable per template in its mapping file
/// (`classify.weights`); the defaults below are the one place they live otherwise.
public struct ClassificationWeights: Sendable, Hashable, Decodable {
  /// Points per `required` phrase found.
  public var required: Int
  /// Points per `anyOf` phrase found, up to `anyOfCap` phrases.
  public var anyOf: Int
  public var anyOfCap: Int
  /// Points taken away per `forbidden` phrase found.
  public var forbidden: Int
  /// The share of the template's attainable points (percent) a page must reach.
  public var minimumPercent: Int
  /// How many points the best template must lead the runner-up by; closer than that, the page is ambiguous.
  public var minimumMargin: Int

  /// The defaults: a title or header is worth four supporting labels; a phrase of another kind of page costs two.
  public static let standard = ClassificationWeights(
    required: 4, anyOf: 1, anyOfCap: 3, forbidden: 2, minimumPercent: 50, minimumMargin: 2)

  public init(required: Int, anyOf: Int, anyOfCap: Int, forbidden: Int, minimumPercent: Int, minimumMargin: Int) {
    self.required = required
    self.anyOf = anyOf
    self.anyOfCap = anyOfCap
    self.forbidden = forbidden
    self.minimumPercent = minimumPercent
    self.minimumMargin = minimumMargin
  }

  /// Decodes the keys given, taking the standard value for each one left out.
  public init(from decoder: any Decoder) throws {
    enum Key: String, CodingKey { case required, anyOf, anyOfCap, forbidden, minimumPercent, minimumMargin }
    let container = try decoder.container(keyedBy: Key.self)
    let standard = Self.standard
    func value(_ key: Key, _ fallback: Int) throws -> Int {
      try container.decodeIfPresent(Int.self, forKey: key) ?? fallback
    }
    self.init(
      required: try value(.required, standard.required), anyOf: try value(.anyOf, standard.anyOf),
      anyOfCap: try value(.anyOfCap, standard.anyOfCap), forbidden: try value(.forbidden, standard.forbidden),
      minimumPercent: try value(.minimumPercent, standard.minimumPercent),
      minimumMargin: try value(.minimumMargin, standard.minimumMargin))
  }
}

/// A named OCR profile: model language, segmentation and allowed characters.
public struct ProfileSpec: Sendable, Hashable, Decodable {
  /// Tesseract language ("vie" for text, "eng" for scores and digits).
  public var language: String
  /// "line" (PSM 7), "block" (PSM 6), "word" (PSM 8) or "auto" (PSM 3).
  public var segmentation: String
  /// The only characters OCR may output.
  public var whitelist: String?
  /// A regular expression the whole normalised value must match ("^(6|7|8|9|10|11|12)[A-Z][0-9]{0,2}$" for class
  /// names); a value that does not is read again with `alternate`, and otherwise goes to review.
  public var pattern: String?
  /// The profile to read with when the value does not match `pattern`.
  public var alternate: String?

  /// Whether `value` matches `pattern` (always true without one).
  func accepts(_ value: String) -> Bool {
    guard let pattern else { return true }
    return value.range(of: pattern, options: .regularExpression) != nil
  }

  /// The profile for `OCREngine.recognizeRegion`, or nil for an unknown segmentation name.
  var recognition: RecognitionProfile? {
    let modes: [String: PageSegmentation] = [
      "line": .singleLine, "block": .singleBlock, "word": .singleWord, "auto": .auto, "sparse": .sparseText,
    ]
    guard let mode = modes[segmentation] else { return nil }
    return RecognitionProfile(language: language, pageSegmentation: mode, characterWhitelist: whitelist)
  }
}

extension Template {
  /// Label occurrences on the page; where labels overlap ("Họ và tên" inside "Họ và tên cha") the longer wins.
  func claimedLabels(in text: PageText) -> [(phrase: String, match: PageText.Match)] {
    // Sorted, never a Set's order: which label claims a word must not depend on hashing (it made reads vary).
    let phrases = Array(Set(fields.flatMap { ($0.label ?? []) + ($0.stopAt ?? []) })).sorted()
    let candidates = phrases.flatMap { phrase in
      Self.wordings(of: phrase).flatMap { wording in
        text.find(wording).filter { wording == phrase || Self.standsAsLabel($0, in: text) }
          .map { (phrase: phrase, match: $0) }
      }
    }
    .sorted { first, second in
      let (a, b) = (TextMatching.tokens(first.phrase).count, TextMatching.tokens(second.phrase).count)
      if a != b { return a > b }
      if first.phrase != second.phrase { return first.phrase < second.phrase }
      return (first.match.box.y, first.match.box.x) < (second.match.box.y, second.match.box.x)
    }
    var used: Set<Int> = []
    var claimed: [(phrase: String, match: PageText.Match)] = []
    for candidate in candidates where used.isDisjoint(with: candidate.match.words) {
      used.formUnion(candidate.match.words)
      claimed.append(candidate)
    }
    return claimed
  }

  /// The ways a label is printed: as written, and without the connective "và" where it has one (forms print
  /// "Họ và tên cha" and "Họ tên cha" alike).
  static func wordings(of phrase: String) -> [String] {
    let words = phrase.split(separator: " ")
    guard words.count > 2, words.dropFirst().dropLast().contains(where: { TextMatching.key(String($0)) == "va" }) else {
      return [phrase]
    }
    return [phrase, words.filter { TextMatching.key(String($0)) != "va" }.joined(separator: " ")]
  }

  /// Whether a shortened wording ("Họ tên") is printed as a label: it ends in a colon or opens its line, unlike
  /// the "họ tên" inside "(Ký, ghi rõ họ tên)".
  static func standsAsLabel(_ match: PageText.Match, in text: PageText) -> Bool {
    guard let first = match.words.first, let last = match.words.last else { return false }
    if text.words[last].text.hasSuffix(":") { return true }
    let opening = text.words[first]
    return !text.words.contains { $0.lineIndex == opening.lineIndex && $0.box.x < opening.box.x }
  }

  /// The label and anchor phrases of fields outside tables that `text` does not hold (as often as the fields'
  /// occurrences need), and the paths of phrase fields none of whose lexicon phrases it holds.
  func anchorsMissing(in text: PageText) -> [String] {
    var missing: [String] = []
    let claimed = claimedLabels(in: text)
    for field in fields {
      if let labels = field.label {
        let wanted = abs(field.occurrence ?? 1)
        if claimed.filter({ labels.contains($0.phrase) }).count < wanted { missing.append(labels[0]) }
      } else if let below = field.below, !text.contains(below) {
        missing.append(below)
      } else if field.phrase != nil, let name = field.lexicon, let phrases = lexicons[name],
        !phrases.keys.contains(where: text.contains)
      {
        missing.append(field.path)
      }
    }
    return missing
  }
}

/// A field outside tables, located by exactly one of `label`, `phrase` or `below`.
public struct FieldSpec: Sendable, Hashable, Decodable {
  /// Field path, e.g. "student.birthDate".
  public var path: String
  /// The value type (normalisation).
  public var type: FieldType
  /// Name of the profile in `profiles`.
  public var profile: String
  /// Name of a lexicon in `lexicons` mapping the read text to a code.
  public var lexicon: String?
  /// Whether a misreading changes the record.
  public var critical: Bool?
  /// Label phrases (alternatives): the value is right of the label, up to the next label or the line end.
  public var label: [String]?
  /// Which occurrence of the label, counted top to bottom from 1.
  public var occurrence: Int?
  /// Phrases that end the value on its line besides the other labels (e.g. "chỗ").
  public var stopAt: [String]?
  /// With `label`: the value may go on to the next line (an address); a line below with no label of its own is
  /// read as its continuation.
  public var wraps: Bool?
  /// Search the page lines for the keys of `lexicon`: "line" (the whole line) or "contains".
  public var phrase: String?
  /// An anchor phrase above the value: the value is a text line below it.
  public var below: String?
  /// With `below`: "first" (the first line below) or "last" (the last line within `within` inches).
  public var line: String?
  /// With `below`: how far below the anchor to look, in inches.
  public var within: Double?
}

/// A ruled table: found by its header phrases, cells given by its ruling lines.
public struct TableSpec: Sendable, Hashable, Decodable {
  /// Phrases that must all occur in the header row.
  public var header: [String]
  /// The column holding the row labels (from 0), or nil for rows numbered by position.
  public var labelColumn: Int?
  /// The columns read, identified by their header text.
  public var columns: [ColumnSpec]
  /// The rows read.
  public var rows: RowsSpec
  /// Path pattern with `{row}`, `{column}` and `{index}` placeholders.
  public var path: String
  /// Default type of a cell.
  public var type: FieldType
  /// Default profile name of a cell.
  public var profile: String
  /// Default lexicon name of a cell.
  public var lexicon: String?
  /// Whether a misreading changes the record.
  public var critical: Bool?
}

/// One column of a table.
public struct ColumnSpec: Sendable, Hashable, Decodable {
  /// The value that replaces `{column}` in paths.
  public var key: String
  /// Header phrases (alternatives) that identify the column.
  public var match: [String]
  /// Type, profile, lexicon overriding the table's for this column.
  public var type: FieldType?
  public var profile: String?
  public var lexicon: String?
  /// The column's type, profile and lexicon win over the row's (a free-text comment column in a table whose rows
  /// say score or pass level); otherwise the row's win.
  public var ownCells: Bool?
  /// Overrides the table's `critical` for this column's cells.
  public var critical: Bool?
}

/// Which rows of a table are read.
public struct RowsSpec: Sendable, Hashable, Decodable {
  /// Rows labelled with the subject names of the template's regime and band (SubjectCatalog).
  public var catalog: Bool?
  /// With `catalog`: type and profile per assessment kind, e.g. {"scored": …, "commented": …}.
  public var catalogCells: [String: CellSpec]?
  /// Rows labelled with fixed phrases.
  public var explicit: [RowSpec]?
  /// Rows read by position (first data row is index 0); empty rows are skipped.
  public var indexed: Bool?
}

/// Type, profile and lexicon of a cell.
public struct CellSpec: Sendable, Hashable, Decodable {
  public var type: FieldType
  public var profile: String
  public var lexicon: String?
}

/// A row labelled by a fixed phrase.
public struct RowSpec: Sendable, Hashable, Decodable {
  /// The value that replaces `{row}` in paths.
  public var key: String
  /// Label phrases (alternatives).
  public var match: [String]
  /// A path pattern replacing the table's for this row.
  public var path: String?
  /// Type, profile, lexicon overriding the table's for this row.
  public var type: FieldType?
  public var profile: String?
  public var lexicon: String?
}
