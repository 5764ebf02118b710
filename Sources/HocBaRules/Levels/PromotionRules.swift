import HocBaModel

/// Who may move on to the next grade (TT22 Điều 12; TT58 Điều 15; domain.md §2.4, §3.5).
public enum PromotionRules {
  /// TT22: year rèn luyện ≥ Đạt, year học tập ≥ Đạt and absences ≤ the maximum (45 half-days).
  public static func tt22Eligible(
    conduct: TT22Level, learning: TT22Level, absences: Int, maximumAbsences: Int
  ) -> Bool {
    conduct != .fail && learning != .fail && absences <= maximumAbsences
  }

  /// TT58: hạnh kiểm ≥ Trung bình, học lực ≥ Trung bình and absences ≤ the maximum (45 sessions).
  public static func tt58Eligible(
    conduct: ConductLevel, rank: AcademicRank, absences: Int, maximumAbsences: Int
  ) -> Bool {
    conduct.ordinal >= ConductLevel.average.ordinal && rank.ordinal >= AcademicRank.average.ordinal
      && absences <= maximumAbsences
  }
}
