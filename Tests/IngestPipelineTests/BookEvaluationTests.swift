import HocBaModel
import HocBaSamples
import Testing

@testable import IngestPipeline

/// The evaluation's book measure: a book counts only when every year page is in a record of that student alone.
@Suite struct BookEvaluationTests {
  static func truth(_ file: String, _ kind: String, student: String?, duplicateOf: String? = nil) -> TruthPage {
    TruthPage(
      kind: kind, file: file, pageIndex: 0, studentKey: student, fields: nil, duplicateOf: duplicateOf,
      sourcePage: nil)
  }

  static func record(from files: [String]) -> SchoolYearRecord {
    var record = SampleRecords.tt22Secondary
    record.provenance.sources = files.map {
      SourcePage(sha256: String(repeating: "a", count: 64), fileName: $0, page: 1)
    }
    return record
  }

  @Test func countsWholeBooksAndRecordsThatMixTwoStudents() {
    let truths = [
      Self.truth("a-info.png", "info", student: "s001"), Self.truth("a-y1.png", "year-tt22-thcs", student: "s001"),
      Self.truth("a-y2.png", "year-tt22-thcs", student: "s001"),
      Self.truth("b-info.png", "info", student: "s002"), Self.truth("b-y1.png", "year-tt22-thcs", student: "s002"),
      Self.truth("c-info.png", "info", student: "s003"), Self.truth("c-y1.png", "year-tt22-thcs", student: "s003"),
      Self.truth("c-y1-rescan.png", "year-tt22-thcs", student: "s003", duplicateOf: "c-y1.png"),
      Self.truth("x-blank.png", "blank", student: nil),
    ]
    let records = [
      Self.record(from: ["a-info.png", "a-y1.png"]), Self.record(from: ["a-info.png", "a-y2.png"]),  // s001 whole
      Self.record(from: ["c-info.png", "b-y1.png"]),  // s002's year page under s003's identity: a wrong merge
      Self.record(from: ["c-info.png", "c-y1.png"]),
    ]
    let tally = BookTally.count(truths: truths, records: records)
    #expect(tally.books == 3)
    #expect(tally.wrongMerges == 1)
    #expect(tally.assembled == 1, "only s001: s002 and s003 are both touched by the wrong merge")
    #expect(tally.yearPagesWithoutRecord == 0, "the rescan is a duplicate, not a missing page")
    let missing = BookTally.count(truths: truths, records: Array(records.prefix(1)))
    #expect(missing.assembled == 0 && missing.yearPagesWithoutRecord == 3)
  }
}
