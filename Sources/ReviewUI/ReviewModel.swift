import HocBaModel

/// The state of a review session; `update` changes it and returns the effects for the runner.
public struct ReviewModel: Sendable {
  /// What the keyboard is doing.
  public enum Mode: Sendable, Hashable {
    /// Moving between fields.
    case browse
    /// Typing a new value; `fresh` means the next character replaces the prefilled text.
    case editing(EditLine, fresh: Bool)
    /// Retyping a critical value; `first` is the canonical first entry.
    case confirming(first: String?, EditLine)
    /// Typing a student name or CCCD to find.
    case searching(EditLine)
    /// Typing the reason for accepting an error finding.
    case acknowledging(findingID: Int64, EditLine)
    /// The key list.
    case help
    /// Fixing the fields of `group` in one pass.
    case group
    /// Esc was pressed in browse mode: the next key is a command letter (Alt plus the letter does the same).
    case command
    /// Typing the number of a record to go to (Esc :).
    case goingTo(EditLine)
  }

  /// A one-line message for the reviewer.
  public struct Notice: Sendable, Hashable {
    /// The text.
    public var text: String
    /// Whether it reports a problem.
    public var isError: Bool
  }

  struct Undo: Sendable, Hashable {
    let recordID: Int64
    let fieldID: Int64
    let value: String?
    let status: ReviewStatus
  }

  /// The message language.
  public let language: Language
  /// The reviewer's name, shown in the title bar.
  public let reviewer: String
  /// The queue, ordered by risk.
  public internal(set) var queue: [QueueItem] = []
  /// The open record.
  public internal(set) var record: RecordSnapshot?
  /// The current field (index into `record.fields`).
  public internal(set) var focusedField: Int?
  /// The keyboard mode.
  public internal(set) var mode: Mode = .browse
  /// The group being fixed in group mode.
  public internal(set) var group: ReviewGroup?
  /// The last message.
  public internal(set) var notice: Notice?
  /// True once the reviewer quit.
  public internal(set) var isFinished = false
  /// Records reviewed in this session.
  public internal(set) var reviewedCount = 0
  /// Whether `render(size:)` keeps a box for the current field's scanned snippet (off: the path is shown).
  public var showsSnippets = false

  var layout: GridLayout?
  var undoStack: [Undo] = []
  var keystrokes = 0
  var focusedSince: Double = 0
  var refused: Set<Int64> = []
  var approving = false

  /// Creates an empty session; call `start()` for the first effects.
  public init(language: Language, reviewer: String) {
    self.language = language
    self.reviewer = reviewer
  }

  /// The first effects: load the queue.
  public func start() -> [ReviewEffect] { [.loadQueue] }

  /// The current field, if any.
  public var currentField: FieldSnapshot? { focusedField.flatMap { record?.fields[$0] } }

  /// Applies one message at time `now` (seconds, any origin) and returns the effects to perform.
  public mutating func update(_ message: ReviewMessage, now: Double = 0) -> [ReviewEffect] {
    switch message {
    case .key(let key): return handle(key, now: now)
    case .queueLoaded(let items):
      queue = items
      guard record == nil else { return [] }
      return openCandidate(after: nil)
    case .opened(let snapshot):
      show(snapshot, keepingField: nil, now: now)
      return []
    case .openRefused(let recordID, let reason):
      refused.insert(recordID)
      notice = Notice(text: reason, isError: true)
      return openCandidate(after: recordID, quiet: true)
    case .saved(let field):
      groupSaved(field)
      guard let index = record?.fields.firstIndex(where: { $0.id == field.id }) else { return [] }
      record?.fields[index] = field
      return []
    case .saveFailed(let reason, let reloaded) where mode == .group:
      groupSaveFailed(reason: reason, reloaded: reloaded, now: now)
      return []
    case .groupLoaded(let key, let entries):
      enterGroup(key, entries, now: now)
      return []
    case .saveFailed(let reason, let reloaded):
      notice = Notice(text: reason, isError: true)
      mode = .browse
      if let reloaded { show(reloaded, keepingField: currentField?.id, now: now) }
      return []
    case .acknowledged(let findingID, let reason):
      if let index = record?.findings.firstIndex(where: { $0.id == findingID }) {
        record?.findings[index].acknowledgement = reason
      }
      return approving ? approve() : []
    case .approved(let recordID):
      approving = false
      reviewedCount += 1
      queue.removeAll { $0.recordID == recordID }
      record = nil
      layout = nil
      focusedField = nil
      notice = Notice(text: Text.reviewed(recordID, language), isError: false)
      return openCandidate(after: nil)
    case .failed(let text):
      approving = false
      notice = Notice(text: text, isError: true)
      return []
    case .findingsChanged(let recordID, let findings):
      guard record?.recordID == recordID else { return [] }
      record?.findings = findings
      return []
    }
  }

  // MARK: - Records

  mutating func show(_ snapshot: RecordSnapshot, keepingField fieldID: Int64?, now: Double) {
    record = snapshot
    let layout = GridLayout(snapshot, language: language)
    self.layout = layout
    mode = .browse
    if let fieldID, let index = snapshot.fields.firstIndex(where: { $0.id == fieldID }) {
      focusedField = index
    } else {
      focusedField =
        layout.order.first { snapshot.fields[$0].status == .pending } ?? layout.order.first
    }
    keystrokes = 0
    focusedSince = now
  }

  /// Opens the first queue entry after `recordID` (or from the start) that is free; reports an empty queue.
  mutating func openCandidate(after recordID: Int64?, quiet: Bool = false) -> [ReviewEffect] {
    let start = recordID.flatMap { id in queue.firstIndex { $0.recordID == id }.map { $0 + 1 } } ?? 0
    let ordered = Array(queue[min(start, queue.count)...]) + Array(queue[..<min(start, queue.count)])
    let candidate = ordered.first { item in
      !refused.contains(item.recordID) && item.claimedBy == nil && item.recordID != record?.recordID
    }
    guard let candidate else {
      if !quiet || record == nil { notice = Notice(text: Text.queueEmpty(language), isError: false) }
      return []
    }
    return [.open(recordID: candidate.recordID)]
  }

  mutating func nextRecord() -> [ReviewEffect] {
    guard let current = record else { return openCandidate(after: nil) }
    let next = openCandidate(after: current.recordID)
    guard !next.isEmpty else { return [] }
    return [.release(recordID: current.recordID)] + next
  }

  // MARK: - Focus

  mutating func focus(_ field: Int?, now: Double) {
    guard let field, field != focusedField else { return }
    focusedField = field
    keystrokes = 0
    focusedSince = now
  }

  mutating func step(_ delta: Int, now: Double) {
    guard let layout, let current = focusedField, let at = layout.order.firstIndex(of: current) else { return }
    let next = at + delta
    if layout.order.indices.contains(next) { focus(layout.order[next], now: now) }
  }

  /// Moves to the next field awaiting review after the current one (wrapping), or reports that none is left.
  mutating func advanceToPending(now: Double) {
    guard let layout, let record else { return }
    let at = focusedField.flatMap { layout.order.firstIndex(of: $0) } ?? -1
    let after = layout.order[(at + 1)...] + layout.order[..<max(at + 1, 0)]
    if let next = after.first(where: { record.fields[$0].status == .pending }) {
      focus(next, now: now)
    } else {
      notice = Notice(text: Text.allSeen(language), isError: false)
      step(1, now: now)
    }
  }

  // MARK: - Decisions

  /// Stores `value` for the current field (accepted when unchanged) and moves on to the next pending field.
  mutating func commit(_ value: String?, now: Double) -> [ReviewEffect] {
    mode = .browse
    guard let record, let index = focusedField else { return [] }
    let field = record.fields[index]
    let unchanged = value == field.value
    if unchanged && field.status != .pending {
      advanceToPending(now: now)
      return []
    }
    let status: ReviewStatus = unchanged ? .accepted : .corrected
    let change = FieldChange(
      recordID: record.recordID, fieldID: field.id, path: field.path, expectedVersion: field.version, value: value,
      status: status, reason: nil, keystrokes: keystrokes, seconds: max(0, now - focusedSince))
    undoStack.append(Undo(recordID: record.recordID, fieldID: field.id, value: field.value, status: field.status))
    self.record?.fields[index].value = value
    self.record?.fields[index].status = status
    self.record?.fields[index].version += 1
    if !unchanged { notice = nil }
    advanceToPending(now: now)
    return [.save(change)]
  }

  mutating func undo(now: Double) -> [ReviewEffect] {
    guard let record, let last = undoStack.last, last.recordID == record.recordID,
      let index = record.fields.firstIndex(where: { $0.id == last.fieldID })
    else {
      notice = Notice(text: Text.nothingToUndo(language), isError: false)
      return []
    }
    undoStack.removeLast()
    let field = record.fields[index]
    let change = FieldChange(
      recordID: record.recordID, fieldID: field.id, path: field.path, expectedVersion: field.version,
      value: last.value, status: last.status, reason: "undo", keystrokes: 1, seconds: 0)
    self.record?.fields[index].value = last.value
    self.record?.fields[index].status = last.status
    self.record?.fields[index].version += 1
    focus(index, now: now)
    notice = Notice(text: Text.undone(language), isError: false)
    return [.save(change)]
  }

  /// Approves when nothing blocks; otherwise points at what does (pending fields, then open errors).
  mutating func approve() -> [ReviewEffect] {
    guard let record, let layout else { return [] }
    let pending = layout.order.filter { record.fields[$0].status == .pending }
    if let first = pending.first {
      approving = false
      focusedField = first
      notice = Notice(text: Text.stillPending(pending.count, language), isError: true)
      return []
    }
    if let open = record.findings.first(where: { $0.isError && $0.acknowledgement == nil }) {
      approving = true
      mode = .acknowledging(findingID: open.id, EditLine())
      notice = Notice(text: Text.acknowledgePrompt(open, language), isError: true)
      return []
    }
    approving = false
    return [.approve(recordID: record.recordID)]
  }
}
