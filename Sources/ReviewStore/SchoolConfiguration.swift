/// Who signs a school's records: the principal and the school certificate, or also each subject teacher.
public enum SigningPolicy: String, Sendable, Hashable, CaseIterable, Codable {
  /// The principal signs the record, then the school certificate seals it.
  case principalAndSchool = "principal-and-school"
  /// Subject teachers sign their rows, then the principal, then the school certificate.
  case teachersPrincipalSchool = "teachers-principal-school"
}

/// The school this database belongs to, stored as the single row of the `school` table.
public struct SchoolConfiguration: Sendable, Hashable {
  /// The school's full name, e.g. "Trường THCS Đại An".
  public var name: String
  /// The MOET school code.
  public var code: String
  /// The province (tỉnh / thành phố).
  public var province: String
  /// Who signs this school's records.
  public var signingPolicy: SigningPolicy
  /// The RFC 3161 time-stamp authority (`http://…`) `hocba sign` uses when neither `--tsa` nor `HOCBA_TSA_URL`
  /// names one; nil: signatures get no timestamp.
  public var tsaURL: String?

  /// Creates a school configuration.
  public init(name: String, code: String, province: String, signingPolicy: SigningPolicy, tsaURL: String? = nil) {
    self.name = name
    self.code = code
    self.province = province
    self.signingPolicy = signingPolicy
    self.tsaURL = tsaURL
  }
}
