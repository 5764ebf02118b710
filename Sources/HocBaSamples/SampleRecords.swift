// HocBaSamples builds synthetic records for the demo and the tests. Every person, ID and school here is invented.
import HocBaModel

/// Three synthetic school-year records: a TT22 THCS year, a TT22 THPT year and a TT58 THCS year.
public enum SampleRecords {
  /// All samples, in a fixed order.
  public static var all: [SchoolYearRecord] { [tt22Secondary, tt22Upper, tt58Secondary] }

  static let school = SchoolRef(name: "Trường THCS Đại An", code: "37001203", district: "Ý Yên", province: "Ninh Bình")
  static let upperSchool = SchoolRef(
    name: "Trường THPT Lê Quý Đôn", code: "37002105", district: "Hoa Lư", province: "Ninh Bình")

  /// A TT22 grade-8 year (2023-2024), the school's own archive.
  public static var tt22Secondary: SchoolYearRecord {
    let student = StudentIdentity(
      fullName: "Nguyễn Thị Thuỷ", sex: .female, birthDate: date(2010, 3, 12), birthPlace: "Ý Yên, Nam Định",
      ethnicity: "Kinh", nationality: "Việt Nam", residence: "Xóm 3, xã Đại An, Ninh Bình",
      father: Guardian(fullName: "Nguyễn Văn Hùng", occupation: "Làm ruộng"),
      mother: Guardian(fullName: "Trần Thị Mai", occupation: "Giáo viên"),
      citizenID: id("036310004517"), lookupCode: "HB37-0000-0001", effectiveDate: date(2026, 6, 1))
    let subjects = [
      scored("ngu-van", "Ngữ văn", 72, 78, comment: "Có tiến bộ trong kĩ năng viết.", teacher: "Phạm Thu Hà"),
      scored("toan", "Toán", 66, 64, comment: "Cần cẩn thận hơn khi tính toán.", teacher: "Đỗ Văn Minh"),
      scored("ngoai-ngu-1", "Ngoại ngữ 1", 81, 85, teacher: "Lê Thị Ngọc Ánh"),
      scored("gdcd", "Giáo dục công dân", 88, 90, teacher: "Vũ Thị Hạnh"),
      scored("lich-su-dia-li", "Lịch sử và Địa lí", 75, 80, teacher: "Hoàng Văn Đức"),
      scored("khtn", "Khoa học tự nhiên", 70, 73, teacher: "Bùi Thị Lan"),
      scored("cong-nghe", "Công nghệ", 80, 84, teacher: "Ngô Văn Tài"),
      scored("tin-hoc", "Tin học", 85, 87, teacher: "Đặng Quốc Bảo"),
      commented("gdtc", "Giáo dục thể chất", .pass, .pass, teacher: "Trịnh Văn Long"),
      commented("nghe-thuat", "Nghệ thuật", .pass, .pass, teacher: "Lý Thị Hoa"),
      commented("hdtn-hn", "Hoạt động trải nghiệm, hướng nghiệp", .pass, .pass, teacher: "Phạm Thu Hà"),
      commented("gddp", "Nội dung giáo dục của địa phương", .pass, .pass, teacher: "Hoàng Văn Đức"),
    ]
    return SchoolYearRecord(
      student: student,
      history: [
        StudyHistoryEntry(
          schoolYear: year(2021), className: "6A1", school: school, registerNumber: "112/2021",
          entryDate: date(2021, 9, 5)),
        StudyHistoryEntry(schoolYear: year(2022), className: "7A1", school: school, registerNumber: "112/2021"),
        StudyHistoryEntry(schoolYear: year(2023), className: "8A1", school: school, registerNumber: "112/2021"),
      ],
      schoolYear: year(2023), grade: 8, className: "8A1", school: school, regime: .tt22, subjects: subjects,
      summary: .tt22(
        TT22Summary(
          conduct: TT22Levels(firstTerm: .good, secondTerm: .good, fullYear: .good),
          learning: TT22Levels(firstTerm: .fair, secondTerm: .fair, fullYear: .fair))),
      absences: 2, promotion: .promoted, awards: [],
      homeroomComment: "Chăm ngoan, có ý thức tự học; cần mạnh dạn hơn khi phát biểu & trao đổi <nhóm>.",
      homeroomTeacher: "Phạm Thu Hà",
      approval: PrincipalApproval(
        fullName: "Lê Văn Thành", title: "Hiệu trưởng", place: "Đại An", date: date(2024, 5, 28)),
      corrections: CorrectionNote(count: 1, subjectCodes: ["toan"]),
      provenance: Provenance(
        digitizationCase: .departedTeacherContent(subjectCodes: ["toan"]),
        sources: [SourcePage(sha256: String(repeating: "a1", count: 32), fileName: "so-hoc-ba-001.tif", page: 3)],
        reviewers: ["Nguyễn Thị Học Vụ"]))
  }

  /// A TT22 grade-11 year (2023-2024), an incoming transfer from a school still on paper.
  public static var tt22Upper: SchoolYearRecord {
    let origin = SchoolRef(name: "Trường THPT Nguyễn Huệ", district: "Tam Điệp", province: "Thanh Hóa")
    let student = StudentIdentity(
      fullName: "Trần Văn Đức", sex: .male, birthDate: date(2007, 11, 2), birthPlace: "Tam Điệp, Ninh Bình",
      ethnicity: "Kinh", nationality: "Việt Nam", residence: "Phường Tân Thành, Ninh Bình",
      guardian: Guardian(fullName: "Trần Thị Bích", occupation: "Buôn bán"), citizenID: id("037207001234"),
      lookupCode: "HB37-0000-0002")
    let subjects = [
      scored("ngu-van", "Ngữ văn", 65, 70, teacher: "Mai Thị Tuyết"),
      scored("toan", "Toán", 82, 88, teacher: "Cao Văn Sơn"),
      scored("ngoai-ngu-1", "Ngoại ngữ 1", 80, 84, teacher: "Đinh Thị Yến"),
      scored("lich-su", "Lịch sử", 70, 72, teacher: "Lương Văn Hải"),
      commented("gdtc", "Giáo dục thể chất", .pass, .pass, teacher: "Tạ Văn Cường"),
      scored("gdqp-an", "Giáo dục quốc phòng và an ninh", 85, 86, teacher: "Tạ Văn Cường"),
      commented("hdtn-hn", "Hoạt động trải nghiệm, hướng nghiệp", .pass, .pass, teacher: "Mai Thị Tuyết"),
      commented("gddp", "Nội dung giáo dục của địa phương", .pass, .pass, teacher: "Lương Văn Hải"),
      scored("vat-li", "Vật lí", 80, 83, teacher: "Phan Minh Quân"),
      scored("hoa-hoc", "Hoá học", 78, 81, teacher: "Kiều Thị Oanh"),
      scored("sinh-hoc", "Sinh học", 69, 75, teacher: "Hồ Thị Thu"),
      scored("tin-hoc", "Tin học", 90, 92, teacher: "Vương Đình Khoa"),
    ]
    return SchoolYearRecord(
      student: student,
      history: [
        StudyHistoryEntry(
          schoolYear: year(2022), className: "10C3", school: origin, registerNumber: "45/2022",
          entryDate: date(2022, 9, 5)),
        StudyHistoryEntry(
          schoolYear: year(2023), className: "11A2", school: upperSchool, registerNumber: "208/2023",
          entryDate: date(2023, 8, 21), entryKind: .transferredIn),
      ],
      schoolYear: year(2023), grade: 11, className: "11A2", school: upperSchool, regime: .tt22,
      subjects: subjects,
      summary: .tt22(
        TT22Summary(
          conduct: TT22Levels(firstTerm: .good, secondTerm: .good, fullYear: .good),
          learning: TT22Levels(firstTerm: .fair, secondTerm: .good, fullYear: .good))),
      absences: 0, promotion: .promoted, awards: ["Học sinh Giỏi"],
      homeroomComment: "Có năng lực tự học tốt, hoà đồng với bạn bè.", homeroomTeacher: "Mai Thị Tuyết",
      approval: PrincipalApproval(
        fullName: "Đoàn Thị Nguyệt", title: "KT. Hiệu trưởng / Phó Hiệu trưởng", place: "Hoa Lư",
        date: date(2024, 5, 30)),
      provenance: Provenance(
        digitizationCase: .incomingTransfer(originSchool: origin),
        sources: [
          SourcePage(sha256: String(repeating: "b2", count: 32), fileName: "chuyen-den-tran-van-duc.pdf", page: 1),
          SourcePage(sha256: String(repeating: "b2", count: 32), fileName: "chuyen-den-tran-van-duc.pdf", page: 4),
        ], reviewers: ["Văn Thư Mẫu"]))
  }

  /// A TT58 grade-7 year (2020-2021), the school's own archive.
  public static var tt58Secondary: SchoolYearRecord {
    let student = StudentIdentity(
      fullName: "Lê Quý Đôn", sex: .male, birthDate: date(2008, 7, 19), birthPlace: "Hà Nội", ethnicity: "Kinh",
      nationality: "Việt Nam", residence: "Đống Đa, Hà Nội",
      father: Guardian(fullName: "Lê Quý Toàn", occupation: "Kỹ sư"),
      mother: Guardian(fullName: "Phạm Thị Duyên"), citizenID: id("001208009876"))
    let scoredRows: [(String, String, Int, Int)] = [
      ("toan", "Toán", 80, 84), ("vat-li", "Vật lí", 75, 78), ("sinh-hoc", "Sinh học", 70, 74),
      ("ngu-van", "Ngữ văn", 68, 72), ("lich-su", "Lịch sử", 77, 79), ("dia-li", "Địa lí", 73, 76),
      ("ngoai-ngu", "Ngoại ngữ", 82, 80), ("gdcd", "Giáo dục công dân", 85, 88),
      ("cong-nghe", "Công nghệ", 79, 83),
    ]
    var subjects = scoredRows.map { scored($0.0, $0.1, $0.2, $0.3) }
    subjects += [
      commented("the-duc", "Thể dục", .pass, .pass), commented("am-nhac", "Âm nhạc", .pass, .pass),
      commented("mi-thuat", "Mĩ thuật", .pass, .pass),
    ]
    let scores = subjects.compactMap { $0.fullYear?.score }
    let first = subjects.compactMap { $0.firstTerm?.score }
    let second = subjects.compactMap { $0.secondTerm?.score }
    return SchoolYearRecord(
      student: student,
      history: [
        StudyHistoryEntry(
          schoolYear: year(2019), className: "6B", school: school, registerNumber: "87/2019",
          entryDate: date(2019, 9, 5)),
        StudyHistoryEntry(schoolYear: year(2020), className: "7B", school: school, registerNumber: "87/2019"),
      ],
      schoolYear: year(2020), grade: 7, className: "7B", school: school, regime: .tt58, subjects: subjects,
      summary: .tt58(
        TT58Summary(
          conductFirstTerm: .good, conductSecondTerm: .good, conductFullYear: .good, rankFirstTerm: .good,
          rankSecondTerm: .good, rankFullYear: .good, averageFirstTerm: Score.mean(first),
          averageSecondTerm: Score.mean(second), averageFullYear: Score.mean(scores))),
      absences: 4, promotion: .promoted, awards: ["Học sinh tiên tiến"],
      homeroomComment: "Ngoan, lễ phép; học đều các môn.", homeroomTeacher: "Nguyễn Văn Bình",
      approval: PrincipalApproval(
        fullName: "Lê Văn Thành", title: "Hiệu trưởng", place: "Đại An", date: date(2021, 5, 25)),
      provenance: Provenance(
        sources: [SourcePage(sha256: String(repeating: "c3", count: 32), fileName: "so-hoc-ba-014.png", page: 1)]))
  }

  // MARK: - Builders

  static func scored(
    _ code: String, _ name: String, _ first: Int, _ second: Int, comment: String? = nil, teacher: String? = nil
  ) -> SubjectResult {
    let firstScore = Score(tenths: first)!
    let secondScore = Score(tenths: second)!
    return SubjectResult(
      code: code, name: name, firstTerm: .score(firstScore), secondTerm: .score(secondScore),
      fullYear: .score(Score.yearAverage(firstTerm: firstScore, secondTerm: secondScore)), comment: comment,
      teacher: teacher)
  }

  static func commented(
    _ code: String, _ name: String, _ first: PassLevel, _ second: PassLevel, teacher: String? = nil
  ) -> SubjectResult {
    // TT22: the year result of a comment-only subject equals HK II; TT58 Điều 10.2 gives the same here.
    SubjectResult(
      code: code, name: name, firstTerm: .level(first), secondTerm: .level(second), fullYear: .level(second),
      teacher: teacher)
  }

  static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
  }

  static func year(_ start: Int) -> SchoolYear { SchoolYear(startYear: start)! }

  static func id(_ digits: String) -> CitizenID { try! CitizenID(parsing: digits) }
}
