import HocBaModel

/// What merging a new reading of a record's pages into the record did (`import --redo`, or a rescan of a page).
public struct RecordMerge: Sendable, Hashable {
  public var recordID: Int64
  /// The record's state when the merge ran; only imported and in-review records are written.
  public var state: RecordState
  /// Fields no reviewer had decided that took a new value.
  public var changed = 0
  /// Fields whose reviewer's value was kept and the new reading agrees with it.
  public var kept = 0
  /// Fields whose reviewer's value was kept although the new reading disagrees: back to review for a second look.
  public var flagged = 0
  /// On a record past review (reviewed, approved, signing, sealed), the paths whose new reading differs from the
  /// record: nothing was written, `hocba reopen` or a correction version (`hocba correct`) takes them in.
  public var untouchedPaths: [String] = []

  public init(recordID: Int64, state: RecordState) {
    self.recordID = recordID
    self.state = state
  }

  /// True when the record was open for the merge (imported or in review).
  public var wasWritable: Bool { ReviewDatabase.writableStates.contains(state) }

  /// True when the merge changed nothing and found nothing to report.
  public var isEmpty: Bool { changed == 0 && flagged == 0 && untouchedPaths.isEmpty }
}

/// How a merge decides what waits for a reviewer: the import's routing and the record's rules.
public struct MergeRouting: Sendable {
  /// True when a freshly read field must be reviewed by a person.
  public var needsReview: @Sendable (PageFieldEvidence) -> Bool
  /// The rules' findings on the merged record, and the paths they send to review.
  public var evaluate: @Sendable (SchoolYearRecord) -> (findings: [StoredFinding], reviewPaths: Set<String>)

  /// Whether a field no reviewer decided goes to review when the two readings disagree: yes for a rescan of the
  /// same sheet (two scans, two answers: a person decides), no for `--redo` after a template fix (the new reading
  /// is the point; the routing still decides on confidence).
  public var reviewsDisagreements: Bool

  public init(
    needsReview: @escaping @Sendable (PageFieldEvidence) -> Bool,
    evaluate: @escaping @Sendable (SchoolYearRecord) -> (findings: [StoredFinding], reviewPaths: Set<String>),
    reviewsDisagreements: Bool = false
  ) {
    self.needsReview = needsReview
    self.evaluate = evaluate
    self.reviewsDisagreements = reviewsDisagreements
  }
}
