import GRDB
import HocBaModel
import HocBaSamples
import TestSupport
import Testing

@testable import ReviewStore

@Suite("Records, students, staff, school, fields and scans")
struct RegistryTests {
  @Test("records round-trip through the JSON payload", arguments: StoreKind.allCases)
  func roundTrip(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let ids = try SampleRecords.all.map { try database.insertRecord($0, actor: "test") }
      let stored = try database.records()
      #expect(stored.map(\.id) == ids)
      #expect(stored.map(\.record) == SampleRecords.all)
      #expect(stored.allSatisfy { $0.state == .imported && $0.updatedAt.hasSuffix("Z") })
      #expect(try database.record(id: 4242) == nil)
      let payload = try database.rawRead {
        try String.fetchOne($0, sql: "SELECT payload FROM record WHERE id = ?", arguments: [ids[0]])
      }
      #expect(payload?.contains("\"absences\":2") == true)  // sorted-keys JSON, no spaces
    }
  }

  @Test("a second record for the same student and year is refused", arguments: StoreKind.allCases)
  func duplicateRecord(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let id = try database.insertRecord(SampleRecords.tt22Secondary, actor: "test")
      #expect(throws: StoreError.duplicateRecord(existingRecordID: id)) {
        try database.insertRecord(SampleRecords.tt22Secondary, actor: "test")
      }
      var nextYear = SampleRecords.tt22Secondary
      nextYear.schoolYear = SchoolYear(startYear: 2024)!
      nextYear.grade = 9
      let second = try database.insertRecord(nextYear, actor: "test")
      #expect(throws: StoreError.duplicateRecord(existingRecordID: id)) {
        try database.updateRecord(id: second, SampleRecords.tt22Secondary, actor: "test", reason: nil)
      }
      let students = try database.rawRead { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM student") }
      #expect(students == 1)
    }
  }

  @Test("students without CCCD are keyed by name and birth date, and gain the CCCD later")
  func studentKey() throws {
    let database = try ReviewDatabase.makeInMemory()
    var withoutID = SampleRecords.tt58Secondary
    withoutID.student.citizenID = nil
    _ = try database.insertRecord(withoutID, actor: "test")
    var later = withoutID
    later.schoolYear = SchoolYear(startYear: 2021)!
    #expect(throws: StoreError.duplicateRecord(existingRecordID: 1)) {
      try database.insertRecord(withoutID, actor: "test")
    }
    _ = try database.insertRecord(later, actor: "test")
    var withID = SampleRecords.tt58Secondary
    withID.schoolYear = SchoolYear(startYear: 2022)!
    _ = try database.insertRecord(withID, actor: "test")
    let students = try database.rawRead { try Row.fetchAll($0, sql: "SELECT citizen_id FROM student") }
    #expect(students.count == 1)
    #expect(students.first?["citizen_id"] == SampleRecords.tt58Secondary.student.citizenID?.digits)
  }

  @Test("an inactive staff member needs a departure date", arguments: StoreKind.allCases)
  func staffDeparture(kind: StoreKind) throws {
    try kind.withDatabase { database in
      #expect(throws: StoreError.departureDateMissing) {
        try database.addStaff(StaffMember(fullName: "A", role: .subjectTeacher, active: false), actor: "ht")
      }
      let error = #expect(throws: DatabaseError.self) {
        try database.raw {
          try $0.execute(sql: "INSERT INTO staff (full_name, role, subjects, active) VALUES ('A', 'clerk', '', 0)")
        }
      }
      #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK)
      let id = try database.addStaff(
        StaffMember(fullName: "Đỗ Văn Minh", role: .subjectTeacher, subjects: ["toan", "tin-hoc"]), actor: "ht")
      let left = CalendarDate(year: 2024, month: 8, day: 31)!
      try database.markDeparted(staffID: id, on: left, actor: "ht")
      let member = try #require(try database.staff().first)
      #expect(member.id == id && !member.active && member.departedOn == left)
      #expect(member.subjects == ["toan", "tin-hoc"] && member.role == .subjectTeacher)
      #expect(throws: StoreError.staffNotFound(staffID: 99)) {
        try database.markDeparted(staffID: 99, on: left, actor: "ht")
      }
    }
  }

  @Test("the school configuration round-trips and can be replaced", arguments: StoreKind.allCases)
  func schoolConfiguration(kind: StoreKind) throws {
    try kind.withDatabase { database in
      #expect(try database.schoolConfiguration() == nil)
      var school = SchoolConfiguration(
        name: "Trường THCS Đại An", code: "37001203", province: "Ninh Bình", signingPolicy: .principalAndSchool)
      try database.configureSchool(school, actor: "ht")
      #expect(try database.schoolConfiguration() == school)
      school.signingPolicy = .teachersPrincipalSchool
      try database.configureSchool(school, actor: "ht")
      #expect(try database.schoolConfiguration() == school)
      #expect(try database.verifyAuditChain() == .intact(rows: 2))
    }
  }

  @Test("status summary counts records per state and pending fields", arguments: StoreKind.allCases)
  func statusSummary(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let first = try database.insertRecord(SampleRecords.tt22Secondary, actor: "t")
      let second = try database.insert(SampleRecords.tt22Upper, walkingTo: .approved)
      _ = try database.insert(SampleRecords.tt58Secondary, walkingTo: .sealed)
      let a = try database.addField(
        FieldObservation(
          recordID: first, path: "bangDiem.toan.hk1", rawText: "6,6", confidence: 71.5,
          box: FieldBox(x: 1, y: 2, width: 3, height: 4)), actor: "ocr")
      _ = try database.addField(FieldObservation(recordID: first, path: "bangDiem.toan.hk2"), actor: "ocr")
      _ = try database.addField(FieldObservation(recordID: second, path: "p", status: .accepted), actor: "ocr")
      try database.setFieldStatus(fieldID: a, to: .corrected, correctedValue: "6,8", actor: "gv", reason: nil)

      let summary = try database.statusSummary()
      #expect(summary.records == 3)
      #expect(summary.fieldsAwaitingReview == 1)
      #expect(summary.countsByState[.imported] == 1)
      #expect(summary.countsByState[.approved] == 1)
      #expect(summary.countsByState[.sealed] == 1)
      #expect(summary.countsByState[.inReview] == 0)

      let fields = try database.fields(recordID: first)
      #expect(fields.map(\.status) == [.corrected, .pending])
      #expect(fields[0].normalizedValue == "6,8" && fields[0].confidence == 71.5)
      #expect(fields[0].box == FieldBox(x: 1, y: 2, width: 3, height: 4))
      #expect(throws: StoreError.fieldNotFound(fieldID: 77)) {
        try database.setFieldStatus(fieldID: 77, to: .accepted, actor: "gv")
      }
      #expect(throws: StoreError.notFound(recordID: 77)) {
        try database.addField(FieldObservation(recordID: 77, path: "p"), actor: "ocr")
      }
    }
  }

  @Test("findings are stored per record", arguments: StoreKind.allCases)
  func findings(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let id = try database.insertRecord(SampleRecords.tt22Secondary, actor: "t")
      let finding = StoredFinding(
        recordID: id, fieldPath: "bangDiem.toan.cn", ruleCode: "DTB-CN", severity: .warning, detail: "ĐTB lệch")
      let findingID = try database.addFinding(finding, actor: "rules")
      var expected = finding
      expected.id = findingID
      #expect(try database.findings(recordID: id) == [expected])
    }
  }

  @Test("a scan is registered once per SHA-256", arguments: StoreKind.allCases)
  func scans(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let hash = String(repeating: "ab", count: 32)
      let first = try database.registerScan(sha256: hash, fileName: "so-hoc-ba-001.tif", pageCount: 4)
      #expect(!first.alreadyKnown)
      let again = try database.registerScan(sha256: hash, fileName: "copy.tif", pageCount: 4)
      #expect(again == ScanRegistration(id: first.id, alreadyKnown: true))
      let page = try database.addPage(
        scanID: first.id, pageNumber: 1, contentSHA256: String(repeating: "cd", count: 32))
      _ = try database.addField(
        FieldObservation(
          recordID: try database.insertRecord(SampleRecords.tt22Upper, actor: "t"),
          pageID: page, path: "p"), actor: "ocr")
      #expect(throws: StoreError.self) { try database.addPage(scanID: first.id, pageNumber: 1, contentSHA256: nil) }
      #expect(try database.verifyAuditChain() == .intact(rows: 6))
    }
  }

  @Test("error messages exist in both languages and carry no student data")
  func errorMessages() {
    let errors: [StoreError] = [
      .cannotOpen(path: "/x/review.sqlite"), .sealed(recordID: 1),
      .transitionRefused(recordID: 1, from: .imported, to: .approved), .duplicateRecord(existingRecordID: 2),
      .notFound(recordID: 3), .staffNotFound(staffID: 4), .fieldNotFound(fieldID: 5), .departureDateMissing,
      .payloadUnreadable(recordID: 6), .database(code: 19, context: "insertRecord"),
    ]
    for error in errors {
      for language in Language.allCases {
        let message = error.message(in: language)
        #expect(!message.isEmpty)
        #expect(!message.contains("Nguyễn") && !message.contains("036310004517"))
      }
    }
    #expect(StoreError.sealed(recordID: 1).kind == .refused)
    #expect(StoreError.notFound(recordID: 1).kind == .notFound)
    #expect(StoreError.database(code: 1, context: "x").kind == .io)
  }
}
