import HocBaModel
import ScanCapture

// Ruled tables: found by header phrases, columns by header text, rows by label or position, cells by rulings.
extension FieldReader {
  /// One row to read: its `{row}` key, path pattern and cell overrides.
  struct RowTarget {
    var key: String
    var path: String
    var cell: CellSpec?
    var type: FieldType?
    var profile: String?
    var lexicon: String?
  }

  /// Reads every table of the template; a table that is not found yields no fields.
  mutating func readTables() throws -> [FieldReading] {
    var readings: [FieldReading] = []
    let views = TableView.all(try grids())
    var used: Set<Int> = []
    for spec in template.tables {
      // A grid is one table: a spec found earlier keeps it.
      guard let view = try find(spec, in: views.filter { !used.contains($0.gridIndex) }) else { continue }
      var columns = assignColumns(spec, readings: headerReadings(view), skip: spec.labelColumn)
      if columns.count < spec.columns.count {
        let free = (0..<view.grid.columnCount).filter { $0 != spec.labelColumn && !columns.values.contains($0) }
        try readHeaderCells(view, columns: free)
        columns = assignColumns(spec, readings: headerReadings(view), skip: spec.labelColumn)
      }
      var cells = try read(spec, view: view, columns: columns)
      // A grid that gave this spec no row is left for the next spec.
      if !cells.isEmpty { used.insert(view.gridIndex) }
      if !Self.consistent(columns, readings: headerReadings(view), skip: spec.labelColumn) {
        // A header misread ("Học kì I" for "Học kì II") would shift a whole column: every cell goes to review.
        for cell in cells.indices { cells[cell].confidence = min(cells[cell].confidence, Self.disputedConfidence) }
      }
      readings += cells
    }
    return readings
  }

  /// The view whose header holds every header phrase of `spec`. First by the page OCR's words, on every grid as
  /// printed and transposed, the header one to three rows deep, where a row label below the header also names a
  /// row of the spec (a results table on its side has "Cả năm" in its header too, but no subject down the side).
  /// Then by reading header cells with OCR of their own: grids as printed first, then small transposed ones.
  mutating func find(_ spec: TableSpec, in views: [TableView]) throws -> TableView? {
    for view in views {
      // Rows read by position never have a deeper header: a row taken for one would renumber the rest.
      let deepest = spec.labelColumn == nil ? 1 : TableView.deepestHeader
      for rows in 1...deepest where rows < view.grid.rowCount {
        var deeper = view
        deeper.headerRows = rows
        if headerMatches(spec, readings: headerReadings(deeper)), labelsRows(spec, view: deeper) { return deeper }
      }
    }
    // The page OCR garbles some ruled headers: read the header cells themselves, down to the first labelled row
    // (a transposed grid only when it is small: a results table, not the subject table on its side).
    let ordered = views.filter { !$0.grid.isTransposed } + views.filter(\.grid.isTransposed)
    for view in ordered where !view.grid.isTransposed || view.grid.columnCount <= Self.transposedHeaderLimit {
      var deep = view
      deep.headerRows = firstLabelledRow(spec, grid: view.grid)
      try readHeaderCells(deep, columns: 0..<deep.grid.columnCount)
      // On its side a grid must also name a row of the spec (the results table has "Cả năm" in its header too).
      guard !view.grid.isTransposed || labelsRows(spec, view: deep) else { continue }
      if headerMatches(spec, readings: headerReadings(deep)) { return deep }
    }
    return nil
  }

  /// Whether a row label under the header of `view` names a row of `spec` in the page OCR's words (always true
  /// for tables whose rows are read by position).
  func labelsRows(_ spec: TableSpec, view: TableView) -> Bool {
    guard let labelColumn = spec.labelColumn else { return true }
    guard labelColumn < view.grid.columnCount else { return false }
    let candidates = rowCandidates(spec)
    return (view.header.upperBound..<view.grid.rowCount).contains {
      pageLabelMatches(row: $0, column: labelColumn, grid: view.grid, candidates: candidates)
    }
  }

  /// Whether the page OCR's words in label cell (row, column) name one of `candidates`.
  func pageLabelMatches(
    row: Int, column: Int, grid: TableGrid, candidates: [(key: String, name: String, target: RowTarget)]
  ) -> Bool {
    let cell = grid.cell(row: row, column: column, margin: max(3, pixels(0.02)))
    return matchRow(text.words(inside: cell).map(\.text).joined(separator: " "), candidates: candidates) != nil
  }

  /// Header cells a transposed grid may have for its header to be read by OCR.
  static var transposedHeaderLimit: Int { 6 }

  /// The first row below the header whose label the page OCR matches to a row of `spec` (1 when none does, or
  /// when the table's rows are numbered by position).
  func firstLabelledRow(_ spec: TableSpec, grid: TableGrid) -> Int {
    guard let labelColumn = spec.labelColumn, labelColumn < grid.columnCount else { return 1 }
    let candidates = rowCandidates(spec)
    let deepest = min(TableView.deepestHeader, grid.rowCount - 1)
    guard deepest >= 1 else { return 1 }
    return (1...deepest).first {
      pageLabelMatches(row: $0, column: labelColumn, grid: grid, candidates: candidates)
    } ?? 1
  }

  /// The row candidates: subject names of the template's regime and band, then the explicit rows.
  func rowCandidates(_ spec: TableSpec) -> [(key: String, name: String, target: RowTarget)] {
    var candidates: [(key: String, name: String, target: RowTarget)] = []
    if spec.rows.catalog == true, let regime = template.regime, let band = template.band {
      for subject in SubjectCatalog.entries where subject.regime == regime && subject.band == band {
        let cell = spec.rows.catalogCells?[subject.assessment.rawValue]
        let target = RowTarget(key: subject.code, path: spec.path, cell: cell)
        let key = TextMatching.foldingNumerals(TextMatching.tokens(subject.name)).joined(separator: " ")
        candidates.append((key, subject.name, target))
      }
    }
    for row in spec.rows.explicit ?? [] {
      let target = RowTarget(
        key: row.key, path: row.path ?? spec.path, type: row.type, profile: row.profile, lexicon: row.lexicon)
      for phrase in row.match {
        candidates.append(
          (TextMatching.foldingNumerals(TextMatching.tokens(phrase)).joined(separator: " "), phrase, target))
      }
    }
    return candidates
  }

  /// The row a label belongs to: the closest candidate within 25 % edits, unless two are equally close.
  func matchRow(_ label: String, candidates: [(key: String, name: String, target: RowTarget)]) -> RowTarget? {
    let key = TextMatching.foldingNumerals(TextMatching.tokens(label)).joined(separator: " ")
    guard !key.isEmpty else { return nil }
    let scored = candidates.map { (distance: TextMatching.distance(key, $0.key), target: $0.target) }
      .filter { $0.distance <= 0.25 }.sorted { $0.distance < $1.distance }
    guard let first = scored.first else { return nil }
    if scored.count > 1, scored[1].distance == first.distance, scored[1].target.key != first.target.key { return nil }
    return first.target
  }

  /// The text of a row-label cell read by OCR (Vietnamese, block), when the page OCR missed it.
  func ocrLabel(_ cell: PixelRect) throws -> String {
    let crop = image.croppedForReading(to: cell, whiteBorder: pixels(0.06))
    let profile = RecognitionProfile(language: "vie", pageSegmentation: .singleBlock)
    do {
      return try engine.recognizeRegion(
        crop, region: PixelRect(x: 0, y: 0, width: crop.width, height: crop.height), profile: profile
      ).text
    } catch {
      throw MappingError.recognitionFailed(page: template.id, detail: error.message(in: .english))
    }
  }

  /// Reads the cells of one table.
  func read(_ spec: TableSpec, view: TableView, columns: [Int: Int]) throws -> [FieldReading] {
    let grid = view.grid
    let candidates = rowCandidates(spec)
    let margin = max(3, pixels(0.02))
    let minimumInk = max(4, pixels(0.035))
    var readings: [FieldReading] = []
    for (row, target) in try rowTargets(spec, view: view, candidates: candidates) {
      for (specIndex, column) in spec.columns.enumerated() {
        guard let gridColumn = columns[specIndex] else { continue }
        let path = target.path.replacingOccurrences(of: "{row}", with: target.key)
          .replacingOccurrences(of: "{column}", with: column.key)
          .replacingOccurrences(of: "{index}", with: target.key)
        let own = column.ownCells == true
        let rowType = target.cell?.type ?? target.type
        let rowProfile = target.cell?.profile ?? target.profile
        let rowLexicon = target.cell?.lexicon ?? target.lexicon
        let field = Target(
          path: path, type: (own ? column.type ?? rowType : rowType ?? column.type) ?? spec.type,
          profile: (own ? column.profile ?? rowProfile : rowProfile ?? column.profile) ?? spec.profile,
          lexicon: own ? column.lexicon : rowLexicon ?? column.lexicon ?? spec.lexicon,
          critical: column.critical ?? spec.critical ?? false)
        let cell = grid.cell(row: row, column: gridColumn, margin: margin)
        let ink = try marks(in: cell, minimumHeight: minimumInk)
        var reading: FieldReading
        if let corrected = try readCorrection(field, cell: cell) {
          reading = corrected
        } else if ink.isEmpty {
          reading = empty(field, box: cell, found: true)
        } else {
          reading = try read(field, inkBox: PageText.union(ink), limit: cell)
        }
        if let labelColumn = spec.labelColumn {
          let label = try snippetLabelRegion(grid.cell(row: row, column: labelColumn, margin: margin), row: cell)
          // The value as read: its ink padded; the whole cell when empty; the cell and the red correction above it.
          let value = reading.box
          reading.snippetLabelBox = label
          reading.cropPNG =
            (try? image.rowSnippet(label: label, value: value, maxLabelWidth: 5 * label.height / 2)?.pngData())
            ?? reading.cropPNG
        }
        readings.append(reading)
      }
    }
    return readings
  }
}

extension FieldReader {
  /// The part of a row's `labelCell` a cell's snippet shows: the label's ink padded (the whole cell when it has
  /// none), across the label cell's width at most, at the height of the value's `row` cell.
  func snippetLabelRegion(_ labelCell: PixelRect, row: PixelRect) throws -> PixelRect {
    let ink = try marks(in: labelCell, minimumHeight: max(4, pixels(0.035)))
    guard !ink.isEmpty else { return PixelRect(x: labelCell.x, y: row.y, width: labelCell.width, height: row.height) }
    let box = PageText.union(ink)
    let pad = max(3, pixels(0.05))
    let left = max(labelCell.x, box.x - pad)
    let right = min(labelCell.x + labelCell.width, box.x + box.width + pad)
    return PixelRect(x: left, y: row.y, width: max(1, right - left), height: row.height)
  }

  /// A cell corrected in red ink (the old value struck through, the new one written above right): the new value
  /// is read from the red layer as a suggestion, with confidence 0 so that a person always confirms it.
  func readCorrection(_ target: Target, cell: PixelRect) throws -> FieldReading? {
    guard let redInk else { return nil }
    let reach = cell.height / 2
    let area = PixelRect(x: cell.x, y: cell.y - reach, width: cell.width + reach, height: cell.height + reach)
    guard redInk.inkFraction(in: cell) > 0.01 else { return nil }
    let marks = try RulingLines.inkMarks(in: redInk, region: area, minimumHeight: max(4, pixels(0.04)))
      .filter { $0.height >= $0.width / 3 }
    var raw = ""
    var value: String?
    if !marks.isEmpty, let profile = template.profiles[target.profile]?.recognition {
      let crop = redInk.croppedForReading(to: PageText.union(marks), whiteBorder: max(4, pixels(0.06)))
      raw = try recognize(crop, profile: profile).text.nfc
      let lexicon = target.lexicon.flatMap { template.lexicons[$0] }
      value = ValueNormalizer.normalize(raw, type: target.type, lexicon: lexicon)
    }
    return FieldReading(
      path: target.path, type: target.type, critical: target.critical, rawText: raw.isEmpty ? "?" : raw,
      normalizedValue: value, confidence: 0, box: area,
      cropPNG: try? image.croppedForReading(to: area, whiteBorder: 0).pngData())
  }
}
