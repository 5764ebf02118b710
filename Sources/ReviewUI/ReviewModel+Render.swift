import HocBaModel

extension ReviewModel {
  /// The screen for a terminal of `size`: plain text lines (no colour codes), highlights and the cursor.
  public func render(size: TerminalSize) -> Screen {
    var canvas = Canvas(size: size)
    let width = size.columns
    canvas.put(0, 0, titleText.fitted(width), style: .title)
    canvas.put(1, 0, headingText.fitted(width))
    canvas.put(2, 0, String(repeating: "─", count: width))
    let bodyTop = 3
    // Key hints take two rows when they do not fit one (80 columns), so they are never cut.
    let promptRows = Text.browseHints(language).count <= width ? 1 : 2
    let bodyHeight = max(0, size.rows - 5 - promptRows)
    if mode == .group, let group {
      drawGroup(&canvas, group, top: bodyTop, height: bodyHeight, width: width)
    } else if mode == .help {
      for (offset, line) in Text.help(language).prefix(bodyHeight).enumerated() {
        canvas.put(bodyTop + offset, 2, line.fitted(width - 2))
      }
    } else if let record, let layout {
      let wide = width >= 120
      let gridWidth = wide ? min(90, width * 11 / 20) : width
      // A snippet below the grid gets a sixth row at 80×24 (a third of the body would give it five).
      let detailHeight = wide ? 0 : min(6, (bodyHeight + (snippetCrop == nil ? 0 : 2)) / 3)
      let gridHeight = bodyHeight - (wide ? 0 : detailHeight + 1)
      drawGrid(&canvas, record, layout, top: bodyTop, height: gridHeight, width: gridWidth)
      if wide {
        for row in bodyTop..<(bodyTop + bodyHeight) { canvas.put(row, gridWidth, "│") }
        let details = detailLines(record, width: width - gridWidth - 2)
        for (offset, line) in details.prefix(bodyHeight).enumerated() {
          canvas.put(bodyTop + offset, gridWidth + 2, line.fitted(width - gridWidth - 2))
        }
        var queueTop = bodyTop + min(details.count, bodyHeight) + 1
        // The snippet takes the panel's room, less the queue (a third of it at most) and a blank row.
        let room = bodyTop + bodyHeight - queueTop
        let snippetRows = min(18, room - min(queue.count + 1, max(3, room / 3)) - 1)
        if let crop = snippetCrop, snippetRows >= 2 {
          canvas.snippet = SnippetArea(
            cropPath: crop, row: queueTop, column: gridWidth + 2, rows: snippetRows,
            columns: min(72, width - gridWidth - 2))
          queueTop += snippetRows + 1
        }
        let queue = queueLines(width: width - gridWidth - 2)
        for (offset, line) in queue.prefix(max(0, bodyTop + bodyHeight - queueTop)).enumerated() {
          canvas.put(queueTop + offset, gridWidth + 2, line.fitted(width - gridWidth - 2))
        }
      } else {
        let top = bodyTop + gridHeight
        canvas.put(top, 0, String(repeating: "─", count: width))
        var textWidth = width
        if let crop = snippetCrop, detailHeight >= 2, width >= 60 {
          let columns = min(48, width * 9 / 20)
          textWidth = width - columns - 1
          canvas.snippet = SnippetArea(
            cropPath: crop, row: top + 1, column: textWidth + 1, rows: detailHeight, columns: columns)
        }
        let details = detailLines(record, width: textWidth).prefix(detailHeight)
        for (offset, line) in details.enumerated() {
          canvas.put(top + 1 + offset, 0, line.fitted(textWidth))
        }
        if details.count < detailHeight {
          canvas.put(top + 1 + details.count, 0, queueSummary(width: textWidth))
        }
      }
    } else {
      canvas.put(
        bodyTop + 1, 2, (notice?.text ?? language.pick("Đang tải hàng đợi…", "Loading the queue…")).fitted(width - 2))
    }
    canvas.put(size.rows - 2 - promptRows, 0, String(repeating: "─", count: width))
    drawPrompt(&canvas, row: size.rows - 1 - promptRows, rows: promptRows, width: width)
    if let notice {
      canvas.put(size.rows - 1, 0, notice.text.fitted(width), style: notice.isError ? .error : nil)
    } else if case .invalid(let problem)? = liveValidation {
      canvas.put(size.rows - 1, 0, problem.fitted(width), style: .error)
    }
    return canvas.screen
  }

  /// The current field's crop when snippets are shown and the reviewer is not reading the help.
  private var snippetCrop: String? {
    guard showsSnippets, mode != .help, mode != .group else { return nil }
    return currentField?.cropPath
  }

  private var titleText: String {
    let left = language.pick(" hocba · Rà soát học bạ · \(reviewer)", " hocba · Transcript review · \(reviewer)")
    let right = language.pick(
      "hàng đợi \(queue.count) · đã rà soát \(reviewedCount) · F1 trợ giúp ",
      "queue \(queue.count) · reviewed \(reviewedCount) · F1 help ")
    return left + "  " + right
  }

  private var headingText: String {
    guard let record else { return "" }
    let content = record.record
    let student = content.student
    var parts = [
      "#\(record.recordID)", student.fullName, content.className, content.schoolYear.description,
      content.regime.rawValue, record.state.label(in: language), student.birthDate.description,
    ]
    if let id = student.citizenID { parts.append("CCCD \(id.digits)") }
    return " " + parts.joined(separator: " · ")
  }

  // MARK: - Grid

  private func drawGrid(
    _ canvas: inout Canvas, _ record: RecordSnapshot, _ layout: GridLayout, top: Int, height: Int, width: Int
  ) {
    let columns = layout.hasReassessment ? 4 : 3
    let cellWidth = 9
    let labelWidth = max(10, width - columns * cellWidth - 1)
    let focusRow = focusedField.flatMap { layout.positions[$0]?.row } ?? 0
    let start = max(0, min(focusRow - height / 2, layout.rows.count - height))
    for (offset, rowIndex) in (start..<min(layout.rows.count, start + height)).enumerated() {
      let row = top + offset
      switch layout.rows[rowIndex] {
      case .section(let title):
        let heading = "── " + title + " "
        canvas.put(row, 0, (heading + String(repeating: "─", count: max(0, width - heading.count))).fitted(width))
      case .columnHeadings:
        let headings = FieldLabels.columnHeadings(language).prefix(columns).map { $0.centred(cellWidth) }
        canvas.put(row, 0, String(repeating: " ", count: labelWidth + 1) + headings.joined())
      case .cells(let label, let fields):
        canvas.put(row, 0, label.fitted(labelWidth))
        for (column, field) in fields.prefix(columns).enumerated() {
          guard let field else { continue }
          let text = cellText(record, field).centred(cellWidth)
          let x = labelWidth + 1 + column * cellWidth
          canvas.put(row, x, text, style: field == focusedField ? .focus : pendingStyle(record, field))
        }
      case .single(let label, let field):
        let name = label.fitted(min(24, labelWidth))
        canvas.put(row, 0, name + " ")
        let text = cellText(record, field).fitted(width - name.count - 1)
        canvas.put(row, name.count + 1, text, style: field == focusedField ? .focus : pendingStyle(record, field))
      }
    }
  }

  private func pendingStyle(_ record: RecordSnapshot, _ field: Int) -> Highlight.Style? {
    record.fields[field].status == .pending ? .pending : nil
  }

  /// "[6,5]?" for the focused pending field; marks: ? awaiting review, ! open error, * corrected.
  private func cellText(_ record: RecordSnapshot, _ index: Int) -> String {
    let field = record.fields[index]
    var value = field.kind.display(field.value)
    if value.isEmpty { value = "·" }
    if index == focusedField { value = "[" + value + "]" }
    let hasError = record.findings.contains {
      $0.names(field.path) && $0.isError && $0.acknowledgement == nil
    }
    if hasError { value += "!" }
    switch field.status {
    case .pending: value += "?"
    case .corrected: value += "*"
    default: break
    }
    return value
  }
}

/// A grid of characters being filled, with highlights.
struct Canvas {
  var rows: [[Character]]
  var highlights: [Highlight] = []
  var cursor: (row: Int, column: Int)?
  var snippet: SnippetArea?

  init(size: TerminalSize) {
    rows = Array(repeating: Array(repeating: " ", count: size.columns), count: size.rows)
  }

  /// Writes `text` at (row, column), clipped to the screen.
  mutating func put(_ row: Int, _ column: Int, _ text: String, style: Highlight.Style? = nil) {
    guard rows.indices.contains(row), column >= 0 else { return }
    var x = column
    for character in text {
      guard x < rows[row].count else { break }
      rows[row][x] = character
      x += 1
    }
    if let style, x > column {
      highlights.append(Highlight(row: row, column: column, length: x - column, style: style))
    }
  }

  var screen: Screen {
    Screen(lines: rows.map { String($0) }, highlights: highlights, cursor: cursor, snippet: snippet)
  }
}
