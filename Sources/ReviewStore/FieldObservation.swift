/// The review status of one OCR field.
public enum FieldStatus: String, Sendable, Hashable, CaseIterable, Codable {
  /// Not yet looked at by a reviewer.
  case pending
  /// The reviewer confirmed the OCR value.
  case accepted
  /// The reviewer replaced the OCR value.
  case corrected
  /// The reviewer rejected the value (unreadable or not applicable).
  case rejected
}

/// A rectangle on a scanned page, in pixels from the top-left corner.
public struct FieldBox: Sendable, Hashable {
  /// Left edge.
  public var x: Int
  /// Top edge.
  public var y: Int
  /// Width.
  public var width: Int
  /// Height.
  public var height: Int

  /// Creates a box.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}

/// One value read from a scan for a record, with its evidence and review status.
public struct FieldObservation: Sendable, Hashable {
  /// The database id, nil before the field is added.
  public var id: Int64?
  /// The record the field belongs to.
  public var recordID: Int64
  /// The scanned page it was read from, if known.
  public var pageID: Int64?
  /// The field path inside the record, e.g. "bangDiem.toan.hk1".
  public var path: String
  /// The text as the OCR engine read it.
  public var rawText: String?
  /// The value after normalisation or correction.
  public var normalizedValue: String?
  /// The OCR confidence, 0–100.
  public var confidence: Double?
  /// Where on the page the value was read.
  public var box: FieldBox?
  /// The path of the cropped image of the value, relative to the work folder.
  public var cropPath: String?
  /// The review status.
  public var status: FieldStatus

  /// Creates a field observation (pending by default).
  public init(
    id: Int64? = nil, recordID: Int64, pageID: Int64? = nil, path: String, rawText: String? = nil,
    normalizedValue: String? = nil, confidence: Double? = nil, box: FieldBox? = nil, cropPath: String? = nil,
    status: FieldStatus = .pending
  ) {
    self.id = id
    self.recordID = recordID
    self.pageID = pageID
    self.path = path
    self.rawText = rawText
    self.normalizedValue = normalizedValue
    self.confidence = confidence
    self.box = box
    self.cropPath = cropPath
    self.status = status
  }
}

/// How serious a consistency finding is.
public enum FindingSeverity: String, Sendable, Hashable, CaseIterable, Codable {
  /// Blocks approval.
  case error
  /// Needs a reviewer's attention.
  case warning
  /// For information only.
  case info
}

/// A consistency-check result attached to a record (and optionally one field).
public struct StoredFinding: Sendable, Hashable {
  /// The database id, nil before the finding is added.
  public var id: Int64?
  /// The record the finding is about.
  public var recordID: Int64
  /// The field path it points at, if any.
  public var fieldPath: String?
  /// The stable code of the rule that produced it.
  public var ruleCode: String
  /// How serious it is.
  public var severity: FindingSeverity
  /// A short explanation for the reviewer.
  public var detail: String

  /// Creates a finding.
  public init(
    id: Int64? = nil, recordID: Int64, fieldPath: String? = nil, ruleCode: String, severity: FindingSeverity,
    detail: String
  ) {
    self.id = id
    self.recordID = recordID
    self.fieldPath = fieldPath
    self.ruleCode = ruleCode
    self.severity = severity
    self.detail = detail
  }
}
