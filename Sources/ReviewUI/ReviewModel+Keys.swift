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
    case .command:
      mode = .browse
      notice = nil
      guard case .character(let letter) = key else { return [] }
      return command(letter, now: now)
    case .goingTo(var line):
      switch key {
      case .escape: return cancel()
      case .enter: return goTo(line.text)
      default: if line.handle(key) { mode = .goingTo(line) }
      }
      return []
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

  /// Browse mode: a printable character always starts an edit of the focused field with that character; commands
  /// are keys that are not text (Ctrl-letters, F-keys) or Esc followed by a command letter.
  private mutating func browse(_ key: Key, now: Double) -> [ReviewEffect] {
    switch key {
    case .character(let character):
      guard currentField != nil else { return [] }
      mode = .editing(EditLine(String(character)), fresh: false)
    case .control("u"), .control("w"): break  // line-editing keys: never a command by accident
    case .control(let letter): return command(letter, now: now)
    case .f1: mode = .help
    case .f2:
      guard let field = currentField else { return [] }
      mode = .editing(EditLine(field.kind.display(field.value)), fresh: true)
    case .enter:
      guard let field = currentField else { return [] }
      return commit(field.value, now: now)
    case .tab, .right: step(1, now: now)
    case .backTab, .left: step(-1, now: now)
    case .down, .up:
      if let current = focusedField, let target = layout?.vertical(from: current, step: key == .down ? 1 : -1) {
        focus(target, now: now)
      }
    case .escape:
      mode = .command
      notice = Notice(text: Text.commandPrompt(language), isError: false)
    default: break
    }
    return []
  }

  /// A command letter, after Esc or with Ctrl: the same letter does the same thing either way.
  private mutating func command(_ letter: Character, now: Double) -> [ReviewEffect] {
    switch letter {
    case "q":
      isFinished = true
      return [.quit]
    case "?", "h": mode = .help
    case "/", "f": mode = .searching(EditLine())
    case ":", "o": mode = .goingTo(EditLine())
    case "n": return nextRecord()
    case "a": return approve()
    case "u", "z": return undo(now: now)
    case "g": return openGroup()
    case "e":
      guard let field = currentField else { return [] }
      mode = .editing(EditLine(field.kind.display(field.value)), fresh: true)
    default: break
    }
    return []
  }

  /// Opens the record with the typed number when it is in the queue (and no one else holds it).
  private mutating func goTo(_ text: String) -> [ReviewEffect] {
    mode = .browse
    let digits = text.trimmingCharacters(in: .whitespaces).drop { $0 == "#" }
    guard let id = Int64(digits), id > 0 else {
      notice = Notice(text: Text.recordNumberNeeded(language), isError: true)
      return []
    }
    guard queue.contains(where: { $0.recordID == id }) else {
      notice = Notice(text: Text.notInQueue(id, language), isError: true)
      return []
    }
    if id == record?.recordID { return [] }
    refused.remove(id)
    notice = nil
    return (record.map { [.release(recordID: $0.recordID)] } ?? []) + [.open(recordID: id)]
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
