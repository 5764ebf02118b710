/// Why a reviewed value cannot be written into a record.
public enum FieldWriteError: HocBaError, Equatable {
  /// The path names no field of a school-year record.
  case unknownPath(String)
  /// The canonical value does not fit the field (the path is named; the value is never repeated).
  case invalidValue(path: String)

  /// Always invalid input.
  public var kind: ErrorKind { .invalidInput }

  /// What failed, without the value.
  public func message(in language: Language) -> String {
    switch self {
    case .unknownPath(let path):
      language.pick(
        "Không có ô dữ liệu “\(path)” trong hồ sơ: xem danh sách ô bằng \"hocba fields\".",
        "There is no field “\(path)” in a record: list the fields with \"hocba fields\".")
    case .invalidValue(let path):
      language.pick(
        "Giá trị không hợp lệ cho ô “\(path)”: kiểm tra lại theo bản giấy.",
        "The value does not fit field “\(path)”: check it against the paper.")
    }
  }
}

/// Writes one reviewed field value into a record: the inverse of the importer's path → record mapping.
public enum RecordFieldWriter {
  /// Paths kept as evidence only (the year page's copy of the name, the history table, signatures' titles).
  static func isEvidenceOnly(_ path: String) -> Bool {
    path == "header.fullName" || path.hasPrefix("history[") || path == "approval.title"
      || path == "summary.average.reassessment"
  }

  /// The record with `path` set to the canonical `value` (nil clears it).
  public static func apply(
    path: String, value: String?, to original: SchoolYearRecord
  ) throws(FieldWriteError) -> SchoolYearRecord {
    var record = original
    let parts = path.split(separator: ".").map(String.init)
    func parsed<T>(_ make: (String) -> T?) throws(FieldWriteError) -> T? {
      guard let value else { return nil }
      guard let result = make(value) else { throw .invalidValue(path: path) }
      return result
    }
    if isEvidenceOnly(path) { return record }
    switch parts.first {
    case "student":
      try writeStudent(Array(parts.dropFirst()), value: value, path: path, into: &record.student)
    case "header":
      switch path {
      case "header.schoolYear":
        guard let year = try parsed(SchoolYear.init(parsing:)) else { throw .invalidValue(path: path) }
        record.schoolYear = year
      case "header.className":
        guard let value, let grade = Int(value.prefix { $0.isASCII && $0.isNumber }), (6...12).contains(grade)
        else { throw .invalidValue(path: path) }
        record.className = value
        record.grade = grade
      default: throw .unknownPath(path)
      }
    case "subjects":
      guard parts.count == 3 else { throw .unknownPath(path) }
      if parts[2] == "comment" {
        try writeSubject(code: parts[1], path: path, into: &record) { $0.comment = value?.nfc }
        return record
      }
      let assessment = try parsed(Assessment.init(parsing:))
      try writeSubject(code: parts[1], column: parts[2], assessment, path: path, into: &record)
    case "summary":
      guard parts.count == 3 else { throw .unknownPath(path) }
      record.summary = try SummaryWriter.write(
        record.summary, group: parts[1], column: parts[2], value: value, path: path)
    case "absences": record.absences = try parsed { Int($0) }
    case "corrections" where path == "corrections.subjects":
      guard let band = GradeBand(grade: record.grade) else { throw .invalidValue(path: path) }
      record.corrections.subjectCodes =
        try parsed { SubjectCatalog.codes(forNames: $0, regime: record.regime, band: band) } ?? []
    case "corrections": record.corrections.count = try parsed { Int($0) } ?? 0
    case "promotion": record.promotion = try parsed(PromotionDecision.init(rawValue:))
    case "awards": record.awards = value.map { [$0] } ?? []
    case "homeroomComment": record.homeroomComment = value
    case "homeroomTeacher": record.homeroomTeacher = value
    case "approval" where path == "approval.fullName":
      if let value {
        var approval = record.approval ?? PrincipalApproval(fullName: value, title: "Hiệu trưởng")
        approval.fullName = value.nfc
        record.approval = approval
      } else {
        record.approval = nil
      }
    default: throw .unknownPath(path)
    }
    return record
  }

  private static func writeStudent(
    _ parts: [String], value: String?, path: String, into student: inout StudentIdentity
  ) throws(FieldWriteError) {
    switch parts.joined(separator: ".") {
    case "fullName":
      guard let value, !value.isEmpty else { throw .invalidValue(path: path) }
      student.fullName = value.nfc
    case "birthDate":
      guard let date = value.flatMap(CalendarDate.init(parsing:)) else { throw .invalidValue(path: path) }
      student.birthDate = date
    case "citizenID":
      guard let value else {
        student.citizenID = nil
        return
      }
      guard let id = try? CitizenID(parsing: value) else { throw .invalidValue(path: path) }
      student.citizenID = id
    case "sex":
      switch value?.lowercased() {
      case "nam", "1": student.sex = .male
      case "nữ", "2": student.sex = .female
      default: student.sex = .unknown
      }
    case "birthPlace": student.birthPlace = value?.nfc
    case "ethnicity": student.ethnicity = value?.nfc
    case "nationality": student.nationality = value?.nfc
    case "residence": student.residence = value?.nfc
    case _ where parts.count == 2 && ["father", "mother", "guardian"].contains(parts[0]):
      let who = parts[0]
      let part = parts[1]
      let keyPath: WritableKeyPath<StudentIdentity, Guardian?> =
        who == "father" ? \.father : who == "mother" ? \.mother : \.guardian
      var guardian = student[keyPath: keyPath]
      switch part {
      case "fullName":
        guardian = value.map { Guardian(fullName: $0, occupation: guardian?.occupation) }
      case "occupation":
        guard guardian != nil else { throw .invalidValue(path: path) }
        guardian?.occupation = value?.nfc
      default: throw .unknownPath(path)
      }
      student[keyPath: keyPath] = guardian
    default: throw .unknownPath(path)
    }
  }

  private static func writeSubject(
    code: String, column: String, _ assessment: Assessment?, path: String, into record: inout SchoolYearRecord
  ) throws(FieldWriteError) {
    let keyPath: WritableKeyPath<SubjectResult, Assessment?>
    switch column {
    case "firstTerm": keyPath = \.firstTerm
    case "secondTerm": keyPath = \.secondTerm
    case "fullYear": keyPath = \.fullYear
    case "reassessment": keyPath = \.reassessment
    default: throw .unknownPath(path)
    }
    try writeSubject(code: code, path: path, into: &record) { $0[keyPath: keyPath] = assessment }
  }

  /// Applies `change` to the subject's row, adding the row (in catalogue order) when the record has none yet.
  private static func writeSubject(
    code: String, path: String, into record: inout SchoolYearRecord, _ change: (inout SubjectResult) -> Void
  ) throws(FieldWriteError) {
    var index = record.subjects.firstIndex { $0.code == code }
    if index == nil {
      guard let band = GradeBand(grade: record.grade),
        let definition = SubjectCatalog.definition(code: code, regime: record.regime, band: band)
      else { throw .unknownPath(path) }
      let order = SubjectCatalog.subjects(regime: record.regime, grade: record.grade).map(\.code)
      let position = order.firstIndex(of: code) ?? order.count
      let insertAt =
        record.subjects.firstIndex { (order.firstIndex(of: $0.code) ?? order.count) > position }
        ?? record.subjects.count
      record.subjects.insert(SubjectResult(code: code, name: definition.name), at: insertAt)
      index = insertAt
    }
    guard let index else { throw .unknownPath(path) }
    change(&record.subjects[index])
  }
}
