/// Sex as coded in the national catalogue (QCVN 109:2017): 0 unknown, 1 male (nam), 2 female (nữ).
public enum Sex: Int, Sendable, Hashable, Codable, CaseIterable {
  case unknown = 0
  case male = 1
  case female = 2
}

/// A parent or guardian with their occupation (cha / mẹ / người giám hộ, nghề nghiệp).
public struct Guardian: Sendable, Hashable, Codable {
  public var fullName: String
  public var occupation: String?

  public init(fullName: String, occupation: String? = nil) {
    self.fullName = fullName.nfc
    self.occupation = occupation.nfc
  }
}

/// The student information of page 1 of the book, plus the identifiers of the digital record.
public struct StudentIdentity: Sendable, Hashable, Codable {
  /// Họ và tên exactly as written, in NFC (tone placement is kept as written: "Thuỷ" stays "Thuỷ").
  public var fullName: String
  public var sex: Sex
  public var birthDate: CalendarDate
  public var birthPlace: String?
  public var ethnicity: String?
  public var nationality: String?
  /// Chỗ ở hiện tại.
  public var residence: String?
  public var father: Guardian?
  public var mother: Guardian?
  public var guardian: Guardian?
  /// Mã định danh cá nhân (CCCD), the identity key of a học bạ số.
  public var citizenID: CitizenID?
  /// Mã số tra cứu học bạ.
  public var lookupCode: String?
  /// Ngày có hiệu lực of the học bạ số.
  public var effectiveDate: CalendarDate?

  public init(
    fullName: String, sex: Sex, birthDate: CalendarDate, birthPlace: String? = nil, ethnicity: String? = nil,
    nationality: String? = nil, residence: String? = nil, father: Guardian? = nil, mother: Guardian? = nil,
    guardian: Guardian? = nil, citizenID: CitizenID? = nil, lookupCode: String? = nil,
    effectiveDate: CalendarDate? = nil
  ) {
    self.fullName = fullName.nfc
    self.sex = sex
    self.birthDate = birthDate
    self.birthPlace = birthPlace.nfc
    self.ethnicity = ethnicity.nfc
    self.nationality = nationality.nfc
    self.residence = residence.nfc
    self.father = father
    self.mother = mother
    self.guardian = guardian
    self.citizenID = citizenID
    self.lookupCode = lookupCode.nfc
    self.effectiveDate = effectiveDate
  }
}

/// A school as named in the book: name, optional MOET code, district and province.
public struct SchoolRef: Sendable, Hashable, Codable {
  public var name: String
  public var code: String?
  public var district: String?
  public var province: String?

  public init(name: String, code: String? = nil, district: String? = nil, province: String? = nil) {
    self.name = name.nfc
    self.code = code.nfc
    self.district = district.nfc
    self.province = province.nfc
  }
}

/// How a student entered a school in a given year.
public enum EntryKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Ngày nhập học.
  case enrolled = "nhap-hoc"
  /// Ngày chuyển đến (transfer in).
  case transferredIn = "chuyen-den"
}

/// One row of the quá trình học tập table on page 1.
public struct StudyHistoryEntry: Sendable, Hashable, Codable {
  public var schoolYear: SchoolYear
  public var className: String
  public var school: SchoolRef
  /// Số đăng bộ.
  public var registerNumber: String?
  public var entryDate: CalendarDate?
  public var entryKind: EntryKind

  public init(
    schoolYear: SchoolYear, className: String, school: SchoolRef, registerNumber: String? = nil,
    entryDate: CalendarDate? = nil, entryKind: EntryKind = .enrolled
  ) {
    self.schoolYear = schoolYear
    self.className = className.nfc
    self.school = school
    self.registerNumber = registerNumber.nfc
    self.entryDate = entryDate
    self.entryKind = entryKind
  }
}
