import ScanCapture

// Table headers: which grid is a table, and which grid column is which template column.
extension FieldReader {
  /// The tokens of header cell `column` of `view` as the page OCR gave them (Roman numerals folded).
  func pageHeaderTokens(_ view: TableView, column: Int) -> [String] {
    let cell = view.grid.cells(rows: view.header, column: column, margin: 0)
    // A speck under a header is sometimes read as a letter ("Học kì I" + "l" reads as "Học kì II"): a word less
    // than a third as high as the cell's typical word is left out.
    let inside = text.words(inside: cell)
    let typical = inside.map(\.box.height).sorted().dropFirst(inside.count / 2).first ?? 0
    let words = inside.filter { $0.box.height * 3 >= typical }
    return TextMatching.foldingNumerals(TextMatching.tokens(words.map(\.text).joined(separator: " ")))
  }

  /// Every reading of each header cell of `view`: the page OCR's and, once read, the cell's own OCR.
  func headerReadings(_ view: TableView) -> [[[String]]] {
    (0..<view.grid.columnCount).map { column in
      var readings = [pageHeaderTokens(view, column: column)]
      if let own = headerCache[HeaderKey(view: view.id, rows: view.headerRows, column: column)], own != readings[0] {
        readings.append(own)
      }
      return readings.filter { !$0.isEmpty }
    }
  }

  /// OCRs the header cells `columns` of `view` that were not read yet (Vietnamese, block; page OCR often merges
  /// or garbles short ruled headers such as "Học kì II" or "TBHK I").
  mutating func readHeaderCells(_ view: TableView, columns: some Sequence<Int>) throws {
    for column in columns {
      let key = HeaderKey(view: view.id, rows: view.headerRows, column: column)
      if headerCache[key] == nil { headerCache[key] = try ocrHeader(view, column: column) }
    }
  }

  /// The tokens of header cell `column` of `view` read by OCR (Vietnamese, block).
  func ocrHeader(_ view: TableView, column: Int) throws -> [String] {
    let cell = view.grid.cells(rows: view.header, column: column, margin: max(2, pixels(0.015)))
    let ink = try marks(in: cell, minimumHeight: max(4, pixels(0.03)))
    guard !ink.isEmpty else { return [] }
    let pad = max(3, pixels(0.02))
    let inkBox = PageText.union(ink)
    let box = PixelRect(
      x: inkBox.x - pad, y: inkBox.y - pad, width: inkBox.width + 2 * pad, height: inkBox.height + 2 * pad)
    let crop = image.croppedForReading(to: box.intersection(cell) ?? cell, whiteBorder: pixels(0.06))
    let profile = RecognitionProfile(language: "vie", pageSegmentation: .singleBlock)
    let result = try recognize(crop, profile: profile)
    return TextMatching.foldingNumerals(TextMatching.tokens(result.text))
  }

  /// Whether every header phrase of `spec` occurs in the header row, outside the label column (whose cells
  /// below the header are row labels, not headers, when the header is looked for more than one row deep).
  func headerMatches(_ spec: TableSpec, readings: [[[String]]]) -> Bool {
    let headers = readings.enumerated().filter { $0.offset != spec.labelColumn }.map(\.element)
    let alternatives = [headers.flatMap { $0.first ?? [] }, headers.flatMap { $0.last ?? [] }]
    return spec.header.allSatisfy { phrase in
      let key = TextMatching.foldingNumerals(TextMatching.tokens(phrase))
      return alternatives.contains { !TextMatching.occurrences(of: key, in: $0).isEmpty }
    }
  }

  /// Template column index → grid column. Each grid column serves one template column: the pairs whose phrase
  /// covers most of a header cell are taken first. Columns still missing between two found ones are then
  /// assigned by order when the count of free grid columns between them fits exactly.
  func assignColumns(_ spec: TableSpec, readings: [[[String]]], skip: Int?) -> [Int: Int] {
    var candidates: [(spec: Int, column: Int, cover: Double)] = []
    for (index, column) in spec.columns.enumerated() {
      for (gridColumn, alternatives) in readings.enumerated() where gridColumn != skip {
        var best = 0.0
        for tokens in alternatives {
          for phrase in column.match {
            let key = TextMatching.foldingNumerals(TextMatching.tokens(phrase))
            guard !TextMatching.occurrences(of: key, in: tokens).isEmpty else { continue }
            best = max(best, Double(key.joined().count) / Double(max(1, tokens.joined().count)))
          }
        }
        if best > 0 { candidates.append((index, gridColumn, best)) }
      }
    }
    candidates.sort { ($0.cover, -$0.spec, -$0.column) > ($1.cover, -$1.spec, -$1.column) }
    var result: [Int: Int] = [:]
    var used: Set<Int> = []
    for candidate in candidates where result[candidate.spec] == nil && !used.contains(candidate.column) {
      result[candidate.spec] = candidate.column
      used.insert(candidate.column)
    }
    return Self.inferByOrder(result, specCount: spec.columns.count)
  }

  /// Fills runs of unassigned template columns bracketed by assigned ones whose grid columns leave exactly
  /// that many columns between them, in order.
  static func inferByOrder(_ assigned: [Int: Int], specCount: Int) -> [Int: Int] {
    var result = assigned
    var index = 0
    while index < specCount {
      guard result[index] == nil else {
        index += 1
        continue
      }
      var end = index
      while end < specCount, result[end] == nil { end += 1 }
      if index > 0, end < specCount, let left = result[index - 1], let right = result[end],
        right - left - 1 == end - index, !result.values.contains(where: { $0 > left && $0 < right })
      {
        for (offset, specIndex) in (index..<end).enumerated() { result[specIndex] = left + 1 + offset }
      }
      index = end
    }
    return result
  }

  /// Whether an assignment follows the printed order: grid columns increase with the template order, and no
  /// header cell with text lies unclaimed between two consecutive template columns.
  static func consistent(_ assigned: [Int: Int], readings: [[[String]]], skip: Int?) -> Bool {
    let pairs = assigned.sorted { $0.key < $1.key }
    for (left, right) in zip(pairs, pairs.dropFirst()) {
      guard left.value < right.value else { return false }
      guard right.key == left.key + 1 else { continue }
      let between = (left.value + 1)..<right.value
      if between.contains(where: { $0 != skip && !readings[$0].isEmpty }) { return false }
    }
    return true
  }

  /// Runs `profile` on the whole of `crop`.
  func recognize(_ crop: PageImage, profile: RecognitionProfile) throws -> OCRText {
    do {
      return try engine.recognizeRegion(
        crop, region: PixelRect(x: 0, y: 0, width: crop.width, height: crop.height), profile: profile)
    } catch {
      throw MappingError.recognitionFailed(page: template.id, detail: error.message(in: .english))
    }
  }
}

extension PixelRect {
  /// The overlap of two rectangles, nil when they do not overlap.
  func intersection(_ other: PixelRect) -> PixelRect? {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(x + width, other.x + other.width)
    let bottom = min(y + height, other.y + other.height)
    guard right > left, bottom > top else { return nil }
    return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
  }
}
