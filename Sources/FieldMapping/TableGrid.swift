import ScanCapture

/// The cell grid of one ruled table, built from the rulings that touch each other.
struct TableGrid: Hashable {
  /// A ruling's extent across the grid: the pixels between `start` and `end` are ink of the rule.
  struct Band: Hashable {
    var start: Int
    var end: Int
  }

  /// Horizontal rules, top to bottom (row i lies between rows[i] and rows[i + 1]).
  var rows: [Band]
  /// Vertical rules, left to right (column j lies between columns[j] and columns[j + 1]).
  var columns: [Band]
  /// The table's bounding box.
  var box: PixelRect
  /// Whether rows and columns are read swapped: a table printed with its categories as rows and its terms as
  /// columns ("Kết quả rèn luyện" / "Kết quả học tập" down the side, "Học kì I … Cả năm" across the top).
  var isTransposed = false

  /// The number of cell rows and columns (as read: swapped in a transposed grid).
  var rowCount: Int { max(0, (isTransposed ? columns : rows).count - 1) }
  var columnCount: Int { max(0, (isTransposed ? rows : columns).count - 1) }

  /// The same grid with rows and columns swapped.
  func transposed() -> TableGrid {
    var copy = self
    copy.isTransposed.toggle()
    return copy
  }

  /// The inside of cell (row, column), between the rules, shrunk by `margin` pixels.
  func cell(row: Int, column: Int, margin: Int) -> PixelRect {
    isTransposed
      ? printedCell(row: column, column: row, margin: margin) : printedCell(row: row, column: column, margin: margin)
  }

  /// Cells `rows` of one column taken together: a header that fills one or more header rows.
  func cells(rows: Range<Int>, column: Int, margin: Int) -> PixelRect {
    let first = cell(row: rows.lowerBound, column: column, margin: margin)
    let last = cell(row: max(rows.lowerBound, rows.upperBound - 1), column: column, margin: margin)
    return PageText.union([first, last])
  }

  /// Cell (row, column) as printed (rows top to bottom, columns left to right).
  private func printedCell(row: Int, column: Int, margin: Int) -> PixelRect {
    let left = columns[column].end + margin
    let right = columns[column + 1].start - margin
    let top = rows[row].end + margin
    let bottom = rows[row + 1].start - margin
    return PixelRect(x: left, y: top, width: max(1, right - left), height: max(1, bottom - top))
  }

  /// Every table of a page: rulings grouped by intersection; a table needs two rules each way.
  static func tables(in lines: RulingLines, resolution dpi: Int) -> [TableGrid] {
    let segments = lines.horizontal.map { ($0, true) } + lines.vertical.map { ($0, false) }
    var parent = Array(segments.indices)
    func root(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    let tolerance = max(4, dpi / 30)
    for (h, horizontal) in segments.enumerated() where horizontal.1 {
      let hb = horizontal.0.box
      for (v, vertical) in segments.enumerated() where !vertical.1 {
        let vb = vertical.0.box
        let xInside = vb.x + vb.width >= hb.x - tolerance && vb.x <= hb.x + hb.width + tolerance
        let yInside = hb.y + hb.height >= vb.y - tolerance && hb.y <= vb.y + vb.height + tolerance
        if xInside && yInside { parent[root(h)] = root(v) }
      }
    }
    let groups = Dictionary(grouping: segments.indices, by: root).values
    return groups.compactMap { members in
      let box = PageText.union(members.map { segments[$0].0.box })
      let horizontal = members.filter { segments[$0].1 }.map { segments[$0].0.box }
        .filter { $0.width * 2 >= box.width }
      let vertical = members.filter { !segments[$0].1 }.map { segments[$0].0.box }
        .filter { $0.height * 2 >= box.height }
      let rows = merge(horizontal.map { Band(start: $0.y, end: $0.y + $0.height) }, gap: max(3, dpi / 25))
      let columns = merge(vertical.map { Band(start: $0.x, end: $0.x + $0.width) }, gap: max(3, dpi / 25))
      guard rows.count >= 2, columns.count >= 2 else { return nil }
      return TableGrid(rows: rows, columns: columns, box: box)
    }
    .sorted { $0.box.y < $1.box.y }
  }

  /// Sorts bands and merges those closer than `gap` (a doubled or thick rule counts once).
  private static func merge(_ bands: [Band], gap: Int) -> [Band] {
    var result: [Band] = []
    for band in bands.sorted(by: { $0.start < $1.start }) {
      if let last = result.last, band.start <= last.end + gap {
        result[result.count - 1] = Band(start: last.start, end: max(last.end, band.end))
      } else {
        result.append(band)
      }
    }
    return result
  }
}
