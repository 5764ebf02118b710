import HocBaModel

extension ReviewModel {
  /// The group screen: what ties the fields, then one line per field (record, student, path, OCR, value,
  /// confidence, outcome), the selected one highlighted and kept in view.
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
    let wide = width >= 120
    let nameWidth = wide ? 24 : 15
    let pathWidth = wide ? 36 : 23
    func line(_ cells: [String]) -> String {
      let widths = [8, nameWidth, pathWidth, 8, 8, 4]
      return zip(cells, widths).map { $0.fitted($1) }.joined(separator: " ")
    }
    let headings =
      language == .vietnamese
      ? ["  Hồ sơ", "Học sinh", "Ô", "OCR đọc", "Giá trị", "Tin"]
      : ["  Record", "Student", "Field", "OCR read", "Value", "Conf"]
    canvas.put(top + 1, 0, line(headings).fitted(width))
    let rows = height - 2
    let start = max(0, min(group.selected - rows / 2, group.entries.count - rows))
    for (offset, index) in (start..<min(group.entries.count, start + rows)).enumerated() {
      let entry = group.entries[index]
      let field = entry.field
      let marker = index == group.selected ? "▶" : " "
      let confidence = field.confidence.map { "\(Int($0.rounded()))%" } ?? "—"
      let value = field.kind.display(field.value)
      var text = line([
        "\(marker)\(mark(entry.outcome)) #\(entry.recordID)", entry.studentName, field.path,
        field.rawText.map { "“\($0)”" } ?? "—", value.isEmpty ? "·" : value, confidence,
      ])
      if let holder = entry.claimedBy {
        text += wide ? language.pick(" \(holder) đang giữ", " held by \(holder)") : " " + holder
      } else if field.critical && wide {
        text += language.pick(" quan trọng", " critical")
      }
      canvas.put(top + 2 + offset, 0, text.fitted(width), style: index == group.selected ? .focus : nil)
    }
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
      "Nhóm: Enter chấp nhận · gõ giá trị + Enter sửa · ^A chấp nhận tất cả · ↑↓ chọn · Esc quay lại",
      "Group: Enter accept · type a value + Enter set · ^A accept all · ↑↓ select · Esc back")
  }

  static func groupTitle(_ key: GroupKey, _ language: Language) -> String {
    switch key {
    case .finding(let code, let suffix):
      language.pick("Nhóm: lỗi \(code) trên *.\(suffix)", "Group: \(code) on *.\(suffix)")
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

  static func groupAccepted(_ count: Int, _ language: Language) -> String {
    language.pick(
      "Đã chấp nhận \(count) ô của nhóm (mỗi ô một quyết định riêng).",
      "Accepted \(count) fields of the group (each as its own decision).")
  }

  static func groupSkipped(_ count: Int, reason: String, _ language: Language) -> String {
    language.pick("Bỏ qua \(count) ô: ", "Skipped \(count) fields: ") + reason
  }
}
