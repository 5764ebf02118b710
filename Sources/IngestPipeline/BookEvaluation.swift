import Foundation
import HocBaModel
import ReviewStore

/// Whether the import put each student's pages together: books whose every year page became a record of that
/// student alone, and records built from pages of two students (wrong merges, the worst error grouping can make).
public struct BookTally: Sendable, Equatable, Codable {
  /// Students in the truth with at least one year page (not counting rescans and rotated copies).
  public var books = 0
  /// Of those, the books whose every year page is in a record made only of that student's pages.
  public var assembled = 0
  /// Records whose source pages belong to more than one student.
  public var wrongMerges = 0
  /// Year pages that are in no record.
  public var yearPagesWithoutRecord = 0

  /// Counts books from the truth pages, the saved pages and the records' provenance.
  static func count(
    truths: [TruthPage], records: [SchoolYearRecord]
  ) -> BookTally {
    var owner: [PageAddress: String] = [:]
    for truth in truths {
      if let student = truth.studentKey { owner[PageAddress(file: truth.file, page: truth.pageIndex + 1)] = student }
    }
    var tally = BookTally()
    var mixed: Set<String> = []  // students with a page in a wrong merge
    var recordOf: [PageAddress: Int] = [:]
    for (index, record) in records.enumerated() {
      let addresses = record.provenance.sources.map { PageAddress(file: $0.fileName, page: $0.page) }
      let students = Set(addresses.compactMap { owner[$0] })
      if students.count > 1 {
        tally.wrongMerges += 1
        mixed.formUnion(students)
      }
      for address in addresses { recordOf[address] = index }
    }
    let yearPages = truths.filter { $0.kind.hasPrefix("year-") && $0.expectedOutcome == .mapped }
    for (student, pagesOfStudent) in Dictionary(grouping: yearPages, by: { $0.studentKey ?? "" }) where !student.isEmpty
    {
      tally.books += 1
      let missing = pagesOfStudent.filter { recordOf[PageAddress(file: $0.file, page: $0.pageIndex + 1)] == nil }
      tally.yearPagesWithoutRecord += missing.count
      if missing.isEmpty && !mixed.contains(student) { tally.assembled += 1 }
    }
    return tally
  }
}
