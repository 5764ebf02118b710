import HocBaModel

extension ReviewModel {
  /// `g` in browse mode: asks the runner for the current field's group.
  mutating func openGroup() -> [ReviewEffect] {
    guard let record, let field = currentField, let key = GroupKey(field, in: record) else {
      notice = Notice(text: Text.noGroup(language), isError: true)
      return []
    }
    notice = Notice(text: Text.groupLoading(language), isError: false)
    return [.loadGroup(key)]
  }

  /// Shows a loaded group, the current field selected; fields of the open record use the core's fresher copy.
  mutating func enterGroup(_ key: GroupKey, _ loaded: [GroupEntry], now: Double) {
    var entries = loaded
    for index in entries.indices where entries[index].recordID == record?.recordID {
      if let field = record?.fields.first(where: { $0.id == entries[index].field.id }) {
        entries[index].field = field
        entries[index].claimedBy = nil
      }
    }
    entries.removeAll { $0.field.status != .pending && $0.outcome == .open }
    guard !entries.isEmpty else {
      notice = Notice(text: Text.noGroup(language), isError: true)
      return
    }
    let current = entries.firstIndex { $0.recordID == record?.recordID && $0.field.id == currentField?.id }
    group = ReviewGroup(
      key: key, entries: entries, selected: current ?? entries.firstIndex(where: \.isEditable) ?? 0)
    mode = .group
    notice = nil
    keystrokes = 0
    focusedSince = now
  }

  /// A key in group mode.
  mutating func groupKey(_ key: Key, now: Double) -> [ReviewEffect] {
    guard var current = group else {
      mode = .browse
      return []
    }
    keystrokes += 1
    let typing = !current.line.text.isEmpty || current.firstEntry != nil
    switch key {
    case .escape where typing:
      current.line = EditLine()
      current.firstEntry = nil
      group = current
      notice = nil
    case .escape: return leaveGroup()
    case .up, .backTab: select(current.selected - 1, now: now)
    case .down, .tab: select(current.selected + 1, now: now)
    case .control("a") where !typing: return acceptAll(now: now)
    case .enter: return submitGroup(now: now)
    default:
      if current.line.handle(key) { group = current }
    }
    return []
  }

  private mutating func select(_ index: Int, now: Double) {
    guard let current = group, current.entries.indices.contains(index), index != current.selected else { return }
    group?.selected = index
    group?.line = EditLine()
    group?.firstEntry = nil
    keystrokes = 0
    focusedSince = now
  }

  /// Back to browsing the open record; the queue is reloaded for the changed counts.
  mutating func leaveGroup() -> [ReviewEffect] {
    mode = .browse
    group = nil
    return [.loadQueue]
  }

  /// Enter: accepts the selected field (empty line) or stores the typed value, double-keyed when critical.
  private mutating func submitGroup(now: Double) -> [ReviewEffect] {
    guard let current = group, let entry = current.current else { return [] }
    guard entry.isEditable else {
      notice = Notice(text: Text.groupNotEditable(entry, language), isError: true)
      return []
    }
    let field = entry.field
    if current.line.text.isEmpty && current.firstEntry == nil {
      return decide(current.selected, value: field.value, now: now)
    }
    switch field.kind.validate(current.line.text, required: isRequired(field), language: language) {
    case .invalid(let message):
      notice = Notice(text: message, isError: true)
      return []
    case .valid(let value):
      if let first = current.firstEntry {
        guard value == first else {
          group?.firstEntry = nil
          group?.line = EditLine()
          notice = Notice(text: Text.mismatch(language), isError: true)
          return []
        }
      } else if value != field.value && field.critical {
        group?.firstEntry = .some(value)
        group?.line = EditLine()
        notice = Notice(text: Text.confirmPrompt(language), isError: false)
        return []
      }
      return decide(current.selected, value: value, now: now)
    }
  }

  /// One decision from the selected entry, then on to the next editable one.
  private mutating func decide(_ index: Int, value: String?, now: Double) -> [ReviewEffect] {
    let effect = change(index, value: value, keystrokes: keystrokes, seconds: max(0, now - focusedSince))
    group?.line = EditLine()
    group?.firstEntry = nil
    notice = nil
    if let entries = group?.entries {
      let order = Array(entries.indices[(index + 1)...]) + Array(entries.indices[...index])
      if let next = order.first(where: { entries[$0].isEditable }) {
        select(next, now: now)
      } else {
        notice = Notice(text: Text.groupFinished(language), isError: false)
      }
    }
    keystrokes = 0
    focusedSince = now
    return effect.map { [$0] } ?? []
  }

  /// Ctrl-A: accepts every editable field left that is neither critical nor low-confidence, each as its own
  /// decision on the version read; the others stay open and are shown one by one, their snippet beside them.
  private mutating func acceptAll(now: Double) -> [ReviewEffect] {
    guard let entries = group?.entries else { return [] }
    let open = entries.indices.filter { entries[$0].isEditable }
    guard !open.isEmpty else {
      notice = Notice(text: Text.groupFinished(language), isError: false)
      return []
    }
    let bulk = open.filter { !entries[$0].needsOwnDecision }
    let own = open.count - bulk.count
    let seconds = max(0, now - focusedSince) / Double(max(1, bulk.count))
    let effects = bulk.compactMap { change($0, value: entries[$0].field.value, keystrokes: 1, seconds: seconds) }
    if let next = open.first(where: { entries[$0].needsOwnDecision }) { select(next, now: now) }
    notice = Notice(text: Text.groupAccepted(effects.count, ownDecisions: own, language), isError: false)
    keystrokes = 0
    focusedSince = now
    return effects
  }

  /// The save effect for one entry, applied optimistically to the group and to the open record.
  private mutating func change(_ index: Int, value: String?, keystrokes: Int, seconds: Double) -> ReviewEffect? {
    guard let entry = group?.entries[index], entry.isEditable else { return nil }
    let field = entry.field
    // A changed critical value is stored only after its second entry (never in bulk).
    if field.critical && value != field.value && group?.firstEntry == nil { return nil }
    let status: ReviewStatus = value == field.value ? .accepted : .corrected
    let change = FieldChange(
      recordID: entry.recordID, fieldID: field.id, path: field.path, expectedVersion: field.version, value: value,
      status: status, reason: "group", keystrokes: keystrokes, seconds: seconds)
    group?.entries[index].outcome = .saving
    group?.entries[index].field.value = value
    group?.entries[index].field.status = status
    group?.entries[index].field.version += 1
    if entry.recordID == record?.recordID, let at = record?.fields.firstIndex(where: { $0.id == field.id }) {
      undoStack.append(Undo(recordID: entry.recordID, fieldID: field.id, value: field.value, status: field.status))
      record?.fields[at].value = value
      record?.fields[at].status = status
      record?.fields[at].version += 1
    }
    return .save(change)
  }

  /// A stored group decision: the entry is done.
  mutating func groupSaved(_ field: FieldSnapshot) {
    guard let index = group?.entries.firstIndex(where: { $0.field.id == field.id && $0.outcome == .saving })
    else { return }
    group?.entries[index].outcome = .done
    group?.entries[index].field = field
  }

  /// A refused group decision (stale, or claimed by someone else): the oldest decision in flight is skipped
  /// and reported. The runner performs effects in order, so results arrive in the order the saves were sent.
  mutating func groupSaveFailed(reason: String, reloaded: RecordSnapshot?, now: Double) {
    guard let index = group?.entries.firstIndex(where: { $0.outcome == .saving }) else { return }
    group?.entries[index].outcome = .skipped(reason)
    if let reloaded, let entry = group?.entries[index],
      let fresh = reloaded.fields.first(where: { $0.id == entry.field.id })
    {
      group?.entries[index].field = fresh
    }
    if let reloaded, reloaded.recordID == record?.recordID {
      show(reloaded, keepingField: currentField?.id, now: now)
      mode = .group
    }
    let skipped = group?.entries.filter { if case .skipped = $0.outcome { true } else { false } }.count ?? 0
    notice = Notice(text: Text.groupSkipped(skipped, reason: reason, language), isError: true)
  }
}
