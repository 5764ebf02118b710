import Foundation
import HocBaModel

/// What ties the fields of a group together: a rule finding on the same path suffix, or the same OCR text.
public enum GroupKey: Sendable, Hashable {
  /// Fields with a finding of `ruleCode` whose path ends in `.pathSuffix` (e.g. every C02 on a `*.fullYear`).
  case finding(ruleCode: String, pathSuffix: String)
  /// Fields of `kind` whose OCR text is `rawText` (e.g. every score read as “7,9”).
  case rawText(String, kind: FieldKind)

  /// The key for `field` of `record`: its first open finding (errors first), else its OCR text and type.
  public init?(_ field: FieldSnapshot, in record: RecordSnapshot) {
    let findings = record.findings.filter { $0.fieldPath == field.path && $0.acknowledgement == nil }
    if let finding = findings.first(where: \.isError) ?? findings.first {
      self = .finding(ruleCode: finding.ruleCode, pathSuffix: Self.suffix(field.path))
    } else if let raw = field.rawText?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
      self = .rawText(raw, kind: field.kind)
    } else {
      return nil
    }
  }

  /// The last path component: "subjects.toan.fullYear" → "fullYear".
  static func suffix(_ path: String) -> String {
    path.split(separator: ".").last.map(String.init) ?? path
  }

  /// Whether `field` of `record` belongs to the group (fields awaiting review only).
  public func matches(_ field: FieldSnapshot, in record: RecordSnapshot) -> Bool {
    guard field.status == .pending else { return false }
    switch self {
    case .finding(let code, let suffix):
      return Self.suffix(field.path) == suffix
        && record.findings.contains { $0.fieldPath == field.path && $0.ruleCode == code && $0.acknowledgement == nil }
    case .rawText(let raw, let kind):
      return field.kind == kind && field.rawText?.trimmingCharacters(in: .whitespaces) == raw
    }
  }

  /// The group's members in `record`, for the runner loading a group across records, each with its label.
  public func entries(
    in record: RecordSnapshot, studentName: String, claimedBy: String?, language: Language
  ) -> [GroupEntry] {
    record.fields.filter { matches($0, in: record) }.map {
      GroupEntry(
        recordID: record.recordID, studentName: studentName, field: $0,
        label: FieldLabels.label($0.path, record.record, language), claimedBy: claimedBy)
    }
  }
}

/// One field of a group, with its record.
public struct GroupEntry: Sendable, Hashable {
  /// What became of the entry in this group session.
  public enum Outcome: Sendable, Hashable {
    /// Not decided yet.
    case open
    /// A decision was sent to the store.
    case saving
    /// Stored.
    case done
    /// Refused by the store (stale or claimed); the reason.
    case skipped(String)
  }

  /// The record.
  public var recordID: Int64
  /// The student's name.
  public var studentName: String
  /// The field, with the version read.
  public var field: FieldSnapshot
  /// The field's name for the reviewer ("Toán · Cả năm"), never its path.
  public var label: String
  /// Another reviewer holding the record: shown, not editable.
  public var claimedBy: String?
  /// What became of it.
  public var outcome: Outcome = .open

  /// Creates an entry.
  public init(recordID: Int64, studentName: String, field: FieldSnapshot, label: String, claimedBy: String? = nil) {
    self.recordID = recordID
    self.studentName = studentName
    self.field = field
    self.label = label
    self.claimedBy = claimedBy
  }

  /// Whether a decision can still be made on it.
  public var isEditable: Bool { claimedBy == nil && outcome == .open }

  /// Below this OCR confidence (percent) a field is decided on its own, never by "accept all"; the import's
  /// routing threshold for non-critical fields (`ReviewRouting.standard`).
  public static let lowConfidence: Double = 80

  /// Critical or low-confidence: shown one by one with its snippet, never accepted in bulk.
  public var needsOwnDecision: Bool { field.critical || (field.confidence ?? 0) < Self.lowConfidence }
}

/// Group mode: the fields being fixed in one pass, the selected one, and what is being typed.
public struct ReviewGroup: Sendable, Hashable {
  /// What ties the fields together.
  public var key: GroupKey
  /// The fields, in record then field order.
  public var entries: [GroupEntry]
  /// The selected entry.
  public var selected: Int
  /// The value being typed for the selected entry.
  public var line = EditLine()
  /// The first entry of a critical value being typed a second time.
  public var firstEntry: String??

  /// The selected entry, if any.
  public var current: GroupEntry? { entries.indices.contains(selected) ? entries[selected] : nil }
}
