import Foundation
import HocBaModel
import ReviewStore
import Testing

@testable import IngestPipeline

/// Pairing year pages with their book's information page when OCR misread or missed the name, the class or the
/// school year: paired only on corroborated evidence and always sent to review, never two students merged silently.
@Suite struct BookMatchingTests {
  typealias Book = BookAndRulesTests

  /// Saves one file of pages (kind, fields) under a distinct hash.
  static func saveFile(
    _ database: ReviewDatabase, _ name: String, hash: Character, _ pages: [(String, [PageFieldEvidence])]
  ) throws {
    let scan = try database.registerScan(
      sha256: String(repeating: hash, count: 64), fileName: name, pageCount: pages.count, actor: "t")
    for (index, (kind, fields)) in pages.enumerated() {
      try database.savePage(
        PageEvidence(
          scanID: scan.id, pageNumber: index + 1, contentSHA256: "\(hash)\(index)", outcome: .mapped, kind: kind,
          fields: fields),
        actor: "t")
    }
  }

  /// The year page's fields with `path` read as `value` (nil: not read at all).
  static func year(_ changes: [String: String?]) -> [PageFieldEvidence] {
    Book.yearFields().compactMap { field in
      guard let change = changes[field.path] else { return field }
      guard let value = change else { return nil }
      var changed = field
      changed.rawText = value
      changed.normalizedValue = value
      return changed
    }
  }

  static func info(name: String = "Nguyễn Thị Thuỷ") -> [PageFieldEvidence] {
    Book.infoFields().map { field in
      guard field.path == "student.fullName" else { return field }
      var changed = field
      changed.rawText = name
      changed.normalizedValue = name
      return changed
    }
  }

  static func assemble(_ database: ReviewDatabase) throws -> ImportSummary {
    var summary = ImportSummary()
    try BookAssembler(database: database, options: Book.options()).assemble(into: &summary)
    return summary
  }

  static func status(_ database: ReviewDatabase, _ path: String) throws -> FieldStatus? {
    let record = try #require(try database.records().first)
    return try database.reviewFields(recordID: record.id).first { $0.observation.path == path }?.observation.status
  }

  @Test func aNameMisreadByOneLetterIsPairedWhenTheHistoryAgreesAndBothNamesGoToReview() throws {
    let database = try ReviewDatabase.inMemory()
    try Self.saveFile(database, "trang-1.png", hash: "a", [("info", Self.info())])
    try Self.saveFile(
      database, "trang-2.png", hash: "b", [("year-tt22-thcs", Self.year(["header.fullName": "NGUYEN THI THUV"]))])
    let summary = try Self.assemble(database)
    #expect(summary.recordsCreated == 1 && summary.ungroupedPages.isEmpty)
    let record = try #require(try database.records().first)
    #expect(record.record.student.fullName == "Nguyễn Thị Thuỷ")
    #expect(try database.findings(recordID: record.id).contains { $0.ruleCode == "G1" })
    #expect(try Self.status(database, "student.fullName") == .pending)
    #expect(try Self.status(database, "header.fullName") == .pending)
  }

  @Test func aNearNameTheHistoryDoesNotListIsNotPaired() throws {
    let database = try ReviewDatabase.inMemory()
    try Self.saveFile(database, "trang-1.png", hash: "a", [("info", Self.info())])
    try Self.saveFile(
      database, "trang-2.png", hash: "b",
      [("year-tt22-thcs", Self.year(["header.fullName": "NGUYEN THI THUV", "header.schoolYear": "2021-2022"]))])
    let summary = try Self.assemble(database)
    #expect(summary.recordsCreated == 0)
    #expect(summary.ungroupedPages.map(\.reason) == [.noInformationPage])
  }

  @Test func twoInformationPagesWithTheSameNameAreNeverGuessedBetween() throws {
    let database = try ReviewDatabase.inMemory()
    try Self.saveFile(database, "so-1.png", hash: "a", [("info", Self.info())])
    try Self.saveFile(database, "so-2.png", hash: "c", [("info", Self.info())])
    try Self.saveFile(database, "nam.png", hash: "b", [("year-tt22-thcs", Self.year([:]))])
    let summary = try Self.assemble(database)
    #expect(summary.recordsCreated == 0)
    #expect(summary.ungroupedPages.map(\.reason) == [.severalInformationPages(2)])
    #expect(summary.ungroupedPages[0].message(in: .vietnamese).contains("không tự ghép"))
  }

  @Test func aYearPageWhoseNameWasNotReadJoinsTheInformationPageOfItsOwnFile() throws {
    let database = try ReviewDatabase.inMemory()
    try Self.saveFile(database, "khac.png", hash: "c", [("info", Self.info(name: "Trần Văn Bình"))])
    try Self.saveFile(
      database, "so.tif", hash: "a", [("info", Self.info()), ("year-tt22-thcs", Self.year(["header.fullName": nil]))])
    let summary = try Self.assemble(database)
    #expect(summary.recordsCreated == 1)
    let record = try #require(try database.records().first)
    #expect(record.record.student.fullName == "Nguyễn Thị Thuỷ")
    #expect(try database.findings(recordID: record.id).contains { $0.ruleCode == "G1" })
  }

  @Test func aClassNotReadIsTakenFromTheBooksHistoryAndSentToReview() throws {
    let database = try ReviewDatabase.inMemory()
    try Self.saveFile(
      database, "so.tif", hash: "a", [("info", Self.info()), ("year-tt22-thcs", Self.year(["header.className": "B"]))])
    let summary = try Self.assemble(database)
    #expect(summary.recordsCreated == 1, "\(summary.ungroupedPages.map { $0.message(in: .english) })")
    let record = try #require(try database.records().first)
    #expect(record.record.className == "8A1" && record.record.grade == 8)
    #expect(try Self.status(database, "header.className") == .pending)
  }

  @Test func nearNamesAreOCRSizedDifferencesOnly() {
    #expect(NameKey("NGUYEN THI THUV").isNear(NameKey("Nguyễn Thị Thuỷ")))
    #expect(NameKey("Nguyễn ThịThuỷ").isNear(NameKey("Nguyễn Thị Thuỷ")), "a space lost")
    #expect(!NameKey("Nguyễn Văn Bình").isNear(NameKey("Nguyễn Thị Thuỷ")))
    #expect(!NameKey("Lê Văn An").isNear(NameKey("Lê Văn An")), "the same name is not 'near'")
    #expect(!NameKey("Le Van Anh Tu").isNear(NameKey("Le Van Anh")), "a syllable more is another name")
  }
}
