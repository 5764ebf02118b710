import HocBaModel

/// Writes a `SchoolYearRecord` as hocba XML 1.0 elements, in the fixed order of the schema (docs/FORMAT.md).
///
/// Optional model fields are omitted when nil; containers that always exist in the model are always written.
enum RecordEncoder {
  static func encode(_ record: SchoolYearRecord) throws(RecordXMLError) -> [UInt8] {
    guard record.summary.regime == record.regime else { throw .regimeMismatch(source: nil) }
    var writer = XMLWriter()
    try writer.container("HocBa", attributes: [("xmlns", RecordXML.namespace), ("PBan", RecordXML.schemaVersion)]) {
      (w: inout XMLWriter) throws(RecordXMLError) in
      try w.container("DLHocBa", attributes: [("Id", SchoolYearRecord.dataID)]) {
        (w: inout XMLWriter) throws(RecordXMLError) in
        try general(record, &w)
        try history(record.history, &w)
        try subjects(record.subjects, &w)
        try summary(record, &w)
        try comments(record, &w)
        try provenance(record.provenance, &w)
      }
      // Signature list: empty when exported; signing appends CKS slots here, outside the signed data.
      try w.open("DSCKS")
      w.close()
    }
    return try writer.finish()
  }

  // MARK: - Thông tin chung

  private static func general(_ record: SchoolYearRecord, _ w: inout XMLWriter) throws(RecordXMLError) {
    try w.container("TTChung") { (w: inout XMLWriter) throws(RecordXMLError) in
      try student(record.student, &w)
      try school("Truong", record.school, &w)
      try w.element("NamHoc", record.schoolYear.description)
      try w.element("KhoiLop", String(record.grade))
      try w.element("Lop", record.className)
      try w.element("CheDo", record.regime.rawValue)
    }
  }

  private static func student(_ s: StudentIdentity, _ w: inout XMLWriter) throws(RecordXMLError) {
    try w.container("HocSinh") { (w: inout XMLWriter) throws(RecordXMLError) in
      try w.element("HoTen", s.fullName)
      try w.element("GioiTinh", String(s.sex.rawValue))
      try w.element("NgaySinh", s.birthDate.iso)
      try w.optional("NoiSinh", s.birthPlace)
      try w.optional("DanToc", s.ethnicity)
      try w.optional("QTich", s.nationality)
      try w.optional("ChoO", s.residence)
      try person("Cha", s.father, &w)
      try person("Me", s.mother, &w)
      try person("NGHo", s.guardian, &w)
      try w.optional("MDDanh", s.citizenID?.digits)
      try w.optional("MTCuu", s.lookupCode)
      try w.optional("NHLuc", s.effectiveDate?.iso)
    }
  }

  private static func person(_ name: String, _ g: Guardian?, _ w: inout XMLWriter) throws(RecordXMLError) {
    guard let g else { return }
    try w.container(name) { (w: inout XMLWriter) throws(RecordXMLError) in
      try w.element("HoTen", g.fullName)
      try w.optional("NNghiep", g.occupation)
    }
  }

  private static func school(_ name: String, _ s: SchoolRef, _ w: inout XMLWriter) throws(RecordXMLError) {
    try w.container(name) { (w: inout XMLWriter) throws(RecordXMLError) in
      try w.element("Ten", s.name)
      try w.optional("Ma", s.code)
      try w.optional("Huyen", s.district)
      try w.optional("Tinh", s.province)
    }
  }

  // MARK: - Quá trình học tập

  private static func history(_ rows: [StudyHistoryEntry], _ w: inout XMLWriter) throws(RecordXMLError) {
    try w.container("QTHTap") { (w: inout XMLWriter) throws(RecordXMLError) in
      for row in rows {
        try w.container("DongQT") { (w: inout XMLWriter) throws(RecordXMLError) in
          try w.element("NamHoc", row.schoolYear.description)
          try w.element("Lop", row.className)
          try school("Truong", row.school, &w)
          try w.optional("SoDBo", row.registerNumber)
          try w.optional("NgayVao", row.entryDate?.iso)
          try w.element("HThuc", row.entryKind.rawValue)
        }
      }
    }
  }

  // MARK: - Bảng điểm

  private static func subjects(_ rows: [SubjectResult], _ w: inout XMLWriter) throws(RecordXMLError) {
    try w.container("BangDiem") { (w: inout XMLWriter) throws(RecordXMLError) in
      for row in rows {
        let id = SchoolYearRecord.subjectRowID(code: row.code)
        try w.container("MonHoc", attributes: [("Id", id)]) { (w: inout XMLWriter) throws(RecordXMLError) in
          try w.element("Ma", row.code)
          try w.element("Ten", row.name)
          try w.optional("HK1", row.firstTerm?.canonical)
          try w.optional("HK2", row.secondTerm?.canonical)
          try w.optional("CaNam", row.fullYear?.canonical)
          try w.optional("DGLai", row.reassessment?.canonical)
          try w.optional("NXet", row.comment)
          try w.optional("GVMH", row.teacher)
        }
      }
    }
  }

  // MARK: - Tổng kết

  private static func summary(_ record: SchoolYearRecord, _ w: inout XMLWriter) throws(RecordXMLError) {
    try w.container("TongKet") { (w: inout XMLWriter) throws(RecordXMLError) in
      switch record.summary {
      case .tt22(let s):
        try levels("RenLuyen", codes(s.conduct), &w)
        try levels("HocTap", codes(s.learning), &w)
      case .tt58(let s):
        let conduct = [s.conductFirstTerm, s.conductSecondTerm, s.conductFullYear, s.conductReassessed]
        let rank = [s.rankFirstTerm, s.rankSecondTerm, s.rankFullYear, s.rankReassessed]
        let average = [s.averageFirstTerm, s.averageSecondTerm, s.averageFullYear]
        try levels("HanhKiem", conduct.map { $0?.rawValue }, &w)
        try levels("HocLuc", rank.map { $0?.rawValue }, &w)
        try levels("DTBCMon", average.map { $0?.canonical }, &w)
      }
      try w.optional("SoBuoiNghi", record.absences.map { String($0) })
      try w.optional("LenLop", record.promotion?.rawValue)
      for award in record.awards { try w.element("KThuong", award) }
      try w.container("SuaChua") { (w: inout XMLWriter) throws(RecordXMLError) in
        try w.element("SoCho", String(record.corrections.count))
        for code in record.corrections.subjectCodes { try w.element("Mon", code) }
      }
    }
  }

  /// The codes of HK1, HK2, CaNam and DGLai of a TT22 levels row.
  private static func codes(_ levels: TT22Levels) -> [String?] {
    [levels.firstTerm, levels.secondTerm, levels.fullYear, levels.reassessed].map { $0?.rawValue }
  }

  /// Writes HK1, HK2, CaNam and (when four values are given) DGLai, skipping nil values.
  private static func levels(_ name: String, _ values: [String?], _ w: inout XMLWriter) throws(RecordXMLError) {
    try w.container(name) { (w: inout XMLWriter) throws(RecordXMLError) in
      for (tag, value) in zip(["HK1", "HK2", "CaNam", "DGLai"], values) { try w.optional(tag, value) }
    }
  }

  // MARK: - Nhận xét chung

  private static func comments(_ record: SchoolYearRecord, _ w: inout XMLWriter) throws(RecordXMLError) {
    try w.container("NXChung") { (w: inout XMLWriter) throws(RecordXMLError) in
      try w.optional("NXGVCN", record.homeroomComment)
      try w.optional("GVCN", record.homeroomTeacher)
      if let approval = record.approval {
        try w.container("PDuyet") { (w: inout XMLWriter) throws(RecordXMLError) in
          try w.element("HoTen", approval.fullName)
          try w.element("CVu", approval.title)
          try w.optional("DDanh", approval.place)
          try w.optional("Ngay", approval.date?.iso)
        }
      }
    }
  }

  // MARK: - Số hoá

  private static func provenance(_ p: Provenance, _ w: inout XMLWriter) throws(RecordXMLError) {
    try w.container("SoHoa") { (w: inout XMLWriter) throws(RecordXMLError) in
      try w.element("THop", p.digitizationCase.code)
      switch p.digitizationCase {
      case .ownArchive: break
      case .departedTeacherContent(let codes): for code in codes { try w.element("MonGVNghi", code) }
      case .incomingTransfer(let origin): try school("TruongGoc", origin, &w)
      }
      try w.container("NguonQuet") { (w: inout XMLWriter) throws(RecordXMLError) in
        for page in p.sources {
          try w.container("Trang") { (w: inout XMLWriter) throws(RecordXMLError) in
            try w.element("SHA256", page.sha256)
            try w.element("Tep", page.fileName)
            try w.element("SoTrang", String(page.page))
          }
        }
      }
      for reviewer in p.reviewers { try w.element("NDuyet", reviewer) }
      if let s = p.substitution {
        try w.container("ThayThe") { (w: inout XMLWriter) throws(RecordXMLError) in
          try w.element("NguoiKy", s.signer)
          for name in s.departedTeachers { try w.element("GVNghi", name) }
          for code in s.subjectCodes { try w.element("MonHoc", code) }
          for year in s.schoolYears { try w.element("NamHoc", year) }
          try w.element("LyDo", s.reason)
        }
      }
      if let c = p.transferConfirmation {
        try w.container("XNChuyenDen") { (w: inout XMLWriter) throws(RecordXMLError) in
          try w.element("VanThu", c.clerk)
          try w.element("HieuTruong", c.principal)
          try w.element("NoiDung", c.statement)
        }
      }
    }
  }
}
