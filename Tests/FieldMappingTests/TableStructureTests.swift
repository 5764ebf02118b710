import Foundation
import HocBaModel
import ScanCapture
import TestSupport
import Testing

@testable import FieldMapping

/// Tables found by their structure: one- and two-level headers, and results tables printed on their side.
@Suite struct TableStructureTests {
  /// A grid with rules at `ys` (rows) and `xs` (columns), 3 px thick.
  static func grid(ys: [Int], xs: [Int]) -> TableGrid {
    TableGrid(
      rows: ys.map { TableGrid.Band(start: $0, end: $0 + 3) },
      columns: xs.map { TableGrid.Band(start: $0, end: $0 + 3) },
      box: PixelRect(x: xs[0], y: ys[0], width: xs[xs.count - 1] - xs[0], height: ys[ys.count - 1] - ys[0]))
  }

  /// Page words laid out one phrase per cell: (phrase, row, column) of `grid` as printed.
  static func words(_ cells: [(String, Int, Int)], grid: TableGrid) -> PageText {
    var result: [OCRWord] = []
    for (line, (phrase, row, column)) in cells.enumerated() {
      let cell = grid.cell(row: row, column: column, margin: 6)
      let parts = phrase.split(separator: " ")
      let width = max(8, (cell.width - 4) / max(1, parts.count) - 4)
      for (index, part) in parts.enumerated() {
        let box = PixelRect(x: cell.x + 2 + index * (width + 4), y: cell.y + 4, width: width, height: 20)
        result.append(OCRWord(text: String(part), confidence: 90, box: box, blockIndex: line, lineIndex: line))
      }
    }
    return PageText(words: result)
  }

  static func reader(_ templateID: String, text: PageText) throws -> FieldReader<FixtureOCREngine> {
    let templates = try TemplateSet.load(directory: TemplateLoadingTests.mappings)
    let template = try #require(templates.templates.first { $0.id == templateID })
    let page = try #require(try PageLoader.load(Evaluation.packageRoot.appendingPathComponent("Scans/s002.tif")).first)
    return FieldReader(template: template, image: page.image, engine: FixtureOCREngine(), text: text)
  }

  @Test func aSpanningHeaderOverTheTermColumnsIsReadTwoRowsDeep() throws {
    // "Điểm TB" spans HK I / HK II / Cả năm; the rule under it counts as a row, so the terms sit in grid row 1.
    let grid = Self.grid(ys: [1000, 1060, 1120, 1180, 1240], xs: [200, 800, 1000, 1200, 1400, 1700])
    let text = Self.words(
      [
        ("Môn học", 0, 0), ("Điểm", 0, 2), ("TB", 0, 3), ("Học kì I", 1, 1), ("Học kì II", 1, 2), ("Cả năm", 1, 3),
        ("Nhận xét", 0, 4), ("Toán", 2, 0), ("Ngữ văn", 3, 0),
      ], grid: grid)
    var reader = try Self.reader("year-tt22-thcs", text: text)
    let spec = try #require(reader.template.tables.first { $0.path.hasPrefix("subjects.") })
    let view = try #require(try reader.find(spec, in: TableView.all([grid])))
    #expect(!view.grid.isTransposed)
    #expect(view.header == 0..<2)
    let columns = reader.assignColumns(spec, readings: reader.headerReadings(view), skip: spec.labelColumn)
    let keys = Dictionary(uniqueKeysWithValues: columns.map { (spec.columns[$0.key].key, $0.value) })
    #expect(keys["firstTerm"] == 1 && keys["secondTerm"] == 2 && keys["fullYear"] == 3 && keys["comment"] == 4)
    // Data rows start under the header band: the first is Toán, not the sub-header row.
    let label = view.grid.cell(row: view.header.upperBound, column: 0, margin: 6)
    let row = reader.matchRow(
      text.words(inside: label).map(\.text).joined(separator: " "), candidates: reader.rowCandidates(spec))
    #expect(row?.key == "toan")
    // The engine was never asked to read a header cell: the page's words were enough.
    #expect(reader.engine.regionRequests.isEmpty)
  }

  @Test func aOneRowHeaderStaysOneRowDeep() throws {
    let grid = Self.grid(ys: [1000, 1080, 1140, 1200], xs: [200, 800, 1000, 1200, 1400])
    let text = Self.words(
      [("Môn học", 0, 0), ("Học kì I", 0, 1), ("Học kì II", 0, 2), ("Cả năm", 0, 3), ("Toán", 1, 0)], grid: grid)
    var reader = try Self.reader("year-tt22-thcs", text: text)
    let spec = try #require(reader.template.tables.first { $0.path.hasPrefix("subjects.") })
    let view = try #require(try reader.find(spec, in: TableView.all([grid])))
    #expect(view.header == 0..<1 && !view.grid.isTransposed)
  }

  @Test func aSpeckReadAsALetterUnderAHeaderDoesNotMakeHKIIntoHKII() throws {
    // Page OCR gave "Học kì I" and, below it, an 8×6 speck read as "l": "hoc ki i i" reads as "Học kì II".
    let grid = Self.grid(ys: [1000, 1080, 1140, 1200], xs: [200, 800, 1000, 1200, 1400])
    var text = Self.words(
      [("Môn học", 0, 0), ("Học kì I", 0, 1), ("Học kì II", 0, 2), ("Cả năm", 0, 3), ("Toán", 1, 0)], grid: grid)
    text = PageText(
      words: text.words + [
        OCRWord(
          text: "l", confidence: 30, box: PixelRect(x: 860, y: 1050, width: 8, height: 6), blockIndex: 9, lineIndex: 9)
      ])
    var reader = try Self.reader("year-tt22-thcs", text: text)
    let spec = try #require(reader.template.tables.first { $0.path.hasPrefix("subjects.") })
    let view = try #require(try reader.find(spec, in: TableView.all([grid])))
    let columns = reader.assignColumns(spec, readings: reader.headerReadings(view), skip: spec.labelColumn)
    let keys = Dictionary(uniqueKeysWithValues: columns.map { (spec.columns[$0.key].key, $0.value) })
    #expect(keys["firstTerm"] == 1 && keys["secondTerm"] == 2 && keys["fullYear"] == 3)
  }

  @Test func aResultsTableWithKindsAsRowsIsReadTransposed() throws {
    // Kết quả rèn luyện / Kết quả học tập down the side, the terms across the top.
    let grid = Self.grid(ys: [1500, 1560, 1620, 1680], xs: [200, 600, 800, 1000, 1200])
    let text = Self.words(
      [
        ("Học kì I", 0, 1), ("Học kì II", 0, 2), ("Cả năm", 0, 3), ("Kết quả rèn luyện", 1, 0),
        ("Kết quả học tập", 2, 0),
      ], grid: grid)
    var reader = try Self.reader("year-tt22-thcs", text: text)
    let spec = try #require(reader.template.tables.first { $0.path.hasPrefix("summary.") })
    let view = try #require(try reader.find(spec, in: TableView.all([grid])))
    #expect(view.grid.isTransposed)
    #expect(view.grid.rowCount == 4 && view.grid.columnCount == 3)
    let columns = reader.assignColumns(spec, readings: reader.headerReadings(view), skip: spec.labelColumn)
    let keys = Dictionary(uniqueKeysWithValues: columns.map { (spec.columns[$0.key].key, $0.value) })
    #expect(keys["conduct"] == 1 && keys["learning"] == 2)
    // A transposed cell (row, column) is the printed cell (column, row): the "row" of Học kì II is printed column 2.
    let cell = view.grid.cell(row: 2, column: 0, margin: 6)
    #expect(cell == grid.cell(row: 0, column: 2, margin: 6))
    let row = reader.matchRow(
      text.words(inside: cell).map(\.text).joined(separator: " "), candidates: reader.rowCandidates(spec))
    #expect(row?.key == "secondTerm")
    // The conduct value of Học kì II is read from printed row 1 (rèn luyện), column 2.
    #expect(view.grid.cell(row: 2, column: 1, margin: 0) == grid.cell(row: 1, column: 2, margin: 0))
  }

  @Test func aResultsTablePrintedWithTermsAsRowsIsNotTransposed() throws {
    let grid = Self.grid(ys: [1500, 1560, 1620, 1680, 1740], xs: [200, 600, 1000, 1400])
    let text = Self.words(
      [
        ("Kết quả rèn luyện", 0, 1), ("Kết quả học tập", 0, 2), ("Học kì I", 1, 0), ("Học kì II", 2, 0),
        ("Cả năm", 3, 0),
      ], grid: grid)
    var reader = try Self.reader("year-tt22-thcs", text: text)
    let spec = try #require(reader.template.tables.first { $0.path.hasPrefix("summary.") })
    let view = try #require(try reader.find(spec, in: TableView.all([grid])))
    #expect(!view.grid.isTransposed && view.header == 0..<1)
  }
}
