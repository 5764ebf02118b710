import HocBaModel

/// A field's review status, as the core sees it.
public enum ReviewStatus: String, Sendable, Hashable {
  /// Awaiting a reviewer.
  case pending
  /// Confirmed as read.
  case accepted
  /// Replaced by a reviewer.
  case corrected
  /// Rejected as unreadable.
  case rejected
}

/// One record in the review queue.
public struct QueueItem: Sendable, Hashable {
  /// The record id.
  public var recordID: Int64
  /// The student's name.
  public var studentName: String
  /// The student's CCCD, if known.
  public var citizenID: String?
  /// "2023-2024".
  public var schoolYear: String
  /// The class name.
  public var className: String
  /// Fields awaiting review.
  public var pendingFields: Int
  /// Error findings not yet acknowledged.
  public var openErrors: Int
  /// The lowest confidence among pending fields.
  public var lowestConfidence: Double?
  /// Another reviewer holding the record, if any.
  public var claimedBy: String?

  /// Creates a queue item.
  public init(
    recordID: Int64, studentName: String, citizenID: String? = nil, schoolYear: String, className: String,
    pendingFields: Int, openErrors: Int, lowestConfidence: Double? = nil, claimedBy: String? = nil
  ) {
    self.recordID = recordID
    self.studentName = studentName
    self.citizenID = citizenID
    self.schoolYear = schoolYear
    self.className = className
    self.pendingFields = pendingFields
    self.openErrors = openErrors
    self.lowestConfidence = lowestConfidence
    self.claimedBy = claimedBy
  }
}

/// One field of the open record.
public struct FieldSnapshot: Sendable, Hashable {
  /// The field id.
  public var id: Int64
  /// The path, e.g. "subjects.toan.fullYear".
  public var path: String
  /// The value type.
  public var kind: FieldKind
  /// Whether a change needs double keying.
  public var critical: Bool
  /// The OCR text.
  public var rawText: String?
  /// The canonical value.
  public var value: String?
  /// OCR confidence 0–100.
  public var confidence: Double?
  /// Review status.
  public var status: ReviewStatus
  /// The version read, for optimistic updates.
  public var version: Int
  /// The crop image path, if any.
  public var cropPath: String?

  /// Creates a field snapshot.
  public init(
    id: Int64, path: String, kind: FieldKind, critical: Bool, rawText: String?, value: String?,
    confidence: Double?, status: ReviewStatus, version: Int, cropPath: String? = nil
  ) {
    self.id = id
    self.path = path
    self.kind = kind
    self.critical = critical
    self.rawText = rawText
    self.value = value
    self.confidence = confidence
    self.status = status
    self.version = version
    self.cropPath = cropPath
  }
}

/// A consistency finding on the open record.
public struct FindingSnapshot: Sendable, Hashable {
  /// The finding id.
  public var id: Int64
  /// The field it points at.
  public var fieldPath: String?
  /// The rule code.
  public var ruleCode: String
  /// True for an error (blocks approval unless acknowledged).
  public var isError: Bool
  /// The explanation in plain Vietnamese.
  public var detail: String
  /// The acknowledgement reason, once acknowledged.
  public var acknowledgement: String?
  /// Every field the finding names (its `fieldPath` first); empty when only `fieldPath` is known.
  public var paths: [String]

  /// Creates a finding snapshot.
  public init(
    id: Int64, fieldPath: String?, ruleCode: String, isError: Bool, detail: String, acknowledgement: String? = nil,
    paths: [String] = []
  ) {
    self.id = id
    self.fieldPath = fieldPath
    self.ruleCode = ruleCode
    self.isError = isError
    self.detail = detail
    self.acknowledgement = acknowledgement
    self.paths = paths
  }

  /// Whether the finding names the field at `path`.
  public func names(_ path: String) -> Bool { fieldPath == path || paths.contains(path) }
}

/// The open record: heading data, fields and findings.
public struct RecordSnapshot: Sendable, Hashable {
  /// The record id.
  public var recordID: Int64
  /// The record content (for the heading and the subject names).
  public var record: SchoolYearRecord
  /// The life-cycle state.
  public var state: RecordState
  /// The fields in id order.
  public var fields: [FieldSnapshot]
  /// The findings.
  public var findings: [FindingSnapshot]

  /// Creates a record snapshot.
  public init(
    recordID: Int64, record: SchoolYearRecord, state: RecordState, fields: [FieldSnapshot],
    findings: [FindingSnapshot]
  ) {
    self.recordID = recordID
    self.record = record
    self.state = state
    self.fields = fields
    self.findings = findings
  }
}

/// A reviewer's decision on one field, for the runner to store.
public struct FieldChange: Sendable, Hashable {
  /// The record.
  public var recordID: Int64
  /// The field.
  public var fieldID: Int64
  /// The field path.
  public var path: String
  /// The version the decision was made on; the store refuses a newer one.
  public var expectedVersion: Int
  /// The canonical value to store.
  public var value: String?
  /// The new status.
  public var status: ReviewStatus
  /// Why (undo, acknowledgement); nil for an ordinary decision.
  public var reason: String?
  /// Keys pressed on this field.
  public var keystrokes: Int
  /// Seconds spent on this field.
  public var seconds: Double
}

/// Work the runner performs for the core; results come back as messages.
public enum ReviewEffect: Sendable, Hashable {
  /// Reload the queue (`queueLoaded`).
  case loadQueue
  /// Claim and load a record (`opened` or `openRefused`).
  case open(recordID: Int64)
  /// Give up the claim on a record.
  case release(recordID: Int64)
  /// Store a field decision (`saved` or `saveFailed`).
  case save(FieldChange)
  /// Acknowledge an error finding with a reason (`acknowledged`).
  case acknowledge(recordID: Int64, findingID: Int64, reason: String)
  /// Mark the record reviewed (`approved` or `failed`).
  case approve(recordID: Int64)
  /// Find the fields of the group across the queue's records (`groupLoaded`).
  case loadGroup(GroupKey)
  /// Release everything and leave.
  case quit
}

/// Everything that can happen to the core: keys, and the results of effects.
public enum ReviewMessage: Sendable, Hashable {
  /// A key press.
  case key(Key)
  /// The queue, ordered by risk.
  case queueLoaded([QueueItem])
  /// A record was claimed and loaded.
  case opened(RecordSnapshot)
  /// A record could not be claimed (another reviewer holds it).
  case openRefused(recordID: Int64, reason: String)
  /// A field decision was stored; the field as now stored.
  case saved(FieldSnapshot)
  /// A field decision was refused; the record as now stored, when it could be reloaded.
  case saveFailed(reason: String, reloaded: RecordSnapshot?)
  /// A finding was acknowledged.
  case acknowledged(findingID: Int64, reason: String)
  /// The record was marked reviewed.
  case approved(recordID: Int64)
  /// The fields of a group, in record then field order.
  case groupLoaded(GroupKey, [GroupEntry])
  /// An effect failed; the message says what to do.
  case failed(String)
  /// The record's findings after the rules ran again on a correction.
  case findingsChanged(recordID: Int64, [FindingSnapshot])
}
