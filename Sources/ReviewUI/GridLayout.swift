import HocBaModel

/// The year page laid out like the paper: student block, subject rows × HK I / HK II / Cả năm, results block.
struct GridLayout: Sendable, Hashable {
  /// One line of the grid.
  enum Row: Sendable, Hashable {
    /// A section title.
    case section(String)
    /// The column headings of a table.
    case columnHeadings
    /// A table row: its label and the field index in each column (nil for no field).
    case cells(label: String, fields: [Int?])
    /// One labelled field.
    case single(label: String, field: Int)
  }

  /// The table columns, as path suffixes.
  static let columnKeys = ["firstTerm", "secondTerm", "fullYear", "reassessment"]

  let rows: [Row]
  /// Field indices in navigation order (reading order).
  let order: [Int]
  /// Field index → (row index, column; 0 for a single field).
  let positions: [Int: Cell]

  struct Cell: Sendable, Hashable {
    let row: Int
    let column: Int
  }

  init(_ snapshot: RecordSnapshot, language: Language) {
    var rows: [Row] = []
    var placed = Set<Int>()
    let fields = snapshot.fields
    func index(of path: String) -> Int? {
      // Several pages may carry a path (approval.fullName): the last one read is the one shown.
      fields.lastIndex { $0.path == path }
    }
    func addSingles(_ paths: [String]) {
      for path in paths {
        guard let field = index(of: path), !placed.contains(field) else { continue }
        placed.insert(field)
        rows.append(.single(label: FieldLabels.label(path, snapshot.record, language), field: field))
      }
    }
    let info = FieldLabels.studentPaths.filter { index(of: $0) != nil }
    if !info.isEmpty {
      rows.append(.section(language.pick("Thông tin học sinh", "Student")))
      addSingles(info)
    }
    func addTable(_ title: String, _ groups: [(prefix: String, label: String)]) {
      let present = groups.filter { group in fields.contains { $0.path.hasPrefix(group.prefix + ".") } }
      guard !present.isEmpty else { return }
      rows.append(.section(title))
      rows.append(.columnHeadings)
      for group in present {
        let cells = Self.columnKeys.map { key -> Int? in
          guard let field = index(of: "\(group.prefix).\(key)") else { return nil }
          placed.insert(field)
          return field
        }
        rows.append(.cells(label: group.label, fields: cells))
      }
    }
    addTable(
      language.pick("Kết quả các môn học", "Subjects"),
      FieldLabels.subjectCodes(snapshot).map { ("subjects.\($0.code)", $0.name) })
    let comments = FieldLabels.subjectCodes(snapshot).map { "subjects.\($0.code).comment" }.filter {
      index(of: $0) != nil
    }
    if !comments.isEmpty {
      rows.append(.section(language.pick("Nhận xét của giáo viên môn học", "Subject teachers' comments")))
      addSingles(comments)
    }
    addTable(
      language.pick("Kết quả cả năm", "Year results"),
      FieldLabels.summaryGroups(snapshot.record.regime, language).map { ("summary.\($0.key)", $0.label) })
    let others = FieldLabels.otherPaths + fields.map(\.path)
    let remaining = others.filter { path in index(of: path).map { !placed.contains($0) } ?? false }
    if !remaining.isEmpty {
      rows.append(.section(language.pick("Thông tin khác", "Other")))
      var seen = Set<String>()
      addSingles(remaining.filter { seen.insert($0).inserted })
    }
    var order: [Int] = []
    var positions: [Int: Cell] = [:]
    for (rowIndex, row) in rows.enumerated() {
      switch row {
      case .cells(_, let cells):
        for (column, field) in cells.enumerated() {
          if let field {
            order.append(field)
            positions[field] = Cell(row: rowIndex, column: column)
          }
        }
      case .single(_, let field):
        order.append(field)
        positions[field] = Cell(row: rowIndex, column: 0)
      default: break
      }
    }
    self.rows = rows
    self.order = order
    self.positions = positions
  }

  /// Whether the reassessment column holds any field (else it is not drawn).
  var hasReassessment: Bool {
    rows.contains { row in
      if case .cells(_, let fields) = row { return fields[3] != nil }
      return false
    }
  }

  /// The field in the next (`step` 1) or previous (-1) table row with a field, nearest in column.
  func vertical(from field: Int, step: Int) -> Int? {
    guard let cell = positions[field] else { return nil }
    var rowIndex = cell.row + step
    while rows.indices.contains(rowIndex) {
      switch rows[rowIndex] {
      case .single(_, let other): return other
      case .cells(_, let cells):
        let candidates = cells.enumerated().compactMap { item in item.element.map { (item.offset, $0) } }
        if let best = candidates.min(by: { abs($0.0 - cell.column) < abs($1.0 - cell.column) }) { return best.1 }
      default: break
      }
      rowIndex += step
    }
    return nil
  }
}
