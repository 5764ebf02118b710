/// Why a paper year is being digitized, which decides who reviews and who signs (domain.md §7).
public enum DigitizationCase: Sendable, Hashable, Codable {
  /// The school's own archived book, teachers available.
  case ownArchive
  /// Content written by teachers who have left the school: học vụ reviews, the principal signs in their place.
  case departedTeacherContent(subjectCodes: [String])
  /// An incoming transfer from a school still on paper: văn thư digitizes, the principal approves, and the
  /// school certificate confirms the record matches the paper archive.
  case incomingTransfer(originSchool: SchoolRef)

  /// Stable code used in XML and the database.
  public var code: String {
    switch self {
    case .ownArchive: "luu-tru"
    case .departedTeacherContent: "gv-da-nghi"
    case .incomingTransfer: "chuyen-den"
    }
  }
}

/// One scanned page a record was read from.
public struct SourcePage: Sendable, Hashable, Codable {
  /// SHA-256 of the scan file's raw bytes, lowercase hex.
  public var sha256: String
  /// File name as imported (no directory).
  public var fileName: String
  /// 1-based page number inside the file.
  public var page: Int

  public init(sha256: String, fileName: String, page: Int) {
    self.sha256 = sha256
    self.fileName = fileName.nfc
    self.page = page
  }
}

/// Where a digitized record came from and who checked it.
public struct Provenance: Sendable, Hashable, Codable {
  public var digitizationCase: DigitizationCase
  public var sources: [SourcePage]
  /// Names of the staff who reviewed the OCR.
  public var reviewers: [String]
  /// The principal's statement that they sign in place of teachers who have left (inside the signed data).
  public var substitution: SubstitutionStatement?
  /// The confirmation that an incoming transfer matches the archived paper record (inside the signed data).
  public var transferConfirmation: TransferConfirmation?

  public init(
    digitizationCase: DigitizationCase = .ownArchive, sources: [SourcePage] = [], reviewers: [String] = [],
    substitution: SubstitutionStatement? = nil, transferConfirmation: TransferConfirmation? = nil
  ) {
    self.digitizationCase = digitizationCase
    self.sources = sources
    self.reviewers = reviewers.map(\.nfc)
    self.substitution = substitution
    self.transferConfirmation = transferConfirmation
  }
}

/// "The principal signs in place of the teachers who have left" (domain.md §7.1 step 3, Điều 18.7): who signs,
/// for whom, which subjects and years, and why. Written into `SoHoa/ThayThe`, so every signature covers it.
public struct SubstitutionStatement: Sendable, Hashable, Codable {
  /// The principal who signs in their place.
  public var signer: String
  /// The departed teachers, as registered (may be empty when the book does not name them).
  public var departedTeachers: [String]
  /// The subject codes signed in their place.
  public var subjectCodes: [String]
  /// The school years concerned, e.g. "2023-2024".
  public var schoolYears: [String]
  /// Why, in words.
  public var reason: String

  public init(
    signer: String, departedTeachers: [String], subjectCodes: [String], schoolYears: [String], reason: String
  ) {
    self.signer = signer.nfc
    self.departedTeachers = departedTeachers.map(\.nfc)
    self.subjectCodes = subjectCodes
    self.schoolYears = schoolYears
    self.reason = reason.nfc
  }
}

/// An incoming transfer from a paper school (domain.md §7.2): the văn thư who digitized it, the principal who
/// approves it, and the statement that the record matches the archived paper. The origin school is
/// `DigitizationCase.incomingTransfer` and the SHA-256 of every scan is in `Provenance.sources`.
public struct TransferConfirmation: Sendable, Hashable, Codable {
  /// The văn thư who digitized the record.
  public var clerk: String
  /// The principal who approves it.
  public var principal: String
  /// The statement, in words.
  public var statement: String

  public init(clerk: String, principal: String, statement: String) {
    self.clerk = clerk.nfc
    self.principal = principal.nfc
    self.statement = statement.nfc
  }
}
