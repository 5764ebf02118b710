import HocBaModel

/// What became of one scanned page.
public enum PageOutcome: String, Sendable, Hashable, Codable, CaseIterable {
  /// A template matched and its fields were read.
  case mapped
  /// The page is blank.
  case blank
  /// No template matched (the reason is stored); never guessed.
  case unmatched
  /// The same sheet was already imported (identical page or a rescan of it).
  case duplicate
  /// The page could not be read (OCR failure or timeout); the reason is stored.
  case failed
}

/// One field read from a page, as stored before it is attached to a record.
public struct PageFieldEvidence: Sendable, Hashable {
  public var path: String
  public var type: String
  public var critical: Bool
  public var rawText: String
  public var normalizedValue: String?
  public var confidence: Double
  public var box: FieldBox
  /// Crop image path relative to the work folder.
  public var cropPath: String?

  public init(
    path: String, type: String, critical: Bool, rawText: String, normalizedValue: String?, confidence: Double,
    box: FieldBox, cropPath: String?
  ) {
    self.path = path
    self.type = type
    self.critical = critical
    self.rawText = rawText
    self.normalizedValue = normalizedValue
    self.confidence = confidence
    self.box = box
    self.cropPath = cropPath
  }
}

/// Everything the importer keeps about one finished page; saved in one transaction.
public struct PageEvidence: Sendable, Hashable {
  public var scanID: Int64
  public var pageNumber: Int
  /// SHA-256 of the decoded page, to find the same page inside other files.
  public var contentSHA256: String?
  public var outcome: PageOutcome
  /// Page kind code such as "info" or "year-tt22-thcs".
  public var kind: String?
  public var templateID: String?
  /// Why the page is unmatched, failed or a duplicate (no student data).
  public var reason: String?
  public var rotation: Int
  public var skew: Double
  public var orientationUncertain: Bool
  public var fields: [PageFieldEvidence]

  public init(
    scanID: Int64, pageNumber: Int, contentSHA256: String?, outcome: PageOutcome, kind: String? = nil,
    templateID: String? = nil, reason: String? = nil, rotation: Int = 0, skew: Double = 0,
    orientationUncertain: Bool = false, fields: [PageFieldEvidence] = []
  ) {
    self.scanID = scanID
    self.pageNumber = pageNumber
    self.contentSHA256 = contentSHA256
    self.outcome = outcome
    self.kind = kind
    self.templateID = templateID
    self.reason = reason
    self.rotation = rotation
    self.skew = skew
    self.orientationUncertain = orientationUncertain
    self.fields = fields
  }
}

/// A saved page with its evidence, as read back for grouping into records.
public struct StoredPage: Sendable, Hashable {
  public var id: Int64
  public var scanID: Int64
  public var scanSHA256: String
  public var fileName: String
  public var pageNumber: Int
  public var outcome: PageOutcome
  public var kind: String?
  public var recordID: Int64?
  public var fields: [PageFieldEvidence]

  /// The normalised value (else the raw text) of a field, or nil if the page has no such field.
  public func value(_ path: String) -> String? {
    guard let field = fields.first(where: { $0.path == path }) else { return nil }
    let value = field.normalizedValue ?? field.rawText
    return value.isEmpty ? nil : value
  }
}

/// How far the import of one scan file got.
public struct ScanProgress: Sendable, Hashable {
  public var scanID: Int64
  public var complete: Bool
  /// Page numbers already saved.
  public var savedPages: Set<Int>
}

/// A file set aside by the importer, with the reason code.
public struct QuarantineEntry: Sendable, Hashable {
  public var path: String
  public var sha256: String?
  public var reason: String
}
