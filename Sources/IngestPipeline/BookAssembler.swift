import Foundation
import HocBaModel
import ReviewStore

/// Groups mapped pages into books (one student's pages) and creates one record per student and school year.
///
/// A year page joins the information page whose student name matches its header name without regard to case or
/// diacritics, preferring the same scan file. A second page for the same student and year is a duplicate (a
/// rescan); school years listed in the quá trình học tập table with no year page are reported as missing.
struct BookAssembler {
  let database: ReviewDatabase
  let options: ImportOptions
  let routing = ReviewRouting.standard
  let checker = RecordChecker()

  init(database: ReviewDatabase, options: ImportOptions) {
    self.database = database
    self.options = options
  }

  func assemble(into summary: inout ImportSummary) throws {
    let pages = try database.mappedPages(unassignedOnly: false)
    let infoPages = InformationPages(pages.filter { $0.kind == "info" })
    let defaultSchool = try database.schoolConfiguration().map {
      SchoolRef(name: $0.name, code: $0.code, province: $0.province)
    }
    for year in pages where year.kind?.hasPrefix("year-") == true && year.recordID == nil {
      let match = BookMatch.find(for: year, among: infoPages)
      guard let info = match.page else {
        let reason: UngroupedPage.Reason
        if case .ambiguous(let count) = match {
          reason = .severalInformationPages(count)
        } else {
          reason = .noInformationPage
        }
        summary.ungroupedPages.append(
          UngroupedPage(fileName: year.fileName, pageNumber: year.pageNumber, reason: reason))
        continue
      }
      let year = year.fillingHeader(from: info)
      let assembler = RecordAssembler(
        info: info, year: year, digitizationCase: options.digitizationCase,
        defaultSchool: defaultSchool ?? SchoolRef(name: "Trường chưa cấu hình"))
      let record: SchoolYearRecord
      switch Result(catching: { () throws(RecordAssembler.Gap) in try assembler.assemble() }) {
      case .success(let built):
        record = built
      case .failure(.missing(let path)):
        summary.ungroupedPages.append(
          UngroupedPage(fileName: year.fileName, pageNumber: year.pageNumber, reason: .missingField(path)))
        continue
      }
      let routing = self.routing
      // The rules run before the record is stored, so the record, its fields and its findings land together.
      let rules = checker.evaluate(record, extra: match.finding.map { [$0] } ?? [])
      let created = Result { () throws(StoreError) in
        try database.createRecord(
          record, fromPages: [year, info.identityEvidence], assigning: [year.id], actor: options.actor,
          findings: rules.stored, pending: { routing.needsReview($0) || rules.reviewPaths.contains($0.path) })
      }
      switch created {
      case .success:
        summary.recordsCreated += 1
      case .failure(.duplicateRecord(let existing)):
        // A rescan of a page already in a record: its reading merges into that record, field by field.
        var routing = mergeRouting
        routing.reviewsDisagreements = true
        let merge = try database.mergeReading(
          into: existing, from: [year, info.identityEvidence], routing: routing, actor: options.actor)
        try database.markDuplicate(pageID: year.id, reason: "rescan-merged", actor: options.actor)
        summary.duplicatePages += 1
        summary.merges.append(merge)
      case .failure(let error):
        throw error
      }
    }
    try mergeRereadPages(pages, into: &summary)
    summary.missingYears = Self.missingYears(pages: try database.mappedPages(unassignedOnly: false))
  }

  /// The import's routing and rules, as a merge applies them to a record that takes a new reading.
  var mergeRouting: MergeRouting {
    let routing = self.routing
    let checker = self.checker
    return MergeRouting(
      needsReview: { routing.needsReview($0) },
      evaluate: { record in
        let result = checker.evaluate(record)
        return (result.stored, result.reviewPaths)
      })
  }

  /// Merges pages read again (`--redo`) into the records they are evidence of, then clears their merge mark.
  /// A run killed half-way leaves the mark, and the next run merges again (a merge of the same reading is a no-op).
  private func mergeRereadPages(_ pages: [StoredPage], into summary: inout ImportSummary) throws {
    let waiting = try database.recordsAwaitingMerge()
    guard !waiting.isEmpty else { return }
    let byID = Dictionary(pages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var merged: Set<Int64> = []
    for (recordID, pageIDs) in waiting {
      merged.formUnion(pageIDs)
      let evidence = pageIDs.compactMap { byID[$0] }.map { $0.kind == "info" ? $0.identityEvidence : $0 }
      guard !evidence.isEmpty else { continue }  // read again as blank or unmatched: the record keeps its reading
      summary.merges.append(
        try database.mergeReading(into: recordID, from: evidence, routing: mergeRouting, actor: options.actor))
    }
    try database.finishMerge(pageIDs: merged)
  }

  /// "file #page: 2023-2024" for each school year a book lists with no year page in the database.
  static func missingYears(pages: [StoredPage]) -> [String] {
    var missing: [String] = []
    for info in pages where info.kind == "info" {
      guard let name = info.value("student.fullName").map(NameKey.init) else { continue }
      let present = Set(
        pages.filter { $0.kind?.hasPrefix("year-") == true && $0.value("header.fullName").map(NameKey.init) == name }
          .compactMap { $0.value("header.schoolYear").flatMap(SchoolYear.init(parsing:)) })
      for index in 0..<12 {
        guard let text = info.value("history[\(index)].schoolYear"), let year = SchoolYear(parsing: text) else {
          continue
        }
        if !present.contains(year) { missing.append("\(info.fileName) #\(info.pageNumber): \(year)") }
      }
    }
    return missing
  }
}

extension StoredPage {
  /// The information page reduced to the student's identity and history, the evidence each year record shares.
  var identityEvidence: StoredPage {
    var page = self
    page.fields = fields.filter { $0.path.hasPrefix("student.") || $0.path.hasPrefix("history[") }
    return page
  }
}

/// A person's name folded for matching: NFC, lowercase, without diacritics, single spaces. Never stored.
struct NameKey: Hashable {
  let folded: String

  init(_ name: String) {
    let lowered = name.nfc.lowercased().replacingOccurrences(of: "đ", with: "d")
    let stripped = lowered.folding(options: [.diacriticInsensitive], locale: nil)
    folded = stripped.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
