import Foundation
import HocBaModel
import ReviewStore
import TestSupport
import Testing

@testable import IngestPipeline

/// `import --redo`: pages read again are replaced in place and merged into their records field by field, without
/// losing a reviewer's decision, never touching a record past review, and surviving a kill between the two steps.
@Suite struct RereadMergeTests {
  typealias Book = BookAndRulesTests

  /// The book's two pages read again: `changes` replace year-page values, `adding` adds year-page fields.
  static func reading(
    scanID: Int64, changes: [String: String] = [:], adding: [PageFieldEvidence] = [], templateID: String? = nil
  ) -> [PageEvidence] {
    let year = Book.yearFields().map { field in
      guard let value = changes[field.path] else { return field }
      var changed = field
      changed.rawText = value
      changed.normalizedValue = value
      return changed
    }
    return [
      PageEvidence(
        scanID: scanID, pageNumber: 1, contentSHA256: "a", outcome: .mapped, kind: "info", templateID: templateID,
        fields: Book.infoFields()),
      PageEvidence(
        scanID: scanID, pageNumber: 2, contentSHA256: "b", outcome: .mapped, kind: "year-tt22-thcs",
        templateID: templateID, fields: year + adding),
    ]
  }

  /// A database holding the book's record, built as the import builds it.
  static func importedBook(_ database: ReviewDatabase) throws -> (scanID: Int64, recordID: Int64) {
    let scanID = try Book.savePages(database)
    try assemble(database)
    let record = try #require(try database.records().first)
    return (scanID, record.id)
  }

  /// The import's assembly stage, which also finishes any pending merge.
  @discardableResult
  static func assemble(_ database: ReviewDatabase) throws -> ImportSummary {
    var summary = ImportSummary()
    try BookAssembler(database: database, options: Book.options()).assemble(into: &summary)
    return summary
  }

  /// Reads the book again and runs the assembly stage, as `import --redo` does.
  static func redo(_ database: ReviewDatabase, _ pages: [PageEvidence], scanID: Int64) throws -> ImportSummary {
    _ = try database.rereadScan(scanID: scanID, pages: pages, actor: "redo")
    return try assemble(database)
  }

  static func field(_ database: ReviewDatabase, _ recordID: Int64, _ path: String) throws -> ReviewField {
    try #require(try database.reviewFields(recordID: recordID).first { $0.observation.path == path })
  }

  /// A reviewer's decision through the same store call the station and `hocba set` use.
  static func decide(
    _ database: ReviewDatabase, _ recordID: Int64, _ path: String, _ value: String?, _ status: FieldStatus,
    actor: String = "Lan"
  ) throws {
    let current = try field(database, recordID, path)
    try database.updateField(
      recordID: recordID,
      FieldUpdate(
        fieldID: try #require(current.observation.id), expectedVersion: current.version, value: value,
        status: status),
      actor: actor, claimToken: nil,
      patch: { record, path, value in try RecordFieldWriter.apply(path: path, value: value, to: record) })
  }

  static func toan(_ database: ReviewDatabase, _ recordID: Int64) throws -> SubjectResult? {
    try database.record(id: recordID)?.record.subjects.first { $0.code == "toan" }
  }

  static func auditIntact(_ database: ReviewDatabase) throws -> Bool {
    try database.verifyAuditChain() == .intact(rows: try database.auditEntries().count)
  }

  @Test func redoAfterReviewKeepsCorrectionsTakesNewReadingsElsewhereAndFlagsDisagreements() throws {
    let database = try ReviewDatabase.inMemory()
    let (scanID, recordID) = try Self.importedBook(database)
    let pageIDs = try database.pages().map(\.id)
    try Self.decide(database, recordID, "subjects.toan.firstTerm", "6.7", .corrected)
    try Self.decide(database, recordID, "absences", "3", .accepted)
    try Self.decide(database, recordID, "promotion", "len-lop", .accepted)
    let pages = Self.reading(
      scanID: scanID,
      changes: ["subjects.toan.firstTerm": "6.8", "subjects.toan.secondTerm": "6.5", "promotion": "khong-len-lop"])
    let summary = try Self.redo(database, pages, scanID: scanID)

    let merge = try #require(summary.merges.first { $0.recordID == recordID })
    #expect(merge.changed == 1, "Toán HK II was never reviewed: it takes the new reading")
    #expect(merge.kept == 1, "absences: the reviewer's value and the new reading agree")
    #expect(merge.flagged == 2, "Toán HK I and promotion: the new reading disagrees with the reviewer")
    let firstTerm = try Self.field(database, recordID, "subjects.toan.firstTerm")
    #expect(firstTerm.observation.normalizedValue == "6.7", "the reviewer's correction is kept")
    #expect(firstTerm.observation.status == .pending, "and sent back for a second look")
    #expect(firstTerm.rereadFlagged && firstTerm.rereadValue == "6.8")
    let absences = try Self.field(database, recordID, "absences")
    #expect(absences.observation.status == .accepted && !absences.rereadFlagged)
    #expect(try Self.toan(database, recordID)?.firstTerm == Assessment(parsing: "6.7"))
    #expect(try Self.toan(database, recordID)?.secondTerm == Assessment(parsing: "6.5"))
    #expect(try database.record(id: recordID)?.record.promotion == .promoted, "the record keeps the reviewed value")
    #expect(try database.pages().map(\.id) == pageIDs, "pages are replaced in place: same ids")
    #expect(throws: ReviewError.self) { try database.approveRecord(recordID, actor: "Lan", claimToken: nil) }
    #expect(try Self.auditIntact(database))

    // Deciding a flagged field clears its flag; the same reading again keeps the decisions that now agree.
    try Self.decide(database, recordID, "subjects.toan.firstTerm", "6.8", .corrected)
    #expect(try !Self.field(database, recordID, "subjects.toan.firstTerm").rereadFlagged)
    try Self.decide(database, recordID, "promotion", "len-lop", .accepted)
    let second = try #require(try Self.redo(database, pages, scanID: scanID).merges.first)
    #expect(second.changed == 0)
    #expect(second.kept == 2, "Toán HK I (now agreeing) and absences")
    #expect(second.flagged == 1, "promotion still disagrees with the reviewer")
  }

  @Test func aSealedRecordIsNeverTouchedAndItsDifferingReadingsAreListed() throws {
    let database = try ReviewDatabase.inMemory()
    let (scanID, recordID) = try Self.importedBook(database)
    for state in [RecordState.inReview, .reviewed, .approved, .signing, .sealed] {
      try database.transition(recordID: recordID, to: state, actor: "t", reason: nil)
    }
    let before = try database.record(id: recordID)
    let fieldsBefore = try database.reviewFields(recordID: recordID).map(\.observation)
    let summary = try Self.redo(
      database, Self.reading(scanID: scanID, changes: ["subjects.toan.secondTerm": "6.5"]), scanID: scanID)
    let merge = try #require(summary.merges.first)
    #expect(!merge.wasWritable && merge.state == .sealed)
    #expect(merge.untouchedPaths == ["subjects.toan.secondTerm"])
    #expect(merge.changed == 0 && merge.flagged == 0)
    #expect(try database.record(id: recordID) == before)
    #expect(try database.reviewFields(recordID: recordID).map(\.observation) == fieldsBefore)
    #expect(try Self.auditIntact(database))
  }

  @Test func aRedoKilledBetweenReadingAndMergingFinishesOnTheNextRunWithoutDuplicates() throws {
    let database = try ReviewDatabase.inMemory()
    let (scanID, recordID) = try Self.importedBook(database)
    let fieldCount = try database.reviewFields(recordID: recordID).count
    // The kill: the pages were read again and stored, the assembly stage never ran.
    _ = try database.rereadScan(
      scanID: scanID, pages: Self.reading(scanID: scanID, changes: ["subjects.toan.secondTerm": "6.5"]),
      actor: "redo")
    #expect(try database.recordsAwaitingMerge().map(\.recordID) == [recordID])
    // The next run (even without --redo) merges.
    let resumed = try Self.assemble(database)
    #expect(resumed.merges.map(\.changed) == [1])
    #expect(try Self.toan(database, recordID)?.secondTerm == Assessment(parsing: "6.5"))
    #expect(try database.recordsAwaitingMerge().isEmpty)
    #expect(try Self.assemble(database).merges.isEmpty, "a third run has nothing left to merge")
    #expect(try database.reviewFields(recordID: recordID).count == fieldCount, "no field duplicated")
    #expect(try database.pages().count == 2)
    #expect(try database.records().count == 1)
  }

  @Test func aRereadThatFailsHalfwayLeavesTheStoredReadingAsItWas() throws {
    let database = try ReviewDatabase.inMemory()
    let (scanID, _) = try Self.importedBook(database)
    let before = try database.pages()
    var pages = Self.reading(scanID: scanID, changes: ["student.fullName": "Nguyễn Thị Thu"])
    pages[1].fields[0].confidence = 400  // refused by the database's CHECK, after page 1 was written
    #expect(throws: StoreError.self) { try database.rereadScan(scanID: scanID, pages: pages, actor: "redo") }
    #expect(try database.pages() == before, "one transaction per scan: page 1 is not half-replaced")
    #expect(try database.recordsAwaitingMerge().isEmpty)
  }

  @Test func aChangedTemplateAddsItsNewFieldsToTheRecordAndSendsThemToReview() throws {
    let database = try ReviewDatabase.inMemory()
    let (scanID, recordID) = try Self.importedBook(database)
    let comment = Book.field("homeroomComment", "Chăm ngoan, tiến bộ", confidence: 97)
    let merge = try #require(
      try Self.redo(
        database, Self.reading(scanID: scanID, adding: [comment], templateID: "tt22-thcs-nam@2"), scanID: scanID
      ).merges.first)
    #expect(merge.changed == 1)
    let added = try Self.field(database, recordID, "homeroomComment")
    #expect(added.observation.status == .pending, "handwritten: always reviewed, whatever the confidence")
    #expect(try database.record(id: recordID)?.record.homeroomComment == "Chăm ngoan, tiến bộ")
    #expect(try database.mappedPages(unassignedOnly: false).flatMap(\.fields).contains { $0.path == "homeroomComment" })
  }

  @Test func aRescanUnderANewFileNameMergesIntoTheExistingRecord() throws {
    let database = try ReviewDatabase.inMemory()
    let (_, recordID) = try Self.importedBook(database)
    try Self.decide(database, recordID, "absences", "4", .corrected)
    let rescan = try database.registerScan(
      sha256: String(repeating: "f", count: 64), fileName: "book-quet-lai.tif", pageCount: 2, actor: "t")
    let pages = Self.reading(scanID: rescan.id, changes: ["subjects.toan.secondTerm": "6.5", "absences": "3"])
    for (page, hash) in zip(pages, ["c", "d"]) {
      var page = page
      page.contentSHA256 = hash  // other bytes: a new scan of the same sheets
      try database.savePage(page, actor: "t")
    }
    let summary = try Self.assemble(database)
    #expect(summary.recordsCreated == 0)
    let merge = try #require(summary.merges.first)
    #expect(merge.recordID == recordID)
    #expect(merge.changed == 1 && merge.flagged == 1, "Toán HK II taken, the reviewer's absences flagged")
    #expect(try Self.toan(database, recordID)?.secondTerm == Assessment(parsing: "6.5"))
    #expect(try database.record(id: recordID)?.record.absences == 4)
    #expect(try database.records().count == 1)
    let secondTerm = try Self.field(database, recordID, "subjects.toan.secondTerm")
    let rescanYear = try #require(try database.pages().first { $0.scanID == rescan.id && $0.pageNumber == 2 })
    #expect(secondTerm.observation.pageID == rescanYear.id, "the snippet now comes from the new scan")
    #expect(secondTerm.observation.status == .pending, "two scans, two readings: a person decides")
    let fullYear = try Self.field(database, recordID, "subjects.toan.fullYear")
    #expect(fullYear.observation.status == .accepted, "where both scans agree, the import's decision stands")
    #expect(rescanYear.outcome == .duplicate)
  }

  @Test func reviewersWritingWhileARedoRunsLoseNoUpdateAndTheAuditChainHolds() throws {
    let folder = try TemporaryDirectory()
    let database = try ReviewDatabase.open(path: folder.path("hocba.sqlite"))
    let (scanID, recordID) = try Self.importedBook(database)
    let rounds = 12
    /// Writes `values` one after another, re-reading the field's version whenever a redo changed it meanwhile.
    @Sendable func review(_ path: String, _ values: [String], actor: String) -> Int {
      var stale = 0
      for value in values {
        while true {
          do {
            try Self.decide(database, recordID, path, value, .corrected, actor: actor)
            break
          } catch ReviewError.staleField {
            stale += 1
          } catch {
            Issue.record("\(actor): \(error)")
            return stale
          }
        }
      }
      return stale
    }
    let lanValues = (0..<rounds).map { "5.\($0 % 10)" }
    let minhValues = (0..<rounds).map { String($0 + 1) }
    @Sendable func redo(_ round: Int) throws {
      let changes = [
        "subjects.toan.firstTerm": "9.\(round % 10)",
        "subjects.toan.secondTerm": round.isMultiple(of: 2) ? "6.5" : "6.3",
      ]
      _ = try Self.redo(database, Self.reading(scanID: scanID, changes: changes), scanID: scanID)
    }
    let reviewers = DispatchGroup()
    let redoing = DispatchGroup()
    let failures = FailureList()
    DispatchQueue.global().async(group: redoing) {
      do {
        var round = 0
        // Redo until both reviewers are done, so that their writes and the merges interleave.
        while round < rounds || reviewers.wait(timeout: .now()) == .timedOut {
          try redo(round)
          round += 1
        }
      } catch {
        failures.append("redo: \(error)")
      }
    }
    DispatchQueue.global().async(group: reviewers) { _ = review("subjects.toan.firstTerm", lanValues, actor: "Lan") }
    DispatchQueue.global().async(group: reviewers) { _ = review("absences", minhValues, actor: "Minh") }
    reviewers.wait()
    redoing.wait()
    try redo(rounds + 1)  // and once more after the reviewers' last decisions
    #expect(failures.items.isEmpty, "\(failures.items)")
    #expect(try Self.field(database, recordID, "subjects.toan.firstTerm").rereadFlagged)
    let firstTerm = try Self.field(database, recordID, "subjects.toan.firstTerm")
    #expect(firstTerm.observation.normalizedValue == lanValues.last, "Lan's last decision is the stored value")
    #expect(try Self.toan(database, recordID)?.firstTerm == Assessment(parsing: lanValues.last ?? ""))
    #expect(try Self.field(database, recordID, "absences").observation.normalizedValue == minhValues.last)
    #expect(try database.record(id: recordID)?.record.absences == Int(minhValues.last ?? ""))
    #expect(try database.reviewFields(recordID: recordID).count == Book.yearFields().count + Book.infoFields().count)
    #expect(try Self.auditIntact(database))
  }
}

/// Errors collected from background threads.
final class FailureList: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []

  var items: [String] {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }

  func append(_ item: String) {
    lock.lock()
    defer { lock.unlock() }
    stored.append(item)
  }
}
