/// One ruled grid as a table spec reads it: as printed or transposed, with the rows its header fills.
///
/// Real forms print one- and two-level headers ("Điểm TB" spanning "Học kì I | Học kì II | Cả năm"): the header
/// band is the fewest leading rows whose text, taken column by column, holds every header phrase of the spec.
struct TableView: Hashable {
  /// Distinguishes the views of a page (grid index and orientation) for the header cache.
  var id: Int
  var grid: TableGrid
  /// Rows at the top that hold the column headers (data rows follow).
  var headerRows = 1

  /// The page grid this view shows.
  var gridIndex: Int { id / 2 }

  /// The header rows, as a range of grid rows.
  var header: Range<Int> { 0..<max(1, min(headerRows, grid.rowCount)) }

  /// The most header rows a table is looked for with (a spanning cell over a row of sub-headers, plus one).
  static let deepestHeader = 3

  /// Every grid of a page as printed, then transposed.
  static func all(_ grids: [TableGrid]) -> [TableView] {
    grids.indices.map { TableView(id: 2 * $0, grid: grids[$0]) }
      + grids.indices.map { TableView(id: 2 * $0 + 1, grid: grids[$0].transposed()) }
  }
}

/// A header cell's own OCR reading, by view, header depth and column.
struct HeaderKey: Hashable {
  var view: Int
  var rows: Int
  var column: Int
}
