import HocBaModel

/// A TT22 title (TT22 Điều 15).
public enum TT22Title: String, Sendable, Hashable, CaseIterable {
  /// Học sinh Xuất sắc.
  case excellent
  /// Học sinh Giỏi.
  case good
}

/// A TT58 title (TT58 Điều 18).
public enum TT58Title: String, Sendable, Hashable, CaseIterable {
  /// Học sinh giỏi.
  case excellent
  /// Học sinh tiên tiến.
  case advanced
}

/// The titles the levels allow (domain.md §2.5, §3.5).
public enum AwardRules {
  /// TT22: Xuất sắc = rèn luyện Tốt, học tập Tốt and ≥ 6 scored subjects ≥ 9,0; Giỏi = Tốt/Tốt otherwise.
  public static func tt22Title(
    conduct: TT22Level, learning: TT22Level, yearScores: [Score], rule: ExcellentAwardRule
  ) -> TT22Title? {
    guard conduct == .good, learning == .good else { return nil }
    return yearScores.filter { $0 >= rule.subjectScore }.count >= rule.count ? .excellent : .good
  }

  /// TT58: giỏi = hạnh kiểm Tốt and học lực Giỏi; tiên tiến = hạnh kiểm ≥ Khá and học lực ≥ Khá.
  public static func tt58Title(conduct: ConductLevel, rank: AcademicRank) -> TT58Title? {
    if conduct == .good && rank == .excellent { return .excellent }
    if conduct.ordinal >= ConductLevel.fair.ordinal && rank.ordinal >= AcademicRank.good.ordinal { return .advanced }
    return nil
  }
}
