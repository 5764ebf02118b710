import HocBaModel
import HocBaSamples
import Testing

@testable import HocBaRules

@Suite struct RecordCheckTests {
  // MARK: C11

  @Test func c11PassesOnTheSamples() {
    for record in SampleRecords.all { #expect(findings("C11", record).isEmpty) }
  }

  @Test func c11FlagsMissingUnknownAndLateSubjects() {
    var record = SampleRecords.tt58Secondary
    record.subjects.remove(at: record.row("toan"))
    record.subjects.append(SubjectResult(code: "hoa-hoc", name: "Hoá học", fullYear: .score(s("7,0"))))
    record.subjects.append(SubjectResult(code: "xyz", name: "Môn lạ", fullYear: .score(s("7,0"))))
    let found = findings("C11", record)
    #expect(found.map(\.fieldPaths) == [["subjects.hoa-hoc"], ["subjects.xyz"], ["subjects.toan"]])
    #expect(found.allSatisfy { $0.severity == .warning })
    #expect(found[0].message(in: .vietnamese).contains("chỉ học từ lớp 8"))
  }

  @Test func c11WantsFourElectivesInTT22UpperSecondary() {
    var record = SampleRecords.tt22Upper
    record.subjects.remove(at: record.row("sinh-hoc"))
    #expect(findings("C11", record).map(\.fieldPaths) == [["subjects"]])
  }

  // MARK: C12

  @Test func c12FlagsARegimeAgainstTheRoadmap() {
    var record = SampleRecords.tt58Secondary
    record.schoolYear = SchoolYear(startYear: 2022)!
    let found = findings("C12", record)
    #expect(found.map(\.severity) == [.error])
    #expect(found.first?.fieldPaths == ["header.schoolYear", "header.className"])
    #expect(found.first?.message(in: .vietnamese).contains("Thông tư 22/2021") == true)
  }

  @Test func c12FlagsAClassOutsideTheGradeAndASummaryOfTheOtherRegime() {
    var record = SampleRecords.tt22Secondary
    record.className = "9A1"
    #expect(findings("C12", record).map(\.severity) == [.warning])
    record = SampleRecords.tt22Secondary
    record.summary = .tt58(TT58Summary())
    #expect(findings("C12", record).map(\.fieldPaths) == [["header.schoolYear"]])
    record.grade = 5
    #expect(findings("C12", record).map(\.fieldPaths) == [["header.className"]])
  }

  // MARK: C13

  func withID(_ digits: String, sex: Sex = .female) -> SchoolYearRecord {
    var record = SampleRecords.tt22Secondary  // female, born 2010
    record.student.citizenID = try! CitizenID(parsing: digits)
    record.student.sex = sex
    return record
  }

  @Test func c13PassesOnTheSamples() {
    for record in SampleRecords.all { #expect(findings("C13", record).isEmpty) }
  }

  @Test func c13DigitFourAgainstSex() {
    #expect(findings("C13", withID("036310004517")).isEmpty)  // 3: female, 2000s
    let found = findings("C13", withID("036210004517"))  // 2: male, 2000s
    #expect(found.map(\.fieldPaths) == [["student.citizenID", "student.sex"]])
    #expect(found.first?.severity == .error)
    #expect(found.first?.message(in: .vietnamese).contains("là 2 (nam, sinh 2000–2099) nhưng giới tính ghi Nữ") == true)
    #expect(findings("C13", withID("036210004517", sex: .male)).isEmpty)
  }

  @Test func c13DigitFourAndFiveSixAgainstTheBirthYear() {
    let year = findings("C13", withID("036309004517"))
    #expect(year.map(\.fieldPaths) == [["student.citizenID", "student.birthDate"]])
    #expect(year.first?.message(in: .vietnamese).contains("năm sinh 2009 nhưng ngày sinh ghi năm 2010") == true)
    // Digit 4 = 1: female, 20th century → 1910, not 2010.
    let century = findings("C13", withID("036110004517"))
    #expect(century.map(\.fieldPaths) == [["student.citizenID", "student.birthDate"]])
    // Both wrong at once.
    #expect(findings("C13", withID("036009004517")).count == 2)
  }

  @Test func c13NotesAnUnrecordedSex() {
    let found = findings("C13", withID("036310004517", sex: .unknown))
    #expect(found.map(\.severity) == [.info])
  }

  // MARK: C14

  @Test func c14PassesOnTheSamples() {
    for record in SampleRecords.all { #expect(findings("C14", record).isEmpty) }
  }

  @Test func c14FlagsGapsSkipsAndAMismatchedClass() {
    var record = SampleRecords.tt22Secondary
    record.history[1].schoolYear = SchoolYear(startYear: 2023)!  // 2021, 2023, 2023
    var found = findings("C14", record)
    #expect(found.map(\.fieldPaths).contains(["history[1].schoolYear"]))
    record = SampleRecords.tt22Secondary
    record.history[1].className = "9A1"
    found = findings("C14", record)
    #expect(found.map(\.fieldPaths) == [["history[1].className"], ["history[2].className"]])
    record = SampleRecords.tt22Secondary
    record.history[2].className = "8A2"
    #expect(findings("C14", record).map(\.fieldPaths) == [["history[2].className", "header.className"]])
    record = SampleRecords.tt22Secondary
    record.history[1].className = "6A1"
    #expect(findings("C14", record).first?.severity == .info)  // grade 6 repeated
  }

  @Test func c14ComparesTheNextRowWithThePromotion() {
    var record = SampleRecords.tt58Secondary
    record.history.append(
      StudyHistoryEntry(schoolYear: SchoolYear(startYear: 2021)!, className: "7B", school: record.school))
    let found = findings("C14", record)
    #expect(found.map(\.severity) == [.info, .warning])  // grade 7 again, although "lên lớp"
    #expect(found.last?.fieldPaths == ["history[2].className", "promotion"])
  }

  // MARK: C15

  @Test func c15ChecksTheCorrectionsFooter() {
    #expect(findings("C15", SampleRecords.tt22Secondary).isEmpty)
    var record = SampleRecords.tt22Secondary
    record.corrections = CorrectionNote(count: 0, subjectCodes: ["toan"])
    #expect(findings("C15", record).map(\.fieldPaths) == [["corrections.count"]])
    record.corrections = CorrectionNote(count: 2, subjectCodes: ["toan", "hoa-hoc"])
    #expect(findings("C15", record).count == 1)
    #expect(C15CorrectionNoteCheck.detectedMismatch(SampleRecords.tt22Secondary, detectedCorrections: 1) == nil)
    #expect(
      C15CorrectionNoteCheck.detectedMismatch(SampleRecords.tt22Secondary, detectedCorrections: 2)?.severity == .warning
    )
  }

  // MARK: C16

  @Test(arguments: [(2010, false), (2011, false), (2012, true), (2007, false), (2006, true)])
  func c16AgeBoundaries(birthYear: Int, flagged: Bool) {
    var record = SampleRecords.tt22Secondary  // grade 8 in 2023-24: normal age 13 (born 2010)
    record.student.birthDate = CalendarDate(year: birthYear, month: 3, day: 12)!
    let found = findings("C16", record)
    #expect(found.isEmpty == !flagged)
    if flagged {
      #expect(found.first?.fieldPaths == ["student.birthDate", "header.className"])
      #expect(found.first?.severity == .warning)
    }
  }
}
