import HocBaModel

extension ReviewModel {
  /// The group screen: what ties the fields, then one line per field (record, student, field label, OCR, value,
  /// confidence, outcome), the selected one highlighted and kept in view; below, the selected field on its own
  /// with its scanned snippet (critical and low-confidence fields are decided there, one by one).
  func drawGroup(_ canvas: inout Canvas, _ group: ReviewGroup, top: Int, height: Int, width: Int) {
    guard height >= 3 else { return }
    let done = group.entries.filter { $0.outcome == .done || $0.outcome == .saving }.count
    let skipped = group.entries.filter { if case .skipped = $0.outcome { true } else { false } }.count
    let title =
      Text.groupTitle(group.key, language)
      + language.pick(
        " · \(group.entries.count) ô · đã lưu \(done) · bỏ qua \(skipped)",
        " · \(group.entries.count) fields · stored \(done) · skipped \(skipped)")
    canvas.put(top, 0, title.fitted(width))
    let detailRows = height >= 12 ? min(8, height / 3) : 0
    let listHeight = height - (detailRows > 0 ? detailRows + 1 : 0)
    let wide = width >= 120
    let nameWidth = wide ? 24 : 15
    let labelWidth = wide ? 36 : 23
    func line(_ cells: [String]) -> String {
      let widths = [8, nameWidth, labelWidth, 8, 8, 4]
      return zip(cells, widths).map { $0.fitted($1) }.joined(separator: " ")
    }
    let headings =
      language == .vietnamese
      ? ["  Hồ sơ", "Học sinh", "Ô", "OCR đọc", "Giá trị", "Tin"]
      : ["  Record", "Student", "Field", "OCR read", "Value", "Conf"]
    canvas.put(top + 1, 0, line(headings).fitted(width))
    let rows = max(0, listHeight - 2)
    let start = max(0, min(group.selected - rows / 2, group.entries.count - rows))
    for (offset, index) in (start..<min(group.entries.count, start + rows)).enumerated() {
      let entry = group.entries[index]
      let field = entry.field
      let marker = index == group.selected ? "▶" : " "
      let confidence = field.confidence.map { "\(Int($0.rounded()))%" } ?? "—"
      let value = field.kind.display(field.value)
      var text = line([
        "\(marker)\(mark(entry.outcome)) #\(entry.recordID)", entry.studentName, entry.label,
        field.rawText.map { "“\($0)”" } ?? "—", value.isEmpty ? "·" : value, confidence,
      ])
      if let holder = entry.claimedBy {
        text += wide ? language.pick(" \(holder) đang giữ", " held by \(holder)") : " " + holder
      } else if entry.needsOwnDecision {
        text += wide ? " " + Text.ownDecisionTag(entry, language) : " !"
      }
      canvas.put(top + 2 + offset, 0, text.fitted(width), style: index == group.selected ? .focus : nil)
    }
    guard detailRows > 0, let entry = group.current else { return }
    let detailTop = top + listHeight
    canvas.put(detailTop, 0, String(repeating: "─", count: width))
    var textWidth = width
    if showsSnippets, let crop = entry.field.cropPath, width >= 60 {
      let columns = min(48, width / 2)
      textWidth = width - columns - 1
      canvas.snippet = SnippetArea(
        cropPath: crop, row: detailTop + 1, column: textWidth + 1, rows: detailRows, columns: columns)
    }
    for (offset, text) in groupDetailLines(entry).prefix(detailRows).enumerated() {
      canvas.put(detailTop + 1 + offset, 0, text.fitted(textWidth))
    }
  }

  /// The selected group field on its own: label and record, OCR text and confidence, value and status, and why
  /// it must be decided by itself.
  func groupDetailLines(_ entry: GroupEntry) -> [String] {
    let field = entry.field
    let confidence = field.confidence.map { "\(Int($0.rounded()))%" } ?? "—"
    let raw = field.rawText.map { "“\($0)”" } ?? "—"
    let value = field.kind.display(field.value)
    var lines = [
      "\(entry.label) — #\(entry.recordID) \(entry.studentName)",
      language.pick("OCR đọc: \(raw) · độ tin cậy \(confidence)", "OCR read: \(raw) · confidence \(confidence)"),
      language.pick("Giá trị: ", "Value: ") + (value.isEmpty ? language.pick("(trống)", "(empty)") : value) + " · "
        + Text.status(field.status, language),
    ]
    if entry.needsOwnDecision {
      lines.append(
        Text.ownDecisionTag(entry, language)
          + language.pick(
            ": so với ảnh rồi Enter hoặc gõ giá trị; không chấp nhận hàng loạt.",
            ": compare with the snippet, then Enter or type the value; never accepted in bulk."))
    }
    return lines
  }

  private func mark(_ outcome: GroupEntry.Outcome) -> String {
    switch outcome {
    case .open: "?"
    case .saving, .done: "✓"
    case .skipped: "✗"
    }
  }

  /// The group's prompt: key hints, or the value being typed (first or second entry).
  func groupPrompt(_ group: ReviewGroup) -> (prompt: String, line: EditLine)? {
    if group.firstEntry != nil { return (language.pick("Nhập lại lần 2: ", "Type again: "), group.line) }
    if !group.line.text.isEmpty { return (language.pick("Sửa: ", "Edit: "), group.line) }
    return nil
  }

  /// The field the prompt's live check displays values for.
  var promptField: FieldSnapshot? { mode == .group ? group?.current?.field : currentField }
}

extension Text {
  static func groupHints(_ language: Language) -> String {
    language.pick(
      "Nhóm: Enter chấp nhận · gõ để sửa · ^A nhận hết ô thường · ↑↓ chọn · Esc quay lại",
      "Group: Enter accept · type to set · ^A accept the ordinary rest · ↑↓ select · Esc back")
  }

  static func groupTitle(_ key: GroupKey, _ language: Language) -> String {
    switch key {
    case .finding(let code, let suffix):
      language.pick(
        "Nhóm: lỗi \(code) ở “\(FieldLabels.suffixLabel(suffix, language))”",
        "Group: \(code) on “\(FieldLabels.suffixLabel(suffix, language))”")
    case .rawText(let raw, let kind):
      language.pick(
        "Nhóm: OCR đọc “\(raw)” (\(kind.label(in: language)))", "Group: OCR read “\(raw)” (\(kind.label(in: language)))"
      )
    }
  }

  static func noGroup(_ language: Language) -> String {
    language.pick(
      "Ô này không thuộc nhóm nào chờ rà soát (không có lỗi chung hay chữ OCR giống nhau).",
      "This field has no group awaiting review (no shared finding or OCR text).")
  }

  static func groupLoading(_ language: Language) -> String {
    language.pick("Đang tìm các ô cùng nhóm…", "Finding the fields of the group…")
  }

  static func groupNotEditable(_ entry: GroupEntry, _ language: Language) -> String {
    if let holder = entry.claimedBy {
      return language.pick(
        "Hồ sơ #\(entry.recordID) đang được \(holder) rà soát: ô này chỉ để xem.",
        "Record #\(entry.recordID) is held by \(holder): this field is read-only.")
    }
    return language.pick("Ô này đã được quyết định trong nhóm.", "This field was already decided in the group.")
  }

  static func groupFinished(_ language: Language) -> String {
    language.pick(
      "Đã xử lý hết các ô sửa được của nhóm: Esc để quay lại hồ sơ.",
      "Every editable field of the group is decided: Esc returns to the record.")
  }

  static func groupAccepted(_ count: Int, ownDecisions: Int, _ language: Language) -> String {
    let accepted = language.pick(
      "Đã chấp nhận \(count) ô của nhóm (mỗi ô một quyết định riêng).",
      "Accepted \(count) fields of the group (each as its own decision).")
    guard ownDecisions > 0 else { return accepted }
    return accepted
      + language.pick(
        " Còn \(ownDecisions) ô quan trọng hoặc độ tin cậy thấp: xem từng ô với ảnh.",
        " \(ownDecisions) critical or low-confidence fields remain: decide each with its snippet.")
  }

  /// Why an entry is decided on its own: "quan trọng" (critical) and/or "độ tin cậy thấp" (low confidence).
  static func ownDecisionTag(_ entry: GroupEntry, _ language: Language) -> String {
    var reasons: [String] = []
    if entry.field.critical { reasons.append(language.pick("quan trọng", "critical")) }
    if (entry.field.confidence ?? 0) < GroupEntry.lowConfidence {
      reasons.append(language.pick("độ tin cậy thấp", "low confidence"))
    }
    let text = reasons.joined(separator: ", ")
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  static func groupSkipped(_ count: Int, reason: String, _ language: Language) -> String {
    language.pick("Bỏ qua \(count) ô: ", "Skipped \(count) fields: ") + reason
  }
}
