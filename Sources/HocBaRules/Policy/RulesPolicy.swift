import HocBaModel

/// The school-editable thresholds, vocabularies and interpretations the checks use.
///
/// Loaded from `Mappings/policy/rules-policy.json` (see its README for every key, its default and its source);
/// `RulesPolicy.default` holds the same values in code. Scores are exact `Score`s, never floating point.
public struct RulesPolicy: Sendable, Hashable, Codable {
  /// The newest policy file version this build understands; newer files are refused.
  public static let supportedVersion = 1

  /// The file format version.
  public var version: Int
  /// Year-average rounding (C2).
  public var yearAverage: YearAveragePolicy
  /// TT22 classification, adjustment and awards (C5, C9, C10).
  public var tt22: TT22Policy
  /// TT58 ranks, key subjects, adjustment and re-examination (C6, C7, C9).
  public var tt58: TT58Policy
  /// Promotion (C8).
  public var promotion: PromotionPolicy
  /// Age plausibility (C16).
  public var age: AgePolicy
  /// Award titles as written in books, per regime (C10).
  public var awardTitles: AwardTitles

  /// Creates a policy from its parts.
  public init(
    version: Int, yearAverage: YearAveragePolicy, tt22: TT22Policy, tt58: TT58Policy, promotion: PromotionPolicy,
    age: AgePolicy, awardTitles: AwardTitles
  ) {
    self.version = version
    self.yearAverage = yearAverage
    self.tt22 = tt22
    self.tt58 = tt58
    self.promotion = promotion
    self.age = age
    self.awardTitles = awardTitles
  }
}

/// How the printed year average may differ from (HK I + 2 × HK II) / 3.
public struct YearAveragePolicy: Sendable, Hashable, Codable {
  /// A difference up to this much is a warning (double rounding), more is an error; an exact match passes.
  public var tolerance: Score
}

/// What to do when a printed level matches only the adjustment clause (TT22 Điều 9.3, TT58 Điều 13.6).
public enum AdjustmentHandling: String, Sendable, Hashable, Codable, CaseIterable {
  /// Accept both the strict and the adjusted level, each with a warning for a reviewer.
  case review
  /// The adjusted level is the right one: it passes, the strict level is an error.
  case apply
  /// Ignore the clause: only the strict level passes.
  case ignore
}

/// Which level the TT22 Điều 9.3 adjustment gives.
public enum AdjustmentTarget: String, Sendable, Hashable, Codable, CaseIterable {
  /// One level above the computed level ("mức liền kề").
  case oneAboveComputed
  /// One level below the level the student would have without the one subject.
  case oneBelowWouldBe
}

/// The adjustment clause settings of one regime.
public struct AdjustmentPolicy: Sendable, Hashable, Codable {
  /// How a mismatch explained by the clause is reported.
  public var handling: AdjustmentHandling
  /// Whether a single comment subject at Chưa đạt can be the "one subject".
  public var commentSubjectCanTrigger: Bool
}

/// One TT22 học tập level's conditions (TT22 Điều 9.2).
public struct TT22LevelRule: Sendable, Hashable, Codable {
  /// No scored subject below this ("every average ≥"); nil for no floor.
  public var everySubjectAtLeast: Score?
  /// The score that `count` subjects must reach.
  public var countedSubjectsAtLeast: Score
  /// How many subjects must reach `countedSubjectsAtLeast`.
  public var count: Int
  /// How many comment subjects may be Chưa đạt.
  public var maximumCommentFailures: Int
}

/// The TT22 học tập levels Tốt, Khá, Đạt; anything else is Chưa đạt.
public struct TT22LearningRules: Sendable, Hashable, Codable {
  /// Tốt: every subject ≥ 6,5, at least 6 ≥ 8,0, all comments Đạt.
  public var good: TT22LevelRule
  /// Khá: every subject ≥ 5,0, at least 6 ≥ 6,5, all comments Đạt.
  public var fair: TT22LevelRule
  /// Đạt: no subject < 3,5, at least 6 ≥ 5,0, at most 1 comment Chưa đạt.
  public var pass: TT22LevelRule
}

/// The TT22 Học sinh Xuất sắc condition beyond Tốt/Tốt (TT22 Điều 15).
public struct ExcellentAwardRule: Sendable, Hashable, Codable {
  /// The year average a subject must reach.
  public var subjectScore: Score
  /// How many scored subjects must reach it.
  public var count: Int
}

/// TT22 settings.
public struct TT22Policy: Sendable, Hashable, Codable {
  /// The học tập levels.
  public var learning: TT22LearningRules
  /// The Điều 9.3 adjustment.
  public var adjustment: AdjustmentPolicy
  /// Which level the Điều 9.3 adjustment gives.
  public var adjustmentTarget: AdjustmentTarget
  /// Whether optional subjects (Tiếng dân tộc thiểu số, Ngoại ngữ 2) count in the classification.
  public var optionalSubjectsCount: Bool
  /// Whether GDQP-AN (THPT) is a scored subject.
  public var gdqpAnScored: Bool
  /// Học sinh Xuất sắc.
  public var excellentAward: ExcellentAwardRule
  /// A scored subject may be re-assessed when its year average is below this (TT22 Điều 14).
  public var reassessmentBelow: Score
}

/// One TT58 học lực rank's conditions (TT58 Điều 13).
public struct TT58RankRule: Sendable, Hashable, Codable {
  /// ĐTB các môn at least this.
  public var average: Score
  /// One key subject at least this; nil for no key-subject condition.
  public var keySubjectAtLeast: Score?
  /// No scored subject below this.
  public var everySubjectAtLeast: Score
  /// Whether every comment subject must be Đ.
  public var commentsMustPass: Bool
}

/// The TT58 ranks Giỏi, Khá, Trung bình, Yếu; anything else is Kém.
public struct TT58RankRules: Sendable, Hashable, Codable {
  /// Giỏi.
  public var excellent: TT58RankRule
  /// Khá.
  public var good: TT58RankRule
  /// Trung bình.
  public var average: TT58RankRule
  /// Yếu.
  public var weak: TT58RankRule
}

/// The key subjects (môn chủ chốt) from a school year on.
public struct KeySubjectSet: Sendable, Hashable, Codable {
  /// The first school year (start year) the set applies to.
  public var fromSchoolYear: Int
  /// Subject codes.
  public var codes: [String]
}

/// TT58 settings.
public struct TT58Policy: Sendable, Hashable, Codable {
  /// The học lực ranks.
  public var ranks: TT58RankRules
  /// Key subjects; the set with the latest `fromSchoolYear` not after the record's year applies.
  public var keySubjects: [KeySubjectSet]
  /// The Điều 13.6 adjustment.
  public var adjustment: AdjustmentPolicy
  /// Whether optional subjects (tự chọn) count in ĐTB các môn and the rank.
  public var optionalSubjectsCount: Bool
  /// A scored subject may be re-examined when its year average is below this (TT58 Điều 16).
  public var reexaminationBelow: Score

  /// The key subject codes for a school year.
  public func keySubjectCodes(for schoolYear: SchoolYear) -> [String] {
    keySubjects.filter { $0.fromSchoolYear <= schoolYear.startYear }
      .max { $0.fromSchoolYear < $1.fromSchoolYear }?.codes ?? []
  }
}

/// Promotion settings (TT22 Điều 12, TT58 Điều 15).
public struct PromotionPolicy: Sendable, Hashable, Codable {
  /// The most half-day absences that still allow promotion.
  public var maximumAbsences: Int
}

/// Age plausibility settings (C16).
public struct AgePolicy: Sendable, Hashable, Codable {
  /// The normal age (by calendar year) at the start of grade 6; grade n is `gradeSixAge + n − 6`.
  public var gradeSixAge: Int
  /// How many years younger than normal pass without a finding.
  public var youngerTolerance: Int
  /// How many years older than normal pass without a finding (late entry, repeated years).
  public var olderTolerance: Int
}

/// Award titles as written, matched without regard to case or spacing.
public struct AwardTitles: Sendable, Hashable, Codable {
  /// TT22 Học sinh Xuất sắc.
  public var tt22Excellent: [String]
  /// TT22 Học sinh Giỏi.
  public var tt22Good: [String]
  /// TT58 Học sinh giỏi.
  public var tt58Excellent: [String]
  /// TT58 Học sinh tiên tiến.
  public var tt58Advanced: [String]
}
