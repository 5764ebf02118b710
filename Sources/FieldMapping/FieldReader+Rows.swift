import ScanCapture

// Which row of a table holds which value: by its label, then by the order of the template's named rows.
extension FieldReader {
  /// The rows of `view` below its header with what each one holds. With a label column: the row its label
  /// names (page text first, OCR of the cell when that names none), then `orderedRows` settles named rows
  /// the labels could not tell apart. Without one: every row with ink, numbered from 0.
  func rowTargets(
    _ spec: TableSpec, view: TableView, candidates: [(key: String, name: String, target: RowTarget)]
  ) throws -> [(row: Int, target: RowTarget)] {
    let grid = view.grid
    let margin = max(3, pixels(0.02))
    let minimumInk = max(4, pixels(0.035))
    let rows = view.header.upperBound..<max(view.header.upperBound, grid.rowCount)
    guard let labelColumn = spec.labelColumn else {
      var index = 0
      return try rows.compactMap { row in
        let filled = try (0..<grid.columnCount).contains { column in
          !(try marks(in: grid.cell(row: row, column: column, margin: margin), minimumHeight: minimumInk).isEmpty)
        }
        guard filled else { return nil }
        defer { index += 1 }
        return (row, RowTarget(key: String(index), path: spec.path))
      }
    }
    guard labelColumn < grid.columnCount else { return [] }
    var found: [(row: Int, target: RowTarget?, inked: Bool)] = []
    for row in rows {
      let cell = grid.cell(row: row, column: labelColumn, margin: margin)
      let label = text.words(inside: cell).map(\.text).joined(separator: " ")
      var matched = matchRow(label, candidates: candidates)
      let inked = !(try marks(in: cell, minimumHeight: minimumInk).isEmpty)
      if matched == nil, inked {
        matched = matchRow(try ocrLabel(cell), candidates: candidates)
      }
      found.append((row, matched, inked))
    }
    if found.contains(where: { entry in found.filter { $0.target?.key == entry.target?.key }.count > 1 }) {
      // Two rows naming one ("Học kì II" read as "Học kì I"): each label is read again from its own cell.
      for (index, entry) in found.enumerated() where entry.target != nil {
        guard found.filter({ $0.target?.key == entry.target?.key }).count > 1 else { continue }
        let cell = grid.cell(row: entry.row, column: labelColumn, margin: margin)
        if let reread = matchRow(try ocrLabel(cell), candidates: candidates),
          !found.contains(where: { $0.target?.key == reread.key })
        {
          found[index].target = reread
        }
      }
    }
    let named = spec.rows.catalog == true ? [] : spec.rows.explicit?.map(\.key) ?? []
    return Self.orderedRows(found, named: named, candidates: candidates)
      .compactMap { entry in entry.target.map { (entry.row, $0) } }
  }

  /// Named rows (`named`, in the template's order: "Học kì I", "Học kì II", "Cả năm") are printed in that order.
  /// Two rows naming one row: when an unclaimed named row fits only after it (before the next row's), the later
  /// of the two takes it; when one fits only before it, the earlier does; otherwise neither is trusted. A row
  /// with ink whose label names nothing, between two rows that name rows, takes the one unclaimed named row
  /// between theirs, if exactly one fits. Tables whose rows are catalog subjects are left as they are. So a misread "Học kì II" neither disappears nor overwrites "Học kì I".
  static func orderedRows(
    _ found: [(row: Int, target: RowTarget?, inked: Bool)], named: [String],
    candidates: [(key: String, name: String, target: RowTarget)]
  ) -> [(row: Int, target: RowTarget?, inked: Bool)] {
    guard named.count > 1 else { return found }
    var result = found
    let position = { (index: Int) in result[index].target.flatMap { named.firstIndex(of: $0.key) } }
    let target = { (slot: Int) in candidates.first { $0.target.key == named[slot] }?.target }
    func unclaimed(after low: Int, before high: Int) -> [Int] {
      let claimed = Set(result.compactMap { $0.target?.key })
      return named.indices.filter { $0 > low && $0 < high && !claimed.contains(named[$0]) }
    }
    func previous(_ index: Int) -> Int { result.indices.filter { $0 < index }.compactMap(position).max() ?? -1 }
    func next(_ index: Int, above low: Int) -> Int {
      result.indices.filter { $0 > index }.compactMap(position).filter { $0 > low }.min() ?? named.count
    }
    for slot in named.indices {
      let rows = result.indices.filter { position($0) == slot }
      guard rows.count == 2 else {
        if rows.count > 2 { for row in rows { result[row].target = nil } }
        continue
      }
      let later = unclaimed(after: slot, before: next(rows[1], above: slot))
      let earlier = unclaimed(after: previous(rows[0]), before: slot)
      if later.count == 1, earlier.isEmpty {
        result[rows[1]].target = target(later[0])
      } else if earlier.count == 1, later.isEmpty {
        result[rows[0]].target = target(earlier[0])
      } else {
        result[rows[0]].target = nil
        result[rows[1]].target = nil
      }
    }
    for index in result.indices where result[index].target == nil && result[index].inked {
      let low = previous(index)
      let high = next(index, above: low)
      guard low >= 0, high < named.count else { continue }
      let fitting = unclaimed(after: low, before: high)
      if fitting.count == 1 { result[index].target = target(fitting[0]) }
    }
    return result
  }
}
