import HocBaModel

/// Maps a schema-valid `HocBa` element tree to a `SchoolYearRecord`; the inverse of `RecordEncoder`.
///
/// Signatures in `DSCKS` are not part of the model and are not read here.
enum RecordDecoder {
  static func decode(_ root: XMLElementNode, source: String) throws(RecordXMLError) -> SchoolYearRecord {
    guard let dataElement = root.child("DLHocBa") else {
      throw .invalidValue(source: source, element: "DLHocBa", line: root.line)
    }
    let data = DecodingNode(element: dataElement, path: "DLHocBa", source: source)
    guard dataElement.attribute("Id") == SchoolYearRecord.dataID else { throw data.invalid("@Id") }
    if let assessment = data.optionalChild("DGNLPC") {
      throw .unsupportedContent(source: source, element: assessment.path)
    }
    let general = try data.child("TTChung")
    let regime = try general.code("CheDo", as: Regime.self)
    let totals = try data.child("TongKet")
    let summary = try summary(totals)
    guard summary.regime == regime else { throw .regimeMismatch(source: source) }
    let comments = try data.child("NXChung")
    let corrections = try totals.child("SuaChua")
    return SchoolYearRecord(
      student: try student(general.child("HocSinh")),
      history: try data.child("QTHTap").children("DongQT").map(historyRow),
      schoolYear: try general.value("NamHoc", { SchoolYear(parsing: $0) }, canonical: \.description),
      grade: try general.value("KhoiLop", { Int($0) }, canonical: { String($0) }),
      className: try general.text("Lop"),
      school: try school(general.child("Truong")),
      regime: regime,
      subjects: try data.child("BangDiem").children("MonHoc").map(subject),
      summary: summary,
      absences: try totals.optionalValue("SoBuoiNghi", { Int($0) }, canonical: { String($0) }),
      promotion: try totals.optionalCode("LenLop", as: PromotionDecision.self),
      awards: totals.texts("KThuong"),
      homeroomComment: comments.optionalText("NXGVCN"),
      homeroomTeacher: comments.optionalText("GVCN"),
      approval: try comments.optionalChild("PDuyet").map(approval),
      corrections: CorrectionNote(
        count: try corrections.value("SoCho", { Int($0) }, canonical: { String($0) }),
        subjectCodes: corrections.texts("Mon")),
      provenance: try provenance(data.child("SoHoa")))
  }

  // MARK: - Thông tin chung

  private static func student(_ node: DecodingNode) throws(RecordXMLError) -> StudentIdentity {
    StudentIdentity(
      fullName: try node.text("HoTen"),
      sex: try node.value("GioiTinh", { Int($0).flatMap(Sex.init(rawValue:)) }, canonical: { String($0.rawValue) }),
      birthDate: try node.value("NgaySinh", { CalendarDate(parsing: $0) }, canonical: \.iso),
      birthPlace: node.optionalText("NoiSinh"),
      ethnicity: node.optionalText("DanToc"),
      nationality: node.optionalText("QTich"),
      residence: node.optionalText("ChoO"),
      father: try node.optionalChild("Cha").map(guardian),
      mother: try node.optionalChild("Me").map(guardian),
      guardian: try node.optionalChild("NGHo").map(guardian),
      citizenID: try node.optionalValue("MDDanh", { try? CitizenID(parsing: $0) }, canonical: \.digits),
      lookupCode: node.optionalText("MTCuu"),
      effectiveDate: try node.optionalValue("NHLuc", { CalendarDate(parsing: $0) }, canonical: \.iso))
  }

  private static func guardian(_ node: DecodingNode) throws(RecordXMLError) -> Guardian {
    Guardian(fullName: try node.text("HoTen"), occupation: node.optionalText("NNghiep"))
  }

  private static func school(_ node: DecodingNode) throws(RecordXMLError) -> SchoolRef {
    SchoolRef(
      name: try node.text("Ten"), code: node.optionalText("Ma"), district: node.optionalText("Huyen"),
      province: node.optionalText("Tinh"))
  }

  private static func historyRow(_ node: DecodingNode) throws(RecordXMLError) -> StudyHistoryEntry {
    StudyHistoryEntry(
      schoolYear: try node.value("NamHoc", { SchoolYear(parsing: $0) }, canonical: \.description),
      className: try node.text("Lop"),
      school: try school(node.child("Truong")),
      registerNumber: node.optionalText("SoDBo"),
      entryDate: try node.optionalValue("NgayVao", { CalendarDate(parsing: $0) }, canonical: \.iso),
      entryKind: try node.code("HThuc", as: EntryKind.self))
  }

  // MARK: - Bảng điểm

  private static func subject(_ node: DecodingNode) throws(RecordXMLError) -> SubjectResult {
    let code = try node.text("Ma")
    guard node.element.attribute("Id") == SchoolYearRecord.subjectRowID(code: code) else {
      throw node.invalid("@Id")
    }
    return SubjectResult(
      code: code,
      name: try node.text("Ten"),
      firstTerm: try assessment(node, "HK1"),
      secondTerm: try assessment(node, "HK2"),
      fullYear: try assessment(node, "CaNam"),
      reassessment: try assessment(node, "DGLai"),
      comment: node.optionalText("NXet"),
      teacher: node.optionalText("GVMH"))
  }

  private static func assessment(_ node: DecodingNode, _ name: String) throws(RecordXMLError) -> Assessment? {
    try node.optionalValue(name, { Assessment(parsing: $0) }, canonical: \.canonical)
  }

  // MARK: - Tổng kết

  private static func summary(_ node: DecodingNode) throws(RecordXMLError) -> YearSummary {
    if let conduct = node.optionalChild("RenLuyen") {
      return .tt22(TT22Summary(conduct: try tt22Levels(conduct), learning: try tt22Levels(node.child("HocTap"))))
    }
    let conduct = try node.child("HanhKiem")
    let rank = try node.child("HocLuc")
    let average = try node.child("DTBCMon")
    func score(_ name: String) throws(RecordXMLError) -> Score? {
      try average.optionalValue(name, { try? Score(parsing: $0) }, canonical: \.canonical)
    }
    return .tt58(
      TT58Summary(
        conductFirstTerm: try conduct.optionalCode("HK1", as: ConductLevel.self),
        conductSecondTerm: try conduct.optionalCode("HK2", as: ConductLevel.self),
        conductFullYear: try conduct.optionalCode("CaNam", as: ConductLevel.self),
        conductReassessed: try conduct.optionalCode("DGLai", as: ConductLevel.self),
        rankFirstTerm: try rank.optionalCode("HK1", as: AcademicRank.self),
        rankSecondTerm: try rank.optionalCode("HK2", as: AcademicRank.self),
        rankFullYear: try rank.optionalCode("CaNam", as: AcademicRank.self),
        rankReassessed: try rank.optionalCode("DGLai", as: AcademicRank.self),
        averageFirstTerm: try score("HK1"), averageSecondTerm: try score("HK2"),
        averageFullYear: try score("CaNam")))
  }

  private static func tt22Levels(_ node: DecodingNode) throws(RecordXMLError) -> TT22Levels {
    TT22Levels(
      firstTerm: try node.optionalCode("HK1", as: TT22Level.self),
      secondTerm: try node.optionalCode("HK2", as: TT22Level.self),
      fullYear: try node.optionalCode("CaNam", as: TT22Level.self),
      reassessed: try node.optionalCode("DGLai", as: TT22Level.self))
  }

  // MARK: - Nhận xét chung, số hoá

  private static func approval(_ node: DecodingNode) throws(RecordXMLError) -> PrincipalApproval {
    PrincipalApproval(
      fullName: try node.text("HoTen"), title: try node.text("CVu"), place: node.optionalText("DDanh"),
      date: try node.optionalValue("Ngay", { CalendarDate(parsing: $0) }, canonical: \.iso))
  }

  private static func provenance(_ node: DecodingNode) throws(RecordXMLError) -> Provenance {
    let caseCode = try node.text("THop")
    let departed = node.texts("MonGVNghi")
    let origin = node.optionalChild("TruongGoc")
    let digitizationCase: DigitizationCase
    switch caseCode {
    case "luu-tru" where departed.isEmpty && origin == nil:
      digitizationCase = .ownArchive
    case "gv-da-nghi" where origin == nil:
      digitizationCase = .departedTeacherContent(subjectCodes: departed)
    case "chuyen-den" where departed.isEmpty:
      guard let origin else { throw node.invalid("TruongGoc") }
      digitizationCase = .incomingTransfer(originSchool: try school(origin))
    default:
      throw node.invalid("THop")
    }
    let pages = try node.child("NguonQuet").children("Trang").map { (page: DecodingNode) throws(RecordXMLError) in
      SourcePage(
        sha256: try page.text("SHA256"), fileName: try page.text("Tep"),
        page: try page.value("SoTrang", { Int($0) }, canonical: { String($0) }))
    }
    let substitution = try node.optionalChild("ThayThe").map { (s: DecodingNode) throws(RecordXMLError) in
      SubstitutionStatement(
        signer: try s.text("NguoiKy"), departedTeachers: s.texts("GVNghi"), subjectCodes: s.texts("MonHoc"),
        schoolYears: s.texts("NamHoc"), reason: try s.text("LyDo"))
    }
    let confirmation = try node.optionalChild("XNChuyenDen").map { (c: DecodingNode) throws(RecordXMLError) in
      TransferConfirmation(
        clerk: try c.text("VanThu"), principal: try c.text("HieuTruong"), statement: try c.text("NoiDung"))
    }
    return Provenance(
      digitizationCase: digitizationCase, sources: pages, reviewers: node.texts("NDuyet"), substitution: substitution,
      transferConfirmation: confirmation)
  }
}
