import Foundation
import HocBaModel
import ReviewStore

/// Builds a school-year record from the fields of a book's information page and one year page.
struct RecordAssembler {
  let info: StoredPage
  let year: StoredPage
  let digitizationCase: DigitizationCase
  /// The importing school, used when the book's history table does not name the school of this year.
  let defaultSchool: SchoolRef

  /// Why a record cannot be built yet (no student data in the text).
  enum Gap: Error, Equatable {
    case missing(String)
  }

  func assemble() throws(Gap) -> SchoolYearRecord {
    let regimeBand = try pageRegime()
    let schoolYear = try required(year, "header.schoolYear") { SchoolYear(parsing: $0) }
    let className = try required(year, "header.className") { $0.isEmpty ? nil : $0 }
    guard let grade = Self.grade(of: className) else { throw .missing("header.className") }
    let history = historyRows()
    let school =
      history.first { $0.schoolYear == schoolYear }?.school ?? defaultSchool
    return SchoolYearRecord(
      student: try identity(), history: history, schoolYear: schoolYear, grade: grade, className: className,
      school: school, regime: regimeBand.regime, subjects: subjects(regimeBand.regime, grade: grade),
      summary: summary(regimeBand.regime), absences: year.value("absences").flatMap { Int($0) },
      promotion: year.value("promotion").flatMap(PromotionDecision.init(rawValue:)),
      awards: awards(), homeroomComment: year.value("homeroomComment"),
      homeroomTeacher: year.value("homeroomTeacher"), approval: approval(),
      corrections: CorrectionNote(
        count: year.value("corrections.count").flatMap { Int($0) } ?? 0,
        subjectCodes: year.value("corrections.subjects").flatMap { names in
          GradeBand(grade: grade).flatMap { SubjectCatalog.codes(forNames: names, regime: regimeBand.regime, band: $0) }
        } ?? []),
      provenance: Provenance(
        digitizationCase: digitizationCase,
        sources: [info, year].map {
          SourcePage(sha256: $0.scanSHA256, fileName: $0.fileName, page: $0.pageNumber)
        }))
  }

  // MARK: - Parts

  private func pageRegime() throws(Gap) -> (regime: Regime, band: GradeBand) {
    let parts = (year.kind ?? "").split(separator: "-").map(String.init)
    guard parts.count == 3, let regime = Regime(rawValue: parts[1].uppercased()),
      let band = GradeBand(rawValue: parts[2].uppercased())
    else { throw .missing("kind") }
    return (regime, band)
  }

  private func identity() throws(Gap) -> StudentIdentity {
    let name = try required(info, "student.fullName") { $0.isEmpty ? nil : $0 }
    let birthDate = try required(info, "student.birthDate") { CalendarDate(parsing: $0) }
    return StudentIdentity(
      fullName: name, sex: Self.sex(info.value("student.sex")), birthDate: birthDate,
      birthPlace: info.value("student.birthPlace"), ethnicity: info.value("student.ethnicity"),
      nationality: info.value("student.nationality"), residence: info.value("student.residence"),
      father: guardian("student.father"), mother: guardian("student.mother"), guardian: guardian("student.guardian"),
      citizenID: info.value("student.citizenID").flatMap { try? CitizenID(parsing: $0) })
  }

  private func guardian(_ prefix: String) -> Guardian? {
    info.value("\(prefix).fullName").map { Guardian(fullName: $0, occupation: info.value("\(prefix).occupation")) }
  }

  private func historyRows() -> [StudyHistoryEntry] {
    (0..<12).compactMap { index in
      let prefix = "history[\(index)]"
      guard let yearText = info.value("\(prefix).schoolYear"), let schoolYear = SchoolYear(parsing: yearText),
        let className = info.value("\(prefix).className"), let school = info.value("\(prefix).school")
      else { return nil }
      return StudyHistoryEntry(
        schoolYear: schoolYear, className: className, school: SchoolRef(name: school),
        registerNumber: info.value("\(prefix).registerNumber"),
        entryDate: info.value("\(prefix).entryDate").flatMap { CalendarDate(parsing: $0) })
    }
  }

  private func subjects(_ regime: Regime, grade: Int) -> [SubjectResult] {
    SubjectCatalog.subjects(regime: regime, grade: grade).compactMap { subject in
      let prefix = "subjects.\(subject.code)"
      let columns = ["firstTerm", "secondTerm", "fullYear", "reassessment"].map {
        year.value("\(prefix).\($0)").flatMap(Assessment.init(parsing:))
      }
      guard year.fields.contains(where: { $0.path.hasPrefix(prefix + ".") }) else { return nil }
      return SubjectResult(
        code: subject.code, name: subject.name, firstTerm: columns[0], secondTerm: columns[1], fullYear: columns[2],
        reassessment: columns[3], comment: year.value("\(prefix).comment"))
    }
  }

  private func summary(_ regime: Regime) -> YearSummary {
    func level(_ path: String) -> TT22Level? { year.value(path).flatMap(TT22Level.init(rawValue:)) }
    func conduct(_ path: String) -> ConductLevel? { year.value(path).flatMap(ConductLevel.init(rawValue:)) }
    func rank(_ path: String) -> AcademicRank? { year.value(path).flatMap(AcademicRank.init(rawValue:)) }
    func score(_ path: String) -> Score? { year.value(path).flatMap { try? Score(parsing: $0) } }
    switch regime {
    case .tt22:
      return .tt22(
        TT22Summary(
          conduct: TT22Levels(
            firstTerm: level("summary.conduct.firstTerm"), secondTerm: level("summary.conduct.secondTerm"),
            fullYear: level("summary.conduct.fullYear")),
          learning: TT22Levels(
            firstTerm: level("summary.learning.firstTerm"), secondTerm: level("summary.learning.secondTerm"),
            fullYear: level("summary.learning.fullYear"))))
    case .tt58:
      return .tt58(
        TT58Summary(
          conductFirstTerm: conduct("summary.conduct.firstTerm"),
          conductSecondTerm: conduct("summary.conduct.secondTerm"),
          conductFullYear: conduct("summary.conduct.fullYear"), rankFirstTerm: rank("summary.rank.firstTerm"),
          rankSecondTerm: rank("summary.rank.secondTerm"), rankFullYear: rank("summary.rank.fullYear"),
          averageFirstTerm: score("summary.average.firstTerm"),
          averageSecondTerm: score("summary.average.secondTerm"),
          averageFullYear: score("summary.average.fullYear")))
    }
  }

  private func awards() -> [String] {
    guard let text = year.value("awards"), !text.isEmpty, text.lowercased() != "không" else { return [] }
    return [text]
  }

  private func approval() -> PrincipalApproval? {
    guard let name = year.value("approval.fullName") else { return nil }
    // The title is kept as written ("KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG"), not as its lexicon code.
    let title = year.fields.first { $0.path == "approval.title" }?.rawText
    return PrincipalApproval(fullName: name, title: title.flatMap { $0.isEmpty ? nil : $0 } ?? "Hiệu trưởng")
  }

  // MARK: - Helpers

  private func required<T>(_ page: StoredPage, _ path: String, _ parse: (String) -> T?) throws(Gap) -> T {
    guard let text = page.value(path), let value = parse(text) else { throw .missing(path) }
    return value
  }

  static func grade(of className: String) -> Int? {
    let digits = className.prefix { $0.isASCII && $0.isNumber }
    guard let grade = Int(digits), (6...12).contains(grade) else { return nil }
    return grade
  }

  static func sex(_ text: String?) -> Sex {
    guard let text else { return .unknown }
    switch text.lowercased() {
    case "1", "m", "nam", "male": return .male
    case "2", "f", "nữ", "nu", "female": return .female
    default: return .unknown
    }
  }
}
