/// The four signing roles of a học bạ year (domain.md §7.3), written as `CKS/@VaiTro`.
public enum SignatureRole: String, Sendable, Codable, CaseIterable, Hashable {
  /// Giáo viên môn học — a subject teacher.
  case subjectTeacher = "gvmh"
  /// Giáo viên chủ nhiệm — the homeroom teacher.
  case homeroom = "gvcn"
  /// Hiệu trưởng — the principal (also in place of departed teachers).
  case principal = "ht"
  /// Đơn vị — the school, with its organisation certificate (applied by văn thư).
  case school = "dvi"
}

/// One signature slot in `DSCKS`: the role and, for a subject teacher, the subject code.
public enum SignatureSlot: Hashable, Sendable, Codable {
  case subjectTeacher(subjectCode: String)
  case homeroom
  case principal
  case school

  public var role: SignatureRole {
    switch self {
    case .subjectTeacher: .subjectTeacher
    case .homeroom: .homeroom
    case .principal: .principal
    case .school: .school
    }
  }

  /// The subject code of a subject-teacher slot.
  public var subjectCode: String? {
    if case .subjectTeacher(let code) = self { return code }
    return nil
  }

  /// The `Id` of the slot's `ds:Signature`: `sig-gvmh-<code>`, `sig-gvcn`, `sig-ht`, `sig-dvi`.
  public var signatureID: String {
    switch self {
    case .subjectTeacher(let code): "sig-gvmh-\(code)"
    default: "sig-\(role.rawValue)"
    }
  }

  /// The slot a `CKS` element's `VaiTro` and `Ma` attributes describe, or nil.
  public init?(role: String, subjectCode: String?) {
    switch (SignatureRole(rawValue: role), subjectCode) {
    case (.subjectTeacher, let code?): self = .subjectTeacher(subjectCode: code)
    case (.homeroom, nil): self = .homeroom
    case (.principal, nil): self = .principal
    case (.school, nil): self = .school
    default: return nil
    }
  }

  private enum CodingKeys: String, CodingKey { case role, subjectCode }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let role = try container.decode(String.self, forKey: .role)
    let code = try container.decodeIfPresent(String.self, forKey: .subjectCode)
    guard let slot = SignatureSlot(role: role, subjectCode: code) else {
      throw DecodingError.dataCorruptedError(forKey: .role, in: container, debugDescription: "unknown slot")
    }
    self = slot
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(role.rawValue, forKey: .role)
    try container.encodeIfPresent(subjectCode, forKey: .subjectCode)
  }
}
