/// Levels for one semester, the year, and the re-assessed year value (TT22 rèn luyện or học tập).
public struct TT22Levels: Sendable, Hashable, Codable {
  public var firstTerm: TT22Level?
  public var secondTerm: TT22Level?
  public var fullYear: TT22Level?
  /// After summer training (rèn luyện) or after re-assessment (học tập).
  public var reassessed: TT22Level?

  public init(
    firstTerm: TT22Level? = nil, secondTerm: TT22Level? = nil, fullYear: TT22Level? = nil,
    reassessed: TT22Level? = nil
  ) {
    self.firstTerm = firstTerm
    self.secondTerm = secondTerm
    self.fullYear = fullYear
    self.reassessed = reassessed
  }
}

/// The TT22 results block: kết quả rèn luyện and kết quả học tập.
public struct TT22Summary: Sendable, Hashable, Codable {
  /// Kết quả rèn luyện.
  public var conduct: TT22Levels
  /// Kết quả học tập.
  public var learning: TT22Levels

  public init(conduct: TT22Levels = TT22Levels(), learning: TT22Levels = TT22Levels()) {
    self.conduct = conduct
    self.learning = learning
  }
}

/// The TT58 results block: hạnh kiểm, học lực and ĐTB các môn per semester and year.
public struct TT58Summary: Sendable, Hashable, Codable {
  public var conductFirstTerm: ConductLevel?
  public var conductSecondTerm: ConductLevel?
  public var conductFullYear: ConductLevel?
  /// Hạnh kiểm after summer conduct training (TT58 Điều 17).
  public var conductReassessed: ConductLevel?
  public var rankFirstTerm: AcademicRank?
  public var rankSecondTerm: AcademicRank?
  public var rankFullYear: AcademicRank?
  /// Học lực after the re-examination (TT58 Điều 16).
  public var rankReassessed: AcademicRank?
  /// ĐTB các môn HK I.
  public var averageFirstTerm: Score?
  /// ĐTB các môn HK II.
  public var averageSecondTerm: Score?
  /// ĐTB các môn cả năm.
  public var averageFullYear: Score?

  public init(
    conductFirstTerm: ConductLevel? = nil, conductSecondTerm: ConductLevel? = nil,
    conductFullYear: ConductLevel? = nil, conductReassessed: ConductLevel? = nil,
    rankFirstTerm: AcademicRank? = nil, rankSecondTerm: AcademicRank? = nil, rankFullYear: AcademicRank? = nil,
    rankReassessed: AcademicRank? = nil, averageFirstTerm: Score? = nil, averageSecondTerm: Score? = nil,
    averageFullYear: Score? = nil
  ) {
    self.conductFirstTerm = conductFirstTerm
    self.conductSecondTerm = conductSecondTerm
    self.conductFullYear = conductFullYear
    self.conductReassessed = conductReassessed
    self.rankFirstTerm = rankFirstTerm
    self.rankSecondTerm = rankSecondTerm
    self.rankFullYear = rankFullYear
    self.rankReassessed = rankReassessed
    self.averageFirstTerm = averageFirstTerm
    self.averageSecondTerm = averageSecondTerm
    self.averageFullYear = averageFullYear
  }
}

/// The summary block of a year, in the record's regime.
public enum YearSummary: Sendable, Hashable, Codable {
  case tt22(TT22Summary)
  case tt58(TT58Summary)

  /// The regime this summary belongs to.
  public var regime: Regime {
    switch self {
    case .tt22: .tt22
    case .tt58: .tt58
    }
  }
}

/// The lên lớp decision written at the end of the year.
public enum PromotionDecision: String, Sendable, Hashable, Codable, CaseIterable {
  /// Được lên lớp.
  case promoted = "len-lop"
  /// Không được lên lớp (ở lại lớp).
  case notPromoted = "khong-len-lop"
  /// Lên lớp sau khi rèn luyện trong kì nghỉ hè.
  case promotedAfterSummerTraining = "len-lop-sau-ren-luyen-he"
  /// Lên lớp sau kiểm tra, đánh giá lại.
  case promotedAfterReassessment = "len-lop-sau-danh-gia-lai"
  /// Hoàn thành chương trình THCS / THPT (grade 9 or 12).
  case completedProgramme = "hoan-thanh-chuong-trinh"
  /// Chưa hoàn thành chương trình (grade 9 or 12).
  case notCompleted = "chua-hoan-thanh-chuong-trinh"
}

/// The principal's approval (phê duyệt): name and title as written, e.g. "KT. Hiệu trưởng / Phó Hiệu trưởng".
public struct PrincipalApproval: Sendable, Hashable, Codable {
  public var fullName: String
  /// The signer's title exactly as written; a vice-principal may sign on the principal's behalf.
  public var title: String
  /// Place name of the "…, ngày … tháng … năm …" line.
  public var place: String?
  public var date: CalendarDate?

  public init(fullName: String, title: String, place: String? = nil, date: CalendarDate? = nil) {
    self.fullName = fullName.nfc
    self.title = title.nfc
    self.place = place.nfc
    self.date = date
  }
}

/// The footer "Trong bảng này có sửa chữa ở … chỗ, thuộc các môn học: …".
public struct CorrectionNote: Sendable, Hashable, Codable {
  public var count: Int
  /// Subject codes the corrections belong to.
  public var subjectCodes: [String]

  public init(count: Int = 0, subjectCodes: [String] = []) {
    self.count = count
    self.subjectCodes = subjectCodes
  }
}
