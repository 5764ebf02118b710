import ReviewStore

/// Which freshly read fields wait for a reviewer, before the rules add theirs: anything not normalisable, any
/// field left empty where the form expects a value (an empty read is never trusted: measured on the samples, every
/// silent error was an empty read), any field below `minimumConfidence`, and critical fields below
/// `minimumCriticalConfidence`, and every handwritten value. Columns that are normally blank (re-assessment) may
/// stay empty. The thresholds
/// live here only; `hocba eval --calibrate` measures them.
public struct ReviewRouting: Sendable {
  public var minimumConfidence: Double
  public var minimumCriticalConfidence: Double

  /// The default thresholds.
  public static let standard = ReviewRouting(minimumConfidence: 80, minimumCriticalConfidence: 90)

  public init(minimumConfidence: Double, minimumCriticalConfidence: Double) {
    self.minimumConfidence = minimumConfidence
    self.minimumCriticalConfidence = minimumCriticalConfidence
  }

  /// Paths that are blank on most pages: the re-assessment column and rows, the guardian, the corrections list.
  static func normallyBlank(_ path: String) -> Bool {
    path.hasSuffix(".reassessment") || path.hasSuffix(".reassessed") || path.hasPrefix("student.guardian.")
      || path == "corrections.subjects" || path.hasSuffix(".comment")
  }

  /// Paths written by hand in the books (comments, the signer's and the homeroom teacher's names): OCR of
  /// handwriting is never trusted, so a value read there always goes to review. Measured on the generated corpus:
  /// 41 % of these fields exact, and a fifth of them wrong at high confidence.
  static func handwritten(_ path: String) -> Bool {
    path.hasSuffix(".comment") || path == "homeroomComment" || path == "homeroomTeacher" || path == "approval.fullName"
  }

  /// True when the field must be reviewed by a person.
  public func needsReview(_ field: PageFieldEvidence) -> Bool {
    if field.normalizedValue == nil && !field.rawText.isEmpty { return true }
    if field.rawText.isEmpty { return !Self.normallyBlank(field.path) }
    if Self.handwritten(field.path) { return true }
    return field.confidence < (field.critical ? minimumCriticalConfidence : minimumConfidence)
  }
}
