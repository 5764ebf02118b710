import Foundation
import HocBaModel

extension ReviewModel {
  /// Kinds whose critical fields cannot be emptied.
  public static let requiredKinds: Set<FieldKind> = [.name, .date, .schoolYear, .className]

  mutating func handle(_ key: Key, now: Double) -> [ReviewEffect] {
    if key == .interrupt {
      isFinished = true
      return [.quit]
    }
    switch mode {
    case .help:
      mode = .browse
      return []
    case .group: return groupKey(key, now: now)
    case .browse:
      keystrokes += 1
      return browse(key, now: now)
    case .editing(var line, let fresh):
      keystrokes += 1
      switch key {
      case .escape: return cancel()
      case .enter: return submitFirstEntry(line.text, now: now)
      case .character where fresh:
        line = EditLine()
        _ = line.handle(key)
        mode = .editing(line, fresh: false)
      default:
        if line.handle(key) { mode = .editing(line, fresh: false) }
      }
      return []
    case .confirming(let first, var line):
      keystrokes += 1
      switch key {
      case .escape: return cancel()
      case .enter: return submitSecondEntry(line.text, first: first, now: now)
      default: if line.handle(key) { mode = .confirming(first: first, line) }
      }
      return []
    case .searching(var line):
      switch key {
      case .escape: return cancel()
      case .enter: return search(line.text)
      default: if line.handle(key) { mode = .searching(line) }
      }
      return []
    case .acknowledging(let findingID, var line):
      switch key {
      case .escape:
        approving = false
        return cancel()
      case .enter:
        let reason = line.text.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty, let record else {
          notice = Notice(text: Text.reasonNeeded(language), isError: true)
          return []
        }
        mode = .browse
        return [.acknowledge(recordID: record.recordID, findingID: findingID, reason: reason)]
      default: if line.handle(key) { mode = .acknowledging(findingID: findingID, line) }
      }
      return []
    }
  }

  private mutating func cancel() -> [ReviewEffect] {
    mode = .browse
    notice = nil
    return []
  }

  private mutating func browse(_ key: Key, now: Double) -> [ReviewEffect] {
    switch key {
    case .character("q"):
      isFinished = true
      return [.quit]
    case .character("?"): mode = .help
    case .character("/"): mode = .searching(EditLine())
    case .character("n"): return nextRecord()
    case .character("a"): return approve()
    case .character("u"): return undo(now: now)
    case .character("g"): return openGroup()
    case .character("e"), .f2:
      guard let field = currentField else { return [] }
      mode = .editing(EditLine(field.kind.display(field.value)), fresh: true)
    case .character(let character) where character.isNumber || character == "," || character == ".":
      guard currentField != nil else { return [] }
      mode = .editing(EditLine(String(character)), fresh: false)
    case .enter:
      guard let field = currentField else { return [] }
      return commit(field.value, now: now)
    case .tab, .right: step(1, now: now)
    case .backTab, .left: step(-1, now: now)
    case .down, .up:
      if let current = focusedField, let target = layout?.vertical(from: current, step: key == .down ? 1 : -1) {
        focus(target, now: now)
      }
    case .escape: notice = nil
    default: break
    }
    return []
  }

  /// The validation of what is typed for the current field, for the live check under the edit line.
  public var liveValidation: FieldValidation? {
    if mode == .group {
      guard let current = group, let field = current.current?.field, !current.line.text.isEmpty else { return nil }
      return field.kind.validate(current.line.text, required: isRequired(field), language: language)
    }
    guard let field = currentField else { return nil }
    switch mode {
    case .editing(let line, _), .confirming(_, let line):
      return field.kind.validate(line.text, required: isRequired(field), language: language)
    default: return nil
    }
  }

  func isRequired(_ field: FieldSnapshot) -> Bool {
    field.critical && Self.requiredKinds.contains(field.kind)
  }

  private mutating func submitFirstEntry(_ text: String, now: Double) -> [ReviewEffect] {
    guard let field = currentField else { return cancel() }
    switch field.kind.validate(text, required: isRequired(field), language: language) {
    case .invalid(let message):
      notice = Notice(text: message, isError: true)
      return []
    case .valid(let value):
      if value != field.value && field.critical {
        mode = .confirming(first: value, EditLine())
        notice = Notice(text: Text.confirmPrompt(language), isError: false)
        return []
      }
      return commit(value, now: now)
    }
  }

  private mutating func submitSecondEntry(_ text: String, first: String?, now: Double) -> [ReviewEffect] {
    guard let field = currentField else { return cancel() }
    guard case .valid(let value) = field.kind.validate(text, required: isRequired(field), language: language),
      value == first
    else {
      mode = .editing(EditLine(), fresh: false)
      notice = Notice(text: Text.mismatch(language), isError: true)
      return []
    }
    return commit(value, now: now)
  }

  private mutating func search(_ text: String) -> [ReviewEffect] {
    mode = .browse
    let query = Self.folded(text)
    guard !query.isEmpty else { return [] }
    let digits = text.filter(\.isNumber)
    let match = queue.first { item in
      Self.folded(item.studentName).contains(query)
        || (!digits.isEmpty && digits.count == text.filter({ !$0.isWhitespace }).count
          && (item.citizenID ?? "").contains(digits))
    }
    guard let match else {
      notice = Notice(text: Text.notFound(language), isError: true)
      return []
    }
    if match.recordID == record?.recordID { return [] }
    refused.remove(match.recordID)
    return (record.map { [.release(recordID: $0.recordID)] } ?? []) + [.open(recordID: match.recordID)]
  }

  /// Lower-case text without diacritics ("Đặng" → "dang"), for search.
  static func folded(_ text: String) -> String {
    text.lowercased().replacingOccurrences(of: "đ", with: "d")
      .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .trimmingCharacters(in: .whitespaces)
  }
}
