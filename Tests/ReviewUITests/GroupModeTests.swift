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
        in: record, studentName: names[number]!, claimedBy: number == 3 ? "Minh" : nil
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

  @Test func acceptAllStoresOneDecisionPerEditableField() throws {
    var model = Self.grouped()
    let effects = model.update(.key(.control("a")), now: 4)
    let changes = effects.compactMap { effect -> FieldChange? in
      if case .save(let change) = effect { change } else { nil }
    }
    #expect(changes.count == 2)
    #expect(changes.map(\.recordID) == [1, 2])
    #expect(changes.allSatisfy { $0.status == .accepted && $0.value == "6.5" && $0.expectedVersion == 0 })
    #expect(changes.allSatisfy { $0.keystrokes == 1 && $0.reason == "group" })
    #expect(model.record?.fields.first { $0.id == changes[0].fieldID }?.status == .accepted)

    var stored = model.group!.entries[0].field
    stored.version = 1
    _ = model.update(.saved(stored))
    _ = model.update(.saveFailed(reason: "stale", reloaded: nil))
    let outcomes = model.group!.entries.map(\.outcome)
    #expect(outcomes == [.done, .skipped("stale"), .open])
    #expect(model.mode == .group)
    #expect(model.notice?.isError == true)

    #expect(model.update(.key(.escape)) == [.loadQueue])
    #expect(model.mode == .browse)
    #expect(model.group == nil)
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
