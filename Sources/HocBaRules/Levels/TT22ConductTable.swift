import HocBaModel

/// The TT22 year rèn luyện level as a function of the two semester levels (TT22 Điều 8.2.b; domain.md §2.3).
public enum TT22ConductTable {
  /// The year level for HK I and HK II: rows HK I, columns HK II, in the order T, K, Đ, CĐ.
  ///
  /// Tốt: HK II Tốt and HK I ≥ Khá. Khá: HK II Khá and HK I ≥ Đạt; HK II Đạt and HK I Tốt; HK II Tốt and HK I ≤ Đạt.
  /// Đạt: HK II Đạt and HK I ≤ Khá; HK II Khá and HK I Chưa đạt. Chưa đạt: HK II Chưa đạt.
  public static func fullYear(firstTerm: TT22Level, secondTerm: TT22Level) -> TT22Level {
    switch (secondTerm, firstTerm) {
    case (.fail, _): .fail
    case (.good, .good), (.good, .fair): .good
    case (.good, _): .fair
    case (.fair, .fail): .pass
    case (.fair, _): .fair
    case (.pass, .good): .fair
    case (.pass, _): .pass
    }
  }
}
