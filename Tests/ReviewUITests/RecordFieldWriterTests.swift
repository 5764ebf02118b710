import HocBaModel
import HocBaSamples
import ReviewUI
import Testing

/// The reviewed value lands where the importer reads it from.
struct RecordFieldWriterTests {
  let sample = SampleRecords.tt22Secondary

  @Test func subjectScoreIsWrittenIntoItsRow() throws {
    let record = try RecordFieldWriter.apply(path: "subjects.toan.fullYear", value: "7.5", to: sample)
    #expect(record.subjects.first { $0.code == "toan" }?.fullYear == .score(Score(tenths: 75)!))
    #expect(record.subjects.count == sample.subjects.count)
  }

  @Test func aSubjectTeachersCommentIsWrittenAsFreeTextAndCleared() throws {
    let text = "Có tiến bộ, cần rèn kĩ năng trình bày"
    let record = try RecordFieldWriter.apply(path: "subjects.toan.comment", value: text, to: sample)
    #expect(record.subjects.first { $0.code == "toan" }?.comment == text)
    #expect(
      record.subjects.first { $0.code == "toan" }?.fullYear == sample.subjects.first { $0.code == "toan" }?.fullYear)
    let cleared = try RecordFieldWriter.apply(path: "subjects.toan.comment", value: nil, to: record)
    #expect(cleared.subjects.first { $0.code == "toan" }?.comment == nil)
    #expect(throws: FieldWriteError.unknownPath("subjects.bogus.comment")) {
      try RecordFieldWriter.apply(path: "subjects.bogus.comment", value: text, to: sample)
    }
  }

  @Test func missingSubjectIsAddedInBookOrder() throws {
    var without = sample
    without.subjects.removeAll { $0.code == "toan" }
    let record = try RecordFieldWriter.apply(path: "subjects.toan.firstTerm", value: "6.0", to: without)
    #expect(record.subjects.map(\.code) == sample.subjects.map(\.code))
  }

  @Test func identitySummaryAndCountsAreWritten() throws {
    var record = try RecordFieldWriter.apply(path: "student.fullName", value: "Nguyễn Thị Thuỷ", to: sample)
    record = try RecordFieldWriter.apply(path: "student.birthDate", value: "2010-04-01", to: record)
    record = try RecordFieldWriter.apply(path: "summary.learning.fullYear", value: "T", to: record)
    record = try RecordFieldWriter.apply(path: "absences", value: "5", to: record)
    record = try RecordFieldWriter.apply(path: "header.className", value: "8A2", to: record)
    #expect(record.student.fullName == "Nguyễn Thị Thuỷ")
    #expect(record.student.birthDate == CalendarDate(year: 2010, month: 4, day: 1))
    guard case .tt22(let summary) = record.summary else { Issue.record("regime changed"); return }
    #expect(summary.learning.fullYear == .good)
    #expect(record.absences == 5)
    #expect(record.className == "8A2")
  }

  @Test func unknownPathsAndBadValuesAreRefused() {
    #expect(throws: FieldWriteError.unknownPath("subjects.toan.bogus")) {
      try RecordFieldWriter.apply(path: "subjects.toan.bogus", value: "7.0", to: sample)
    }
    #expect(throws: FieldWriteError.invalidValue(path: "summary.conduct.fullYear")) {
      try RecordFieldWriter.apply(path: "summary.conduct.fullYear", value: "Tb", to: sample)
    }
  }

  @Test func fieldKindsValidateAndCanonicalise() {
    let vi = Language.vietnamese
    #expect(FieldKind.score.validate("7,5", required: false, language: vi) == .valid("7.5"))
    #expect(FieldKind.assessment.validate("cđ", required: false, language: vi) == .valid("CĐ"))
    #expect(FieldKind.level.validate("tốt", required: false, language: vi) == .valid("T"))
    #expect(FieldKind.date.validate("01/04/2010", required: true, language: vi) == .valid("2010-04-01"))
    #expect(FieldKind.citizenID.validate("036 310 004 517", required: false, language: vi) == .valid("036310004517"))
    if case .valid = FieldKind.score.validate("75", required: false, language: vi) { Issue.record("75 > 10") }
    if case .valid = FieldKind.name.validate("", required: true, language: vi) { Issue.record("empty name") }
  }
}
