// FieldMapping loads the versioned page templates in Mappings/, classifies a prepared page, locates its fields by
// anchor phrases and table ruling lines, reads each with its recognition profile and returns the evidence.
public import HocBaModel
public import ScanCapture

/// What kind of page a template recognised.
public enum PageKind: Sendable, Hashable, Codable {
  /// Page 1: student information and the quá trình học tập table.
  case information
  /// One school-year page of a regime and grade band.
  case year(regime: Regime, band: GradeBand)

  /// Stable code, e.g. "info", "year-tt22-thcs".
  public var code: String {
    switch self {
    case .information: "info"
    case .year(let regime, let band): "year-\(regime.rawValue.lowercased())-\(band.rawValue.lowercased())"
    }
  }
}

/// The type of a field, which decides its normalisation and validation.
public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
  case score, level, passLevel, conduct, rank, assessment, integer, date, citizenID, name, text, schoolYear
  case className, sex, promotion, award
  /// A list of subject names ("Ngữ văn, Công nghệ"), each one of the template's catalog subjects.
  case subjectList
  /// A teacher's handwritten comment, often followed in the same cell by the teacher's signature.
  case comment
}

/// One field read from a page: the OCR text, its normalised value and the evidence behind it.
public struct FieldReading: Sendable, Hashable {
  /// Field path, e.g. "subjects.toan.fullYear", "student.birthDate", "history[1].className".
  public var path: String
  public var type: FieldType
  /// Whether an error in this field is critical (name, date of birth, CCCD, final averages and levels).
  public var critical: Bool
  /// The OCR text as read (NFC), or "" for a cell judged empty from its ink.
  public var rawText: String
  /// The canonical value ("7.8", "2010-03-12", "T", …), or nil if the text could not be normalised.
  public var normalizedValue: String?
  /// OCR confidence 0–100 (0 for an empty cell).
  public var confidence: Double
  /// Where the value is on the prepared page.
  public var box: PixelRect
  /// The cropped snippet as PNG bytes, for the reviewer.
  public var cropPNG: [UInt8]?
  /// For a cell of a table with row labels: the label region shown at the left of the snippet, so the reviewer
  /// sees which row the value belongs to ("Toán | 6,8"); nil when the snippet is the value alone.
  public var snippetLabelBox: PixelRect?

  public init(
    path: String, type: FieldType, critical: Bool, rawText: String, normalizedValue: String?, confidence: Double,
    box: PixelRect, cropPNG: [UInt8]? = nil
  ) {
    self.path = path
    self.type = type
    self.critical = critical
    self.rawText = rawText
    self.normalizedValue = normalizedValue
    self.confidence = confidence
    self.box = box
    self.cropPNG = cropPNG
  }
}

/// The result of mapping one prepared page.
public enum PageReading: Sendable {
  /// A template matched: its id and version, the page kind, and every field it defines.
  case matched(templateID: String, kind: PageKind, fields: [FieldReading])
  /// No template matched; the reason says, per template, which anchors were missing. Never guessed.
  case unmatched(reason: UnmatchedReason)
}
