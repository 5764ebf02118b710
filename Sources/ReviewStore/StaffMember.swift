import HocBaModel

/// A staff member's role in the school, which decides what they may review and sign.
public enum StaffRole: String, Sendable, Hashable, CaseIterable, Codable {
  /// Giáo viên bộ môn.
  case subjectTeacher = "subject_teacher"
  /// Giáo viên chủ nhiệm.
  case homeroomTeacher = "homeroom_teacher"
  /// Học vụ (academic affairs).
  case academicAffairs = "academic_affairs"
  /// Văn thư (clerk).
  case clerk
  /// Hiệu trưởng.
  case principal
  /// Phó hiệu trưởng.
  case vicePrincipal = "vice_principal"
}

/// One entry of the staff registry: a teacher or officer, current or departed.
public struct StaffMember: Sendable, Hashable {
  /// The database id, nil before the member is added.
  public var id: Int64?
  /// The full name as written in the books.
  public var fullName: String
  /// The member's role.
  public var role: StaffRole
  /// The subject codes the member teaches (SubjectCatalog codes such as "toan").
  public var subjects: [String]
  /// Whether the member still works at the school.
  public var active: Bool
  /// The day the member left; required when `active` is false.
  public var departedOn: CalendarDate?

  /// Creates a staff member (active by default).
  public init(
    id: Int64? = nil, fullName: String, role: StaffRole, subjects: [String] = [], active: Bool = true,
    departedOn: CalendarDate? = nil
  ) {
    self.id = id
    self.fullName = fullName.nfc
    self.role = role
    self.subjects = subjects
    self.active = active
    self.departedOn = departedOn
  }
}
