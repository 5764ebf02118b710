import HocBaModel

/// A record as stored: its id, life-cycle state, content and last change time.
public struct StoredRecord: Sendable, Hashable {
  /// The database id.
  public var id: Int64
  /// The life-cycle state.
  public var state: RecordState
  /// The record content.
  public var record: SchoolYearRecord
  /// When the row last changed, ISO-8601 UTC.
  public var updatedAt: String
}

/// Counts for the status screen: records per state and fields still waiting for a reviewer.
public struct StatusSummary: Sendable, Hashable {
  /// Number of records in each state; states without records are present with 0.
  public var countsByState: [RecordState: Int]
  /// Number of fields whose status is pending.
  public var fieldsAwaitingReview: Int
  /// Total number of records.
  public var records: Int
}

/// The result of registering a scan file: its id and whether the same bytes were imported before.
public struct ScanRegistration: Sendable, Hashable {
  /// The scan's database id.
  public var id: Int64
  /// True when a scan with the same SHA-256 already existed (nothing was written).
  public var alreadyKnown: Bool
}
