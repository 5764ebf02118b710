/// A student's record for one school year: the unit that is reviewed, signed and sealed.
public struct SchoolYearRecord: Sendable, Hashable, Codable {
  public var student: StudentIdentity
  /// The quá trình học tập table of page 1, as known when this year was digitized.
  public var history: [StudyHistoryEntry]
  public var schoolYear: SchoolYear
  /// Grade 6–12.
  public var grade: Int
  public var className: String
  public var school: SchoolRef
  public var regime: Regime
  public var subjects: [SubjectResult]
  public var summary: YearSummary
  /// Tổng số buổi nghỉ học cả năm (half-days).
  public var absences: Int?
  public var promotion: PromotionDecision?
  /// Khen thưởng, each as written (e.g. "Học sinh Giỏi").
  public var awards: [String]
  /// Nhận xét của giáo viên chủ nhiệm.
  public var homeroomComment: String?
  /// The homeroom teacher's name.
  public var homeroomTeacher: String?
  public var approval: PrincipalApproval?
  public var corrections: CorrectionNote
  public var provenance: Provenance

  public init(
    student: StudentIdentity, history: [StudyHistoryEntry] = [], schoolYear: SchoolYear, grade: Int,
    className: String, school: SchoolRef, regime: Regime, subjects: [SubjectResult] = [],
    summary: YearSummary? = nil, absences: Int? = nil, promotion: PromotionDecision? = nil,
    awards: [String] = [], homeroomComment: String? = nil, homeroomTeacher: String? = nil,
    approval: PrincipalApproval? = nil, corrections: CorrectionNote = CorrectionNote(),
    provenance: Provenance = Provenance()
  ) {
    self.student = student
    self.history = history
    self.schoolYear = schoolYear
    self.grade = grade
    self.className = className.nfc
    self.school = school
    self.regime = regime
    self.subjects = subjects
    self.summary = summary ?? (regime == .tt22 ? .tt22(TT22Summary()) : .tt58(TT58Summary()))
    self.absences = absences
    self.promotion = promotion
    self.awards = awards.map(\.nfc)
    self.homeroomComment = homeroomComment.nfc
    self.homeroomTeacher = homeroomTeacher.nfc
    self.approval = approval
    self.corrections = corrections
    self.provenance = provenance
  }

  /// The grade band (THCS / THPT) of this year, or nil for a grade outside 6–12.
  public var band: GradeBand? { GradeBand(grade: grade) }

  /// The XML `Id` of the business-data element; what the principal and the school sign.
  public static let dataID = "data"

  /// The XML `Id` of a subject row ("mh-<code>"), the region one subject teacher signs.
  public static func subjectRowID(code: String) -> String { "mh-\(code)" }
}
