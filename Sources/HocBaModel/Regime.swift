/// The assessment regime of one school year: TT22/2021 (GDPT 2018) or TT58/2011 (amended by TT26/2020).
public enum Regime: String, Sendable, Hashable, Codable, CaseIterable {
  case tt22 = "TT22"
  case tt58 = "TT58"

  /// The regime that applied to `grade` in `schoolYear` under the national roadmap (domain.md §0.1).
  ///
  /// TT22 came in grade by grade: 2021-22 grade 6; 2022-23 grades 7 and 10; 2023-24 grades 8 and 11; 2024-25
  /// grades 9 and 12. Earlier years are TT58. The roadmap lives in `RegimeRoadmap.firstTT22Year` only.
  public static func applicable(schoolYear: SchoolYear, grade: Int) -> Regime? {
    guard let first = RegimeRoadmap.firstTT22Year[grade] else { return nil }
    return schoolYear.startYear >= first ? .tt22 : .tt58
  }
}

/// The national TT22 roadmap: the first school year (start year) in which each grade used TT22.
/// [INFERRED per school year and grade — domain.md §0.1]; a school that deviated changes it here.
public enum RegimeRoadmap {
  /// Grade → start year of the first TT22 school year.
  public static let firstTT22Year: [Int: Int] = [
    6: 2021, 7: 2022, 8: 2023, 9: 2024,
    10: 2022, 11: 2023, 12: 2024,
  ]
}

/// The school level of a grade: THCS (lower secondary, grades 6–9) or THPT (upper secondary, 10–12).
public enum GradeBand: String, Sendable, Hashable, Codable, CaseIterable {
  case thcs = "THCS"
  case thpt = "THPT"

  /// The band of a grade 6–12, or nil.
  public init?(grade: Int) {
    switch grade {
    case 6...9: self = .thcs
    case 10...12: self = .thpt
    default: return nil
    }
  }

  /// The final grade of the band (9 or 12), where "hoàn thành chương trình" replaces "lên lớp".
  public var finalGrade: Int { self == .thcs ? 9 : 12 }
}
