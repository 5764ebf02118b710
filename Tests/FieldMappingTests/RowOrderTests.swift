import Foundation
import HocBaModel
import ScanCapture
import TestSupport
import Testing

@testable import FieldMapping

/// Named rows ("Học kì I", "Học kì II", "Cả năm") are printed in the template's order: a label misread as
/// another row's name neither loses its row nor overwrites the other.
@Suite struct RowOrderTests {
  typealias Entry = (row: Int, target: FieldReader<FixtureOCREngine>.RowTarget?, inked: Bool)
  static let named = ["firstTerm", "secondTerm", "fullYear", "reassessment"]
  static let candidates = named.map { key in
    (key: key, name: key, target: FieldReader<FixtureOCREngine>.RowTarget(key: key, path: "summary.{column}.{row}"))
  }

  static func entries(_ keys: [String?]) -> [Entry] {
    keys.enumerated().map { index, key in
      (index + 1, key.map { FieldReader<FixtureOCREngine>.RowTarget(key: $0, path: "summary.{column}.{row}") }, true)
    }
  }

  static func keys(_ keys: [String?]) -> [String?] {
    FieldReader<FixtureOCREngine>.orderedRows(entries(keys), named: named, candidates: candidates).map(\.target?.key)
  }

  @Test func aSecondTermReadAsTheFirstTakesTheRowBetween() {
    #expect(Self.keys(["firstTerm", "firstTerm", "fullYear"]) == ["firstTerm", "secondTerm", "fullYear"])
  }

  @Test func aFirstTermReadAsTheSecondTakesTheRowBefore() {
    #expect(Self.keys(["secondTerm", "secondTerm", "fullYear"]) == ["firstTerm", "secondTerm", "fullYear"])
  }

  @Test func anUnreadLabelBetweenTwoNamedRowsTakesTheOneBetween() {
    #expect(Self.keys(["firstTerm", nil, "fullYear"]) == ["firstTerm", "secondTerm", "fullYear"])
    // At an edge nothing says which row it is (the reassessment row is optional): it stays unread.
    #expect(Self.keys(["firstTerm", "secondTerm", "fullYear", nil]) == ["firstTerm", "secondTerm", "fullYear", nil])
    #expect(Self.keys([nil, "secondTerm", "fullYear"]) == [nil, "secondTerm", "fullYear"])
  }

  @Test func whenEitherCouldBeWrongNeitherIsTrusted() {
    // Two "Học kì II" with Học kì I free before and Cả năm free after: no guess.
    #expect(Self.keys(["secondTerm", "secondTerm"]) == [nil, nil])
  }

  @Test func labelsInOrderAreLeftAlone() {
    let keys: [String?] = ["firstTerm", "secondTerm", "fullYear", "reassessment"]
    #expect(Self.keys(keys) == keys)
  }

  @Test func aResultsTableWithAMisreadTermHeaderKeepsEveryTerm() throws {
    // The kinds-as-rows results table of TableStructureTests, its "Học kì II" read by the page OCR as "Học kì I".
    let grid = TableStructureTests.grid(ys: [1500, 1560, 1620, 1680], xs: [200, 600, 800, 1000, 1200])
    let text = TableStructureTests.words(
      [
        ("Học kì I", 0, 1), ("Học kì I", 0, 2), ("Cả năm", 0, 3), ("Kết quả rèn luyện", 1, 0),
        ("Kết quả học tập", 2, 0),
      ], grid: grid)
    var reader = try TableStructureTests.reader("year-tt22-thcs", text: text)
    let spec = try #require(reader.template.tables.first { $0.path.hasPrefix("summary.") })
    let view = try #require(try reader.find(spec, in: TableView.all([grid])))
    let rows = try reader.rowTargets(spec, view: view, candidates: reader.rowCandidates(spec))
    #expect(rows.map(\.target.key) == ["firstTerm", "secondTerm", "fullYear"])
    #expect(rows.map(\.row) == [1, 2, 3])
  }
}
