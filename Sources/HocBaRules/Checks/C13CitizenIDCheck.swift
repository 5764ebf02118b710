import HocBaModel

/// C13: the citizen ID agrees with the record: digit 4 with the sex and the century, digits 5–6 with the birth
/// year (NĐ 137/2015 Điều 13; domain.md §5). Length and province are enforced by `CitizenID` itself. Error.
/// Messages quote digit 4 and the decoded year, never the whole ID.
public struct C13CitizenIDCheck: ConsistencyCheck {
  /// "C13".
  public static let code = "C13"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    guard let id = record.student.citizenID else { return [] }
    let digit = id.digits.dropFirst(3).first.map(String.init) ?? "?"
    let century = id.birthYear - id.birthYear % 100
    let sexName = { (sex: Sex) in sex == .male ? "Nam" : sex == .female ? "Nữ" : "chưa ghi" }
    let sexEnglish = { (sex: Sex) in sex == .male ? "male" : sex == .female ? "female" : "not recorded" }
    var findings = id.inconsistencies(sex: record.student.sex, birthYear: record.student.birthDate.year).map {
      inconsistency in
      switch inconsistency {
      case .sex:
        Finding(
          Self.code, .error, ["student.citizenID", "student.sex"],
          vi: "Chữ số thứ 4 của mã định danh là \(digit) (\(sexName(id.sex).lowercased()), sinh \(century)–"
            + "\(century + 99)) nhưng giới tính ghi \(sexName(record.student.sex)).",
          en: "Digit 4 of the personal ID is \(digit) (\(sexEnglish(id.sex)), born \(century)–\(century + 99)) "
            + "but the sex reads \(sexEnglish(record.student.sex)).")
      case .birthYear:
        Finding(
          Self.code, .error, ["student.citizenID", "student.birthDate"],
          vi: "Chữ số 4–6 của mã định danh cho năm sinh \(id.birthYear) nhưng ngày sinh ghi năm "
            + "\(record.student.birthDate.year).",
          en: "Digits 4–6 of the personal ID give birth year \(id.birthYear) but the date of birth reads "
            + "\(record.student.birthDate.year).")
      }
    }
    if record.student.sex == .unknown {
      findings.append(
        Finding(
          Self.code, .info, ["student.sex", "student.citizenID"],
          vi: "Giới tính chưa ghi; chữ số thứ 4 của mã định danh (\(digit)) cho \(sexName(id.sex)).",
          en: "The sex is not recorded; digit 4 of the personal ID (\(digit)) gives \(sexEnglish(id.sex))."))
    }
    return findings
  }
}
