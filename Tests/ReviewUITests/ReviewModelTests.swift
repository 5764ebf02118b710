import HocBaModel
import HocBaSamples
import ReviewUI
import Testing

/// The pure core, driven by messages as the terminal runner would, without a terminal.
struct ReviewModelTests {
  static func isDoubleKeyed(_ path: String) -> Bool {
    ["student.fullName", "student.birthDate", "student.citizenID"].contains(path) || path.hasSuffix(".fullYear")
  }

  static func snapshot(recordID: Int64 = 1) -> RecordSnapshot {
    var next: Int64 = 0
    let fields = (ReviewFixture.infoFields + ReviewFixture.yearFields).map { field -> FieldSnapshot in
      next += 1
      let pending = field.confidence < 80 || field.path == "subjects.toan.fullYear"
      return FieldSnapshot(
        id: next, path: field.path, kind: FieldKind(rawValue: field.type)!, critical: isDoubleKeyed(field.path),
        rawText: field.rawText, value: field.normalizedValue, confidence: field.confidence,
        status: pending ? .pending : .accepted, version: 0, cropPath: field.cropPath)
    }
    var record = SampleRecords.tt22Secondary
    record.student.fullName = "Nguyen Thi Thuy"
    return RecordSnapshot(
      recordID: recordID, record: record, state: .inReview, fields: fields,
      findings: [
        FindingSnapshot(
          id: 7, fieldPath: "subjects.toan.fullYear", ruleCode: "C02", isError: true,
          detail: "Điểm cả năm không bằng (HK I + 2 × HK II) / 3.")
      ])
  }

  static let queue = [
    QueueItem(
      recordID: 1, studentName: "Nguyen Thi Thuy", schoolYear: "2023-2024", className: "8A1", pendingFields: 5,
      openErrors: 1, lowestConfidence: 58),
    QueueItem(
      recordID: 2, studentName: "Trần Văn Bình", citizenID: "036210001234", schoolYear: "2023-2024", className: "8A2",
      pendingFields: 2, openErrors: 0, lowestConfidence: 70),
  ]

  /// A session with record 1 open.
  static func opened(_ language: Language = .vietnamese) -> ReviewModel {
    var model = ReviewModel(language: language, reviewer: "Lan")
    #expect(model.start() == [.loadQueue])
    #expect(model.update(.queueLoaded(queue)) == [.open(recordID: 1)])
    #expect(model.update(.opened(snapshot())).isEmpty)
    return model
  }

  static func type(_ text: String, into model: inout ReviewModel) -> [ReviewEffect] {
    text.flatMap { model.update(.key(.character($0))) }
  }

  static func saved(_ effects: [ReviewEffect]) -> FieldChange? {
    for case .save(let change) in effects { return change }
    return nil
  }

  @Test func acceptingACorrectFlaggedFieldTakesOneKey() throws {
    var model = Self.opened()
    #expect(model.currentField?.path == "student.fullName")
    let change = try #require(Self.saved(model.update(.key(.enter))))
    #expect(change.status == .accepted && change.keystrokes == 1 && change.value == "Nguyen Thi Thuy")
    #expect(model.currentField?.path == "subjects.toan.secondTerm", "Enter moves on to the next flagged field")
  }

  @Test func fixingAWrongScoreTakesTheDigitsPlusOne() throws {
    var model = Self.opened()
    _ = model.update(.key(.enter))
    #expect(Self.type("6,4", into: &model).isEmpty)
    let change = try #require(Self.saved(model.update(.key(.enter))))
    #expect(change.value == "6.4" && change.status == .corrected && change.keystrokes == 4)
    #expect(change.path == "subjects.toan.secondTerm")
  }

  @Test func fixingWithTheEditKeyReplacesThePrefilledValue() throws {
    var model = Self.opened()
    _ = model.update(.key(.enter))
    _ = model.update(.key(.control("e")))
    _ = Self.type("6,4", into: &model)
    let change = try #require(Self.saved(model.update(.key(.enter))))
    #expect(change.value == "6.4" && change.keystrokes == 5)
  }

  @Test func criticalFieldsAreDoubleKeyedAndAMismatchStartsOver() throws {
    var model = Self.opened()
    _ = model.update(.key(.enter))
    _ = model.update(.key(.enter))  // accept HK II as read
    #expect(model.currentField?.path == "subjects.toan.fullYear")
    _ = Self.type("7,1", into: &model)
    #expect(model.update(.key(.enter)).isEmpty)
    guard case .confirming = model.mode else { Issue.record("expected the second entry"); return }
    _ = Self.type("7,2", into: &model)
    #expect(model.update(.key(.enter)).isEmpty)
    #expect(model.notice?.isError == true)
    _ = Self.type("7,1", into: &model)
    _ = model.update(.key(.enter))
    _ = Self.type("7,1", into: &model)
    let change = try #require(Self.saved(model.update(.key(.enter))))
    #expect(change.value == "7.1")
  }

  @Test func invalidValuesAreRefusedImmediately() {
    var model = Self.opened()
    _ = model.update(.key(.enter))
    _ = Self.type("7,55", into: &model)
    guard case .invalid? = model.liveValidation else { Issue.record("expected a live error"); return }
    #expect(model.update(.key(.enter)).isEmpty)
    #expect(model.notice?.isError == true)
    _ = model.update(.key(.escape))
    #expect(model.mode == .browse)
  }

  @Test func vietnameseNameWithDiacriticsIsTypedTwice() throws {
    var model = Self.opened()
    _ = model.update(.key(.f2))
    _ = Self.type("Nguyễn Thị Thuỷ", into: &model)
    _ = model.update(.key(.enter))
    _ = Self.type("Nguyễn Thị Thuỷ", into: &model)
    let change = try #require(Self.saved(model.update(.key(.enter))))
    #expect(change.value == "Nguyễn Thị Thuỷ" && change.path == "student.fullName")
  }

  @Test func undoRestoresThePreviousValueAndStatus() throws {
    var model = Self.opened()
    _ = model.update(.key(.enter))
    _ = Self.type("6,4", into: &model)
    _ = model.update(.key(.enter))
    let change = try #require(Self.saved(model.update(.key(.control("z")))))
    #expect(change.value == "8.4" && change.status == .pending && change.reason == "undo")
    #expect(change.expectedVersion == 1)
  }

  @Test func approvalAsksForPendingFieldsThenAReasonForEachError() {
    var model = Self.opened()
    #expect(model.update(.key(.control("a"))).isEmpty)
    #expect(model.notice?.text.contains("còn 4 ô") == true)
    for _ in 0..<4 { _ = model.update(.key(.enter)) }
    #expect(model.update(.key(.control("a"))).isEmpty)
    guard case .acknowledging(let findingID, _) = model.mode else { Issue.record("expected a reason"); return }
    _ = Self.type("Sổ gốc ghi như vậy", into: &model)
    #expect(
      model.update(.key(.enter)) == [.acknowledge(recordID: 1, findingID: findingID, reason: "Sổ gốc ghi như vậy")])
    #expect(model.update(.acknowledged(findingID: findingID, reason: "Sổ gốc ghi như vậy")) == [.approve(recordID: 1)])
    #expect(model.update(.approved(recordID: 1)) == [.open(recordID: 2)])
    #expect(model.reviewedCount == 1)
  }

  @Test func aRecordHeldByAnotherReviewerIsSkipped() {
    var model = ReviewModel(language: .vietnamese, reviewer: "Minh")
    _ = model.update(.queueLoaded(Self.queue))
    #expect(model.update(.openRefused(recordID: 1, reason: "Lan đang rà soát")) == [.open(recordID: 2)])
  }

  @Test func searchByNameWithoutDiacriticsOrByCCCD() {
    var model = Self.opened()
    _ = model.update(.key(.control("f")))
    _ = Self.type("binh", into: &model)
    #expect(model.update(.key(.enter)) == [.release(recordID: 1), .open(recordID: 2)])
    var other = Self.opened()
    _ = other.update(.key(.control("f")))
    _ = Self.type("0362100", into: &other)
    #expect(other.update(.key(.enter)) == [.release(recordID: 1), .open(recordID: 2)])
  }

  @Test func navigationFollowsTheGrid() {
    var model = Self.opened()
    _ = model.update(.key(.enter))
    #expect(model.currentField?.path == "subjects.toan.secondTerm")
    _ = model.update(.key(.up))
    #expect(model.currentField?.path == "subjects.ngu-van.secondTerm")
    _ = model.update(.key(.tab))
    #expect(model.currentField?.path == "subjects.ngu-van.fullYear")
    _ = model.update(.key(.backTab))
    _ = model.update(.key(.down))
    _ = model.update(.key(.down))
    #expect(model.currentField?.path == "subjects.gdtc.secondTerm")
    #expect(model.update(.key(.control("q"))) == [.quit])
    #expect(model.isFinished)
  }
}
