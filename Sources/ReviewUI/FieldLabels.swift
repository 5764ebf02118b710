import HocBaModel

/// Reviewer-facing names of field paths, in Vietnamese or English.
enum FieldLabels {
  /// The student block, in the order of page 1.
  static let studentPaths = [
    "student.fullName", "header.fullName", "student.sex", "student.birthDate", "student.citizenID",
    "student.birthPlace", "student.ethnicity", "student.nationality", "student.residence",
    "student.father.fullName", "student.father.occupation", "student.mother.fullName",
    "student.mother.occupation", "student.guardian.fullName", "header.schoolYear", "header.className",
  ]

  /// The fields after the results block, in page order.
  static let otherPaths = [
    "absences", "promotion", "awards", "homeroomComment", "homeroomTeacher", "corrections.count",
    "approval.title", "approval.fullName",
  ]

  private static let names: [String: (String, String)] = [
    "student.fullName": ("Họ và tên", "Full name"),
    "header.fullName": ("Họ tên (trang năm)", "Name (year page)"),
    "student.sex": ("Giới tính", "Sex"),
    "student.birthDate": ("Ngày sinh", "Date of birth"),
    "student.citizenID": ("Mã định danh (CCCD)", "Personal ID (CCCD)"),
    "student.birthPlace": ("Nơi sinh", "Place of birth"),
    "student.ethnicity": ("Dân tộc", "Ethnicity"),
    "student.nationality": ("Quốc tịch", "Nationality"),
    "student.residence": ("Chỗ ở hiện tại", "Residence"),
    "student.father.fullName": ("Họ tên cha", "Father"),
    "student.father.occupation": ("Nghề nghiệp của cha", "Father's occupation"),
    "student.mother.fullName": ("Họ tên mẹ", "Mother"),
    "student.mother.occupation": ("Nghề nghiệp của mẹ", "Mother's occupation"),
    "student.guardian.fullName": ("Người giám hộ", "Guardian"),
    "header.schoolYear": ("Năm học", "School year"),
    "header.className": ("Lớp", "Class"),
    "absences": ("Số buổi nghỉ", "Absences"),
    "promotion": ("Lên lớp", "Promotion"),
    "awards": ("Khen thưởng", "Awards"),
    "homeroomComment": ("Nhận xét GVCN", "Homeroom comment"),
    "homeroomTeacher": ("GV chủ nhiệm", "Homeroom teacher"),
    "corrections.count": ("Số chỗ sửa chữa", "Corrections"),
    "approval.title": ("Chức vụ người duyệt", "Approver's title"),
    "approval.fullName": ("Hiệu trưởng", "Principal"),
  ]

  /// The column headings of the tables.
  static func columnHeadings(_ language: Language) -> [String] {
    [
      language.pick("HK I", "Term 1"), language.pick("HK II", "Term 2"), language.pick("Cả năm", "Year"),
      language.pick("Sau ĐGL", "Re-assd"),
    ]
  }

  /// The subjects with fields, in book order, then any others.
  static func subjectCodes(_ snapshot: RecordSnapshot) -> [(code: String, name: String)] {
    let record = snapshot.record
    var result = SubjectCatalog.subjects(regime: record.regime, grade: record.grade).map { ($0.code, $0.name) }
    let codes = snapshot.fields.compactMap { field -> String? in
      let parts = field.path.split(separator: ".")
      return parts.count == 3 && parts[0] == "subjects" ? String(parts[1]) : nil
    }
    for code in codes where !result.contains(where: { $0.0 == code }) {
      result.append((code, record.subjects.first { $0.code == code }?.name ?? code))
    }
    return result.map { (code: $0.0, name: $0.1) }
  }

  /// The rows of the results block for a regime.
  static func summaryGroups(_ regime: Regime, _ language: Language) -> [(key: String, label: String)] {
    regime == .tt22
      ? [
        ("conduct", language.pick("Kết quả rèn luyện", "Conduct")),
        ("learning", language.pick("Kết quả học tập", "Learning")),
      ]
      : [
        ("conduct", language.pick("Hạnh kiểm", "Conduct")), ("rank", language.pick("Học lực", "Academic rank")),
        ("average", language.pick("ĐTB các môn", "Overall average")),
      ]
  }

  /// The name of a path's last component for the reviewer: a table column ("Cả năm") or a field ("Họ và tên").
  static func suffixLabel(_ suffix: String, _ language: Language) -> String {
    if let column = GridLayout.columnKeys.firstIndex(of: suffix) { return columnHeadings(language)[column] }
    let named = names.filter { $0.key.split(separator: ".").last.map(String.init) == suffix }
    if let name = named.min(by: { $0.key < $1.key })?.value { return language.pick(name.0, name.1) }
    return suffix
  }

  /// A field's name for the reviewer, e.g. "Toán · Cả năm".
  static func label(_ path: String, _ record: SchoolYearRecord, _ language: Language) -> String {
    if let name = names[path] { return language.pick(name.0, name.1) }
    let parts = path.split(separator: ".").map(String.init)
    if parts.count == 3, parts[0] == "subjects", parts[2] == "comment" {
      let name =
        record.subjects.first { $0.code == parts[1] }?.name
        ?? SubjectCatalog.entries.first { $0.code == parts[1] }?.name ?? parts[1]
      return "\(name) · " + language.pick("Nhận xét", "Comment")
    }
    if parts.count == 3, let column = GridLayout.columnKeys.firstIndex(of: parts[2]) {
      let heading = columnHeadings(language)[column]
      if parts[0] == "subjects" {
        let name =
          record.subjects.first { $0.code == parts[1] }?.name
          ?? SubjectCatalog.entries.first { $0.code == parts[1] }?.name ?? parts[1]
        return "\(name) · \(heading)"
      }
      if parts[0] == "summary",
        let group = summaryGroups(record.regime, language).first(where: { $0.key == parts[1] })
      {
        return "\(group.label) · \(heading)"
      }
    }
    return path
  }
}
