import ReviewStore

/// Which freshly read fields wait for a reviewer. Until the rules issue adds a risk model, the policy is:
/// anything not normalisable, any field below `minimumConfidence`, and critical fields below
/// `minimumCriticalConfidence` go to review. The thresholds live here only.
public struct ReviewRouting: Sendable {
  public var minimumConfidence: Double
  public var minimumCriticalConfidence: Double

  /// The default thresholds.
  public static let standard = ReviewRouting(minimumConfidence: 80, minimumCriticalConfidence: 90)

  public init(minimumConfidence: Double, minimumCriticalConfidence: Double) {
    self.minimumConfidence = minimumConfidence
    self.minimumCriticalConfidence = minimumCriticalConfidence
  }

  /// True when the field must be reviewed by a person.
  public func needsReview(_ field: PageFieldEvidence) -> Bool {
    if field.normalizedValue == nil && !field.rawText.isEmpty { return true }
    if field.rawText.isEmpty { return field.critical }
    return field.confidence < (field.critical ? minimumCriticalConfidence : minimumConfidence)
  }
}
