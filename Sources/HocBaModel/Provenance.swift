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

  public init(digitizationCase: DigitizationCase = .ownArchive, sources: [SourcePage] = [], reviewers: [String] = []) {
    self.digitizationCase = digitizationCase
    self.sources = sources
    self.reviewers = reviewers.map(\.nfc)
  }
}
