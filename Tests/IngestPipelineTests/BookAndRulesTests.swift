import Foundation
import HocBaModel
import HocBaRules
import HocBaSamples
import ReviewStore
import Testing

@testable import IngestPipeline

/// Grouping pages into records, the rules run on each new record, and the review routing.
@Suite struct BookAndRulesTests {
  static func field(_ path: String, _ value: String, confidence: Double = 95, critical: Bool = false)
    -> PageFieldEvidence
  {
    PageFieldEvidence(
      path: path, type: "text", critical: critical, rawText: value, normalizedValue: value, confidence: confidence,
      box: FieldBox(x: 0, y: 0, width: 10, height: 10), cropPath: nil)
  }

  /// The information page's fields of one synthetic student.
  static func infoFields() -> [PageFieldEvidence] {
    [
      field("student.fullName", "Nguyễn Thị Thuỷ", critical: true), field("student.birthDate", "2010-03-12"),
      field("student.sex", "F"), field("student.citizenID", "036310004517"),
      field("history[0].schoolYear", "2023-2024"), field("history[0].className", "8A1"),
      field("history[0].school", "Trường THCS Đại An"),
      field("history[1].schoolYear", "2024-2025"), field("history[1].className", "9A1"),
      field("history[1].school", "Trường THCS Đại An"),
    ]
  }

  /// The same student's TT22 THCS 2023-2024 year page fields.
  static func yearFields(fullYear: String = "6.5") -> [PageFieldEvidence] {
    var year = [
      field("header.fullName", "NGUYỄN THỊ THUỶ"), field("header.className", "8A1"),
      field("header.schoolYear", "2023-2024"),
      field("subjects.toan.firstTerm", "6.6"), field("subjects.toan.secondTerm", "6.4"),
      field("subjects.toan.fullYear", fullYear, critical: true), field("subjects.toan.comment", "Tiến bộ rõ"),
    ]
    year += [field("summary.conduct.firstTerm", "T"), field("summary.conduct.secondTerm", "T")]
    year += [field("summary.conduct.fullYear", "T"), field("absences", "3"), field("promotion", "len-lop")]
    return year
  }

  /// An information page and a TT22 THCS year page of one synthetic student, saved through the store.
  static func savePages(_ database: ReviewDatabase, fullYear: String = "6.5") throws -> Int64 {
    let scan = try database.registerScan(
      sha256: String(repeating: "e", count: 64), fileName: "book.tif", pageCount: 2, actor: "t")
    let info = infoFields()
    let year = yearFields(fullYear: fullYear)
    try database.savePage(
      PageEvidence(scanID: scan.id, pageNumber: 1, contentSHA256: "a", outcome: .mapped, kind: "info", fields: info),
      actor: "t")
    try database.savePage(
      PageEvidence(
        scanID: scan.id, pageNumber: 2, contentSHA256: "b", outcome: .mapped, kind: "year-tt22-thcs", fields: year),
      actor: "t")
    return scan.id
  }

  static func options() -> ImportOptions {
    ImportOptions(inputs: [], workFolder: URL(fileURLWithPath: "/tmp"), actor: "test")
  }

  @Test func groupsTheYearPageWithTheInformationPageAndReportsTheMissingYear() throws {
    let database = try ReviewDatabase.inMemory()
    _ = try Self.savePages(database)
    var summary = ImportSummary()
    try BookAssembler(database: database, options: Self.options()).assemble(into: &summary)
    #expect(summary.recordsCreated == 1)
    #expect(summary.missingYears == ["book.tif #1: 2024-2025"])
    let record = try #require(try database.records().first)
    #expect(record.record.student.fullName == "Nguyễn Thị Thuỷ", "the name is kept exactly as written")
    #expect(record.record.grade == 8)
    #expect(record.record.subjects.first { $0.code == "toan" }?.fullYear == .score(Score(tenths: 65)!))
    #expect(record.record.subjects.first { $0.code == "toan" }?.comment == "Tiến bộ rõ")
    // Running the stage again creates nothing new.
    var again = ImportSummary()
    try BookAssembler(database: database, options: Self.options()).assemble(into: &again)
    #expect(again.recordsCreated == 0)
    #expect(try database.records().count == 1)
  }

  @Test func aWrongYearAverageIsFlaggedAndItsFieldSentToReviewDespiteHighConfidence() throws {
    let database = try ReviewDatabase.inMemory()
    _ = try Self.savePages(database, fullYear: "6.4")
    var summary = ImportSummary()
    try BookAssembler(database: database, options: Self.options()).assemble(into: &summary)
    let record = try #require(try database.records().first)
    let findings = try database.findings(recordID: record.id)
    let c2 = try #require(findings.first { $0.ruleCode == "C2" })
    #expect(c2.paths.first == "subjects.toan.fullYear")
    #expect(c2.explanation(in: .vietnamese).contains("6,5"))
    let field = try #require(try database.fields(recordID: record.id).first { $0.path == "subjects.toan.fullYear" })
    #expect(field.confidence == 95)
    #expect(field.status == .pending, "a rule finding overrides a confident OCR read")
    #expect(try database.flaggedFieldKeys().contains { $0.path == "subjects.toan.fullYear" })
  }

  @Test func confidenceRoutingSendsUnsureAndUnreadableFieldsToReview() {
    let routing = ReviewRouting.standard
    #expect(!routing.needsReview(Self.field("absences", "3", confidence: 95)))
    #expect(routing.needsReview(Self.field("absences", "3", confidence: 50)))
    #expect(routing.needsReview(Self.field("student.fullName", "A", confidence: 85, critical: true)))
    var unreadable = Self.field("subjects.toan.firstTerm", "7,8x", confidence: 99)
    unreadable.normalizedValue = nil
    #expect(routing.needsReview(unreadable))
    // Handwriting is always reviewed, however confident the read; an empty comment cell is normal.
    #expect(routing.needsReview(Self.field("homeroomComment", "Chăm ngoan", confidence: 97)))
    #expect(routing.needsReview(Self.field("subjects.toan.comment", "Tiến bộ", confidence: 97)))
    #expect(!routing.needsReview(Self.field("subjects.toan.comment", "", confidence: 0)))
  }

  @Test func namesMatchAcrossCaseAndDiacritics() {
    #expect(NameKey("VŨ VĂN LỘC") == NameKey("Vũ Văn Lộc"))
    #expect(NameKey("Đỗ  Văn Long") == NameKey("do van long"))
    #expect(NameKey("Vũ Văn Lộc") != NameKey("Vũ Văn Long"))
  }
}

@Suite struct RosterTests {
  static let csv = """
    Họ và tên,Ngày sinh,Giới tính,CCCD,Lớp
    Nguyễn Thị Thủy,12/03/2010,Nữ,036310004517,8A1
    "Trần Văn Đức, con",02/11/2007,Nam,037207001234,11A2
    """

  @Test func parsesTheClassList() throws {
    let roster = try Roster.parse(csv: Self.csv)
    #expect(roster.entries.count == 2)
    #expect(roster.entries[1].fullName == "Trần Văn Đức, con")
    #expect(roster.entries[0].birthDate == CalendarDate(year: 2010, month: 3, day: 12))
    #expect(roster.entries[0].sex == .female)
  }

  @Test func aToneStyleDifferenceIsOnlyInformation() throws {
    let roster = try Roster.parse(csv: Self.csv)
    let findings = roster.findings(for: SampleRecords.tt22Secondary)  // "Thuỷ" in the book, "Thủy" in the list
    #expect(!findings.isEmpty)
    #expect(findings.allSatisfy { $0.severity == .info })
    #expect(findings.first?.fieldPaths == ["student.fullName"])
  }

  @Test func aDifferentBirthDateIsAWarning() throws {
    var record = SampleRecords.tt22Secondary
    record.student.birthDate = CalendarDate(year: 2010, month: 3, day: 13)!
    let findings = try Roster.parse(csv: Self.csv).findings(for: record)
    #expect(findings.contains { $0.severity == .warning && $0.fieldPaths == ["student.birthDate"] })
  }

  @Test func refusesAListWithoutANameColumn() {
    #expect(throws: RosterError.missingColumn("họ và tên")) { try Roster.parse(csv: "Ngày sinh\n01/01/2010") }
  }
}
