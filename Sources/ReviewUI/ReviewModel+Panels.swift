import HocBaModel

extension ReviewModel {
  /// The current field's evidence: name and type, OCR text and confidence, status, findings in plain words.
  func detailLines(_ record: RecordSnapshot, width: Int) -> [String] {
    guard let field = currentField else { return [] }
    let label = FieldLabels.label(field.path, record.record, language)
    var kind = field.kind.label(in: language)
    if field.critical { kind += language.pick(", quan trọng (nhập hai lần khi sửa)", ", critical (typed twice)") }
    var lines = ["\(label) — \(kind)"]
    let confidence = field.confidence.map { "\(Int($0.rounded()))%" } ?? "—"
    let raw = field.rawText.map { "“\($0)”" } ?? "—"
    lines.append(
      language.pick("OCR đọc: \(raw) · độ tin cậy \(confidence)", "OCR read: \(raw) · confidence \(confidence)"))
    let value = field.kind.display(field.value)
    lines.append(
      language.pick("Giá trị: ", "Value: ") + (value.isEmpty ? language.pick("(trống)", "(empty)") : value) + " · "
        + Text.status(field.status, language))
    let related =
      record.findings.filter { $0.names(field.path) }
      + record.findings.filter { $0.fieldPath == nil && $0.isError }
    for finding in related {
      let kind = finding.isError ? language.pick("Lỗi", "Error") : language.pick("Lưu ý", "Note")
      var line = "\(kind) \(finding.ruleCode): \(finding.detail)"
      if let reason = finding.acknowledgement {
        line += language.pick(" (đã ghi lý do: ", " (acknowledged: ") + reason + ")"
      }
      lines.append(line)
    }
    if let crop = field.cropPath, !showsSnippets {
      lines.append(language.pick("Ảnh cắt: ", "Snippet: ") + crop)
    }
    return lines.map { $0.fitted(width) }
  }

  /// The queue in risk order, the open record marked.
  func queueLines(width: Int) -> [String] {
    var lines = [
      language.pick("Hàng đợi (lỗi trước, rồi độ tin cậy thấp)", "Queue (errors first, then low confidence)")
    ]
    for item in queue {
      let marker = item.recordID == record?.recordID ? "▶" : " "
      var line = "\(marker) #\(item.recordID) \(item.studentName.fitted(22)) \(item.className.fitted(5)) "
      line += language.pick(
        "lỗi \(item.openErrors) · chờ \(item.pendingFields)", "err \(item.openErrors) · wait \(item.pendingFields)")
      if let other = item.claimedBy, item.recordID != record?.recordID {
        line += language.pick(" · \(other) đang rà soát", " · held by \(other)")
      }
      lines.append(line.fitted(width))
    }
    return lines
  }

  /// The queue on one line for narrow screens: the open record marked, then each record with its open errors (!)
  /// and fields awaiting review (?).
  func queueSummary(width: Int) -> String {
    let items = queue.map { item in
      let marker = item.recordID == record?.recordID ? "▶" : ""
      return "\(marker)#\(item.recordID) \(item.studentName) \(item.openErrors)!/\(item.pendingFields)?"
        + (item.claimedBy.map { " (\($0))" } ?? "")
    }
    return (language.pick("Hàng đợi: ", "Queue: ") + items.joined(separator: " · ")).fitted(width)
  }

  /// Puts `text` on `rows` rows from `row`, broken at " · " so that no hint is cut.
  private func putWrapped(_ canvas: inout Canvas, _ text: String, row: Int, rows: Int, width: Int) {
    var lines: [String] = []
    for part in text.components(separatedBy: " · ") {
      if let last = lines.last, last.count + 3 + part.count <= width || lines.count == rows {
        lines[lines.count - 1] = last + " · " + part
      } else {
        lines.append(part)
      }
    }
    for (offset, line) in lines.prefix(rows).enumerated() { canvas.put(row + offset, 0, line.fitted(width)) }
  }

  /// The edit line (prompt, typed text, live validation) or the key hints, on `rows` rows.
  func drawPrompt(_ canvas: inout Canvas, row: Int, rows: Int = 1, width: Int) {
    let prompt: String
    let line: EditLine
    switch mode {
    case .editing(let current, _):
      prompt = language.pick("Sửa: ", "Edit: ")
      line = current
    case .confirming(_, let current):
      prompt = language.pick("Nhập lại lần 2: ", "Type again: ")
      line = current
    case .searching(let current):
      prompt = language.pick("Tìm (tên hoặc CCCD): ", "Find (name or CCCD): ")
      line = current
    case .acknowledging(_, let current):
      prompt = language.pick("Lý do vẫn duyệt: ", "Reason to approve anyway: ")
      line = current
    case .goingTo(let current):
      prompt = language.pick("Đến hồ sơ số: ", "Go to record number: ")
      line = current
    case .group:
      guard let group, let typed = groupPrompt(group) else {
        putWrapped(&canvas, Text.groupHints(language), row: row, rows: rows, width: width)
        return
      }
      prompt = typed.prompt
      line = typed.line
    case .browse, .help:
      putWrapped(&canvas, Text.browseHints(language), row: row, rows: rows, width: width)
      return
    case .command:
      putWrapped(&canvas, Text.commandHints(language), row: row, rows: rows, width: width)
      return
    }
    if rows > 1 { canvas.put(row + 1, 0, Text.editHints(language).fitted(width)) }
    var check = ""
    switch liveValidation {
    case .valid(let value)?:
      let shown = promptField.map { $0.kind.display(value) } ?? ""
      check = "✓ " + (shown.isEmpty ? language.pick("(trống)", "(empty)") : shown)
    case .invalid?: check = language.pick("✗ chưa hợp lệ", "✗ not valid yet")
    case nil: break
    }
    let room = max(0, width - check.count - 1)
    canvas.put(row, 0, (prompt + line.text).fitted(room))
    canvas.put(row, width - check.count, check)
    canvas.cursor = (row, min(room, prompt.count + line.cursor))
  }
}
