import Foundation
import HocBaModel
import ReviewStore
import ReviewUI
import Testing

/// Issue 19 item 3: in browse mode a printable character always starts an edit of the focused field; commands are
/// Ctrl-keys, F-keys or Esc + letter. Keys go through the model, its saves into a real store.
struct TypingOverFieldsTests {
  let patch: (SchoolYearRecord, String, String?) throws -> SchoolYearRecord = {
    try RecordFieldWriter.apply(path: $1, value: $2, to: $0)
  }

  /// The open record as the station loads it from the store.
  static func snapshot(_ database: ReviewDatabase, _ id: Int64) throws -> RecordSnapshot {
    let stored = try #require(try database.record(id: id))
    let fields = try database.reviewFields(recordID: id).map { field in
      let observation = field.observation
      return FieldSnapshot(
        id: observation.id!, path: observation.path, kind: FieldKind(rawValue: field.type ?? "text") ?? .text,
        critical: field.critical, rawText: observation.rawText, value: observation.normalizedValue,
        confidence: observation.confidence, status: ReviewStatus(rawValue: observation.status.rawValue)!,
        version: field.version, cropPath: observation.cropPath)
    }
    return RecordSnapshot(recordID: id, record: stored.record, state: stored.state, fields: fields, findings: [])
  }

  /// Feeds keys to the model and performs its saves on the store, as the runner would.
  struct Station {
    var model = ReviewModel(language: .vietnamese, reviewer: "Lan")
    let database: ReviewDatabase
    let patch: (SchoolYearRecord, String, String?) throws -> SchoolYearRecord
    var effects: [ReviewEffect] = []

    mutating func press(_ key: Key) throws {
      let produced = model.update(.key(key))
      effects += produced
      for case .save(let change) in produced {
        try database.updateField(
          recordID: change.recordID,
          FieldUpdate(
            fieldID: change.fieldID, expectedVersion: change.expectedVersion, value: change.value,
            status: FieldStatus(rawValue: change.status.rawValue)!, reason: change.reason),
          actor: "Lan", claimToken: nil, patch: patch)
      }
    }

    mutating func type(_ text: String) throws { for character in text { try press(.character(character)) } }

    mutating func focus(_ path: String) throws {
      for _ in 0..<40 where model.currentField?.path != path { try press(.tab) }
      for _ in 0..<40 where model.currentField?.path != path { try press(.backTab) }
      #expect(model.currentField?.path == path)
    }
  }

  @Test func namesDatesAndScoresTypedOverFieldsAreStoredAsTyped() throws {
    let made = try ReviewFixture.make()
    var station = Station(database: made.database, patch: patch)
    _ = station.model.update(.queueLoaded([]))
    _ = station.model.update(.opened(try Self.snapshot(made.database, made.recordID)))

    try station.focus("student.fullName")
    for _ in 0..<2 {  // a critical field: typed twice
      try station.type("Nguyễn Thu Hà")
      try station.press(.enter)
    }
    try station.focus("student.birthDate")
    for _ in 0..<2 {
      try station.type("05/09/2010")
      try station.press(.enter)
    }
    try station.focus("subjects.toan.secondTerm")
    try station.type("7,5")
    try station.press(.enter)

    #expect(!station.model.isFinished)
    #expect(station.model.mode == .browse)
    #expect(!station.effects.contains { if case .loadGroup = $0 { true } else { false } })
    #expect(!station.effects.contains(.quit))
    let stored = try #require(try made.database.record(id: made.recordID)).record
    #expect(stored.student.fullName == "Nguyễn Thu Hà")
    #expect(stored.student.birthDate.iso == "2010-09-05")
    #expect(stored.subjects.first { $0.code == "toan" }?.secondTerm?.canonical == "7.5")
  }

  @Test func everyCommandLetterTypedInBrowseModeStartsAnEditWithIt() {
    for letter in ["q", "n", "a", "u", "g", "e", "/", "?", "A", ":"] as [Character] {
      var model = ReviewModelTests.opened()
      let effects = model.update(.key(.character(letter)))
      #expect(effects.isEmpty, "\(letter)")
      #expect(model.mode == .editing(EditLine(String(letter)), fresh: false), "\(letter)")
    }
  }

  @Test func commandsAreCtrlKeysOrEscapeThenALetter() {
    var model = ReviewModelTests.opened()
    #expect(model.update(.key(.control("n"))) == [.release(recordID: 1), .open(recordID: 2)])
    model = ReviewModelTests.opened()
    #expect(model.update(.key(.escape)).isEmpty)
    #expect(model.mode == .command)
    #expect(model.render(size: TerminalSize(columns: 120, rows: 40)).text.contains("q thoát"))
    #expect(model.update(.key(.character("n"))) == [.release(recordID: 1), .open(recordID: 2)])
    #expect(model.mode == .browse)
    model = ReviewModelTests.opened()
    _ = model.update(.key(.escape))
    #expect(model.update(.key(.escape)).isEmpty)
    #expect(model.mode == .browse)
    #expect(model.update(.key(.control("q"))) == [.quit])
    #expect(model.isFinished)
  }

  @Test func escapeColonAndANumberGoesToThatRecord() {
    var model = ReviewModelTests.opened()
    _ = model.update(.key(.escape))
    _ = model.update(.key(.character(":")))
    _ = ReviewModelTests.type("2", into: &model)
    #expect(model.render(size: TerminalSize(columns: 120, rows: 40)).text.contains("Đến hồ sơ số: 2"))
    #expect(model.update(.key(.enter)) == [.release(recordID: 1), .open(recordID: 2)])
    model = ReviewModelTests.opened()
    _ = model.update(.key(.control("o")))
    _ = ReviewModelTests.type("#9", into: &model)
    #expect(model.update(.key(.enter)).isEmpty)
    #expect(model.notice?.text.contains("#9 không có trong hàng đợi") == true)
    _ = model.update(.key(.control("o")))
    _ = ReviewModelTests.type("abc", into: &model)
    #expect(model.update(.key(.enter)).isEmpty)
    #expect(model.notice?.isError == true)
  }

  @Test func ctrlUClearsToTheStartAndCtrlWDeletesTheWordBeforeTheCursor() {
    var line = EditLine("Nguyễn Thu  Hà")
    _ = line.handle(.control("w"))
    #expect(line.text == "Nguyễn Thu  ")
    _ = line.handle(.control("w"))
    #expect(line.text == "Nguyễn ")
    _ = line.handle(.left)
    _ = line.handle(.left)
    _ = line.handle(.control("u"))
    #expect(line.text == "n ")
    #expect(line.cursor == 0)
    _ = line.handle(.control("e"))
    #expect(line.cursor == 2)
    _ = line.handle(.control("u"))
    #expect(line.text.isEmpty)

    var model = ReviewModelTests.opened()
    _ = ReviewModelTests.type("7,55", into: &model)
    _ = model.update(.key(.control("u")))
    _ = ReviewModelTests.type("7,5", into: &model)
    #expect(model.mode == .editing(EditLine("7,5"), fresh: false))
  }
}
