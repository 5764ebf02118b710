/// A level computed from the subject rows: the strict result and, when the adjustment clause applies, the
/// adjusted one (TT22 Điều 9.3, TT58 Điều 13.6).
public struct LevelEvaluation<Level: Sendable & Hashable>: Sendable, Hashable {
  /// The level by the thresholds alone.
  public var strict: Level
  /// The level the adjustment clause gives, or nil when it does not apply.
  public var adjusted: Level?
  /// The level the student would have without the one subject (the "would-be" level), when the clause applies.
  public var wouldBe: Level?
  /// The name of the one subject that pulls the level down, when the clause applies.
  public var triggeringSubject: String?

  /// Creates an evaluation.
  public init(strict: Level, adjusted: Level? = nil, wouldBe: Level? = nil, triggeringSubject: String? = nil) {
    self.strict = strict
    self.adjusted = adjusted
    self.wouldBe = wouldBe
    self.triggeringSubject = triggeringSubject
  }
}
