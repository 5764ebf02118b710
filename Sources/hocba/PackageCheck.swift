import Foundation
import HocBaModel
import RecordPackage
import RecordSigning
import RecordXML

/// The verdict on a hand-over package: its files against the manifest, then every record's signatures (Điều 15
/// a–d, trust store) and the signing policy; only sealed records are accepted.
struct PackageCheck: Encodable {
  struct RecordResult: Encodable {
    var id: Int64
    var file: String
    var valid: Bool
    var reasons: [String]
    var report: VerificationReport?
  }

  var school: PackageManifest.School
  var exportedBy: String
  var problems: [String]
  var records: [RecordResult]
  var valid: Bool { problems.isEmpty && !records.isEmpty && records.allSatisfy(\.valid) }

  enum CodingKeys: String, CodingKey { case school, exportedBy, problems, records, valid }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(school, forKey: .school)
    try container.encode(exportedBy, forKey: .exportedBy)
    try container.encode(problems, forKey: .problems)
    try container.encode(records, forKey: .records)
    try container.encode(valid, forKey: .valid)
  }

  /// Checks `package`. Staff registrations are the sending school's: they are checked only when the package comes
  /// from the school of `context` itself (same school code).
  init(
    _ package: RecordPackage, context: SigningContext, ownSchoolCode: String?, legacySHA1: Bool, _ language: Language
  ) {
    let manifest = package.manifest
    school = manifest.school
    exportedBy = manifest.exportedBy
    problems = package.problems().map { $0.message(in: language) }
    if manifest.records.isEmpty {
      problems.append(language.pick("gói không có hồ sơ nào.", "the package holds no record."))
    }
    let ownSchool = ownSchoolCode == manifest.school.code
    let progress = StepProgress(language: language, total: manifest.records.count, title: ("Kiểm tra", "Verifying"))
    records = manifest.records.enumerated().map { index, entry in
      defer { progress.advance(to: index + 1) }
      return Self.check(
        entry, bytes: package.files[entry.file], context: context, ownSchool: ownSchool, legacySHA1, language)
    }
  }

  private static func check(
    _ entry: PackageManifest.Record, bytes: [UInt8]?, context: SigningContext, ownSchool: Bool, _ legacySHA1: Bool,
    _ language: Language
  ) -> RecordResult {
    var result = RecordResult(id: entry.id, file: entry.file, valid: false, reasons: [], report: nil)
    guard let bytes else {
      result.reasons.append(language.pick("thiếu tệp hồ sơ.", "the record file is missing."))
      return result
    }
    if !entry.signed || entry.state != RecordState.sealed.rawValue {
      result.reasons.append(
        language.pick(
          "hồ sơ chưa được niêm phong (trạng thái \(entry.state)): chỉ nhận hồ sơ đã ký đủ.",
          "the record is not sealed (state \(entry.state)): only fully signed records are accepted."))
    }
    let verified = SignedRecordCheck(
      bytes, source: entry.file, context: context, ownSchool: ownSchool, legacySHA1: legacySHA1, language)
    result.report = verified.report
    if let content = verified.record,
      "\(content.schoolYear)" != entry.schoolYear || content.className != entry.className
    {
      result.reasons.append(
        language.pick(
          "năm học/lớp trong manifest khác dữ liệu đã ký: manifest đã bị sửa.",
          "the school year/class in the manifest differ from the signed data: the manifest was edited."))
    }
    result.reasons += verified.reasons
    result.valid = result.reasons.isEmpty
    return result
  }
}

/// One signed record checked on its own: every signature (Điều 15 a–d, trust store) and the signing policy; the
/// staff-registry part only for the school's own records (`ownSchool`).
struct SignedRecordCheck {
  var report: VerificationReport?
  /// The record content of verified bytes (nil when they do not parse).
  static func content(_ bytes: [UInt8], source: String) -> SchoolYearRecord? {
    try? RecordXML.parse(bytes, source: source)
  }

  var record: SchoolYearRecord?
  var reasons: [String] = []

  init(
    _ bytes: [UInt8], source: String, context: SigningContext, ownSchool: Bool, legacySHA1: Bool,
    _ language: Language
  ) {
    do {
      let report = try RecordVerifier.verify(bytes, trust: context.trust, allowLegacySHA1: legacySHA1)
      self.report = report
      if !report.allValid {
        reasons.append(language.pick("có chữ ký không hợp lệ.", "a signature is not valid."))
      }
      let content = try RecordXML.parse(bytes, source: source)
      record = content
      let findings = context.plan(for: content).check(report, record: content, registered: context.registered)
      for finding in findings where ownSchool || !finding.concernsRegistration {
        reasons.append(finding.message(in: language))
      }
    } catch {
      reasons.append((error as? any HocBaError)?.message(in: language) ?? "\(type(of: error))")
    }
  }
}

extension PolicyFinding {
  /// Whether the finding is about the signing school's staff registry (which another school does not hold).
  var concernsRegistration: Bool {
    switch self {
    case .signerNotRegistered, .wrongRole: true
    default: false
    }
  }
}
