import HocBaModel
import ReviewUI
import Testing

/// Group mode (`g`): every field awaiting review with the same finding or OCR text, fixed in one pass.
struct GroupModeTests {
  static let key = GroupKey.finding(ruleCode: "C02", pathSuffix: "fullYear")

  /// The toán year score of record 1 (open), of record 2 (free) and of record 3 (held by Minh).
  static func entries() -> [GroupEntry] {
    let names = [1: "Nguyen Thi Thuy", 2: "Trần Văn Bình", 3: "Lê Thị Cúc"]
    return (1...3).compactMap { number -> GroupEntry? in
      var record = ReviewModelTests.snapshot(recordID: Int64(number))
      for index in record.fields.indices { record.fields[index].id += Int64(100 * (number - 1)) }
      return key.entries(
        in: record, studentName: names[number]!, claimedBy: number == 3 ? "Minh" : nil, language: .vietnamese
      ).first
    }
  }

  /// Record 1 open, its toán year score focused, the group loaded.
  static func grouped(_ language: Language = .vietnamese) -> ReviewModel {
    var model = ReviewModelTests.opened(language)
    while model.currentField?.path != "subjects.toan.fullYear" { _ = model.update(.key(.tab)) }
    let record = model.record!
    #expect(GroupKey(model.currentField!, in: record) == key)
    #expect(model.update(.key(.control("g"))) == [.loadGroup(key)])
    #expect(model.update(.groupLoaded(key, entries())).isEmpty)
    return model
  }

  @Test func aFindingGroupsTheSameRuleOnTheSamePathSuffix() throws {
    let record = ReviewModelTests.snapshot()
    let matching = record.fields.filter { Self.key.matches($0, in: record) }.map(\.path)
    #expect(matching == ["subjects.toan.fullYear"])
    let name = record.fields.first { $0.path == "student.fullName" }!
    #expect(GroupKey(name, in: record) == .rawText("Nguyen Thi Thuy", kind: .name))
  }

  @Test func enteringListsTheGroupWithTheCurrentFieldSelected() throws {
    let model = Self.grouped()
    #expect(model.mode == .group)
    let group = try #require(model.group)
    #expect(group.entries.map(\.recordID) == [1, 2, 3])
    #expect(group.entries.allSatisfy { $0.field.path == "subjects.toan.fullYear" })
    #expect(group.selected == 0)
    #expect(group.entries.map(\.isEditable) == [true, true, false])
  }

  @Test func acceptAllNeverTakesACriticalField() throws {
    var model = Self.grouped()
    #expect(model.group!.entries.allSatisfy { $0.field.critical })
    let effects = model.update(.key(.control("a")), now: 4)
    #expect(effects.isEmpty)
    #expect(model.group!.entries.map(\.outcome) == [.open, .open, .open])
    #expect(model.notice?.text.contains("Còn 2 ô quan trọng hoặc độ tin cậy thấp") == true)
  }

  /// Ngữ văn HK I read as “7,2” on records 2–5: record 5's read is low-confidence and record 4's is critical.
  static func rawTextGroup() -> (ReviewModel, GroupKey) {
    var model = ReviewModelTests.opened()
    let key = GroupKey.rawText("7,2", kind: .score)
    let entries = (2...5).map { number -> GroupEntry in
      var record = ReviewModelTests.snapshot(recordID: Int64(number))
      var field = record.fields.first { $0.path == "subjects.ngu-van.firstTerm" }!
      field.id += Int64(100 * number)
      field.status = .pending
      field.confidence = number == 5 ? 52 : 93
      field.critical = number == 4
      record.fields = [field]
      return key.entries(in: record, studentName: "Học Sinh \(number)", claimedBy: nil, language: .vietnamese)[0]
    }
    _ = model.update(.groupLoaded(key, entries))
    return (model, key)
  }

  @Test func acceptAllStoresOneDecisionPerHighConfidenceNonCriticalFieldOnly() throws {
    var (model, _) = Self.rawTextGroup()
    #expect(model.mode == .group)
    let effects = model.update(.key(.control("a")), now: 4)
    let changes = effects.compactMap { effect -> FieldChange? in
      if case .save(let change) = effect { change } else { nil }
    }
    #expect(changes.map(\.recordID) == [2, 3])
    #expect(changes.allSatisfy { $0.status == .accepted && $0.value == "7.2" && $0.expectedVersion == 0 })
    #expect(changes.allSatisfy { $0.keystrokes == 1 && $0.reason == "group" })
    #expect(model.group!.entries.map(\.outcome) == [.saving, .saving, .open, .open])
    #expect(model.group?.selected == 2, "the first field left for its own decision is shown")
    #expect(model.notice?.text.contains("Còn 2 ô") == true)

    var stored = model.group!.entries[0].field
    stored.version = 1
    _ = model.update(.saved(stored))
    _ = model.update(.saveFailed(reason: "stale", reloaded: nil))
    #expect(model.group!.entries.map(\.outcome) == [.done, .skipped("stale"), .open, .open])
    #expect(model.mode == .group)
    #expect(model.notice?.isError == true)

    #expect(model.update(.key(.escape)) == [.loadQueue])
    #expect(model.mode == .browse)
    #expect(model.group == nil)
  }

  @Test func groupFieldsShowLabelsAndTheSelectedFieldsSnippetNeverAPath() throws {
    var (model, _) = Self.rawTextGroup()
    model.showsSnippets = true
    _ = model.update(.key(.down))
    _ = model.update(.key(.down))
    _ = model.update(.key(.down))
    let screen = model.render(size: TerminalSize(columns: 120, rows: 40))
    #expect(!screen.text.contains("subjects."), "\(screen.text)")
    #expect(screen.text.contains("Ngữ văn · HK I"))
    #expect(screen.text.contains("Độ tin cậy thấp: so với ảnh"), "\(screen.text)")
    #expect(screen.snippet?.cropPath == "crops/p2/subjects.ngu-van.firstTerm.png")
    #expect((screen.snippet?.rows ?? 0) >= 4)
    let titled = Self.grouped().render(size: TerminalSize(columns: 120, rows: 40)).text
    #expect(titled.contains("lỗi C02 ở “Cả năm”"), "\(titled)")
    #expect(titled.contains("Toán · Cả năm"))
    #expect(!titled.contains("subjects.toan"))
  }

  @Test func aChangedCriticalValueIsTypedTwiceAndHeldRecordsAreReadOnly() throws {
    var model = Self.grouped()
    _ = ReviewModelTests.type("7,0", into: &model)
    #expect(model.update(.key(.enter)).isEmpty)
    #expect(model.group?.firstEntry == .some("7.0"))
    _ = ReviewModelTests.type("7,0", into: &model)
    let change = try #require(ReviewModelTests.saved(model.update(.key(.enter), now: 3)))
    #expect(change.status == .corrected && change.value == "7.0" && change.keystrokes == 8)
    #expect(model.group?.selected == 1)
    _ = model.update(.key(.down))
    #expect(model.update(.key(.enter)).isEmpty)
    #expect(model.notice?.text.contains("Minh") == true)
  }
}
