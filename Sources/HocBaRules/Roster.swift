import Foundation
import HocBaModel

/// One student of a class list exported from the sector database (CSDL ngành).
public struct RosterEntry: Sendable, Hashable {
  public var fullName: String
  public var birthDate: CalendarDate?
  public var sex: Sex
  public var citizenID: String?
  public var className: String?
}

/// A class list (CSV: name, date of birth, sex, CCCD, class) used to cross-check the identities read by OCR.
///
/// Students are matched on the CCCD when both sides have it, else on a diacritic-free name key plus the date of
/// birth. A difference of tone-mark style only ("Thuỳ"/"Thùy") is info, never an error; the name is kept exactly
/// as written on paper.
public struct Roster: Sendable {
  public var entries: [RosterEntry]

  public init(entries: [RosterEntry]) { self.entries = entries }

  /// Parses the CSV text: a header line naming the columns (họ và tên / ngày sinh / giới tính / CCCD / lớp, in
  /// Vietnamese or English, any order), then one student per line; quoted fields may contain commas.
  public static func parse(csv text: String) throws(RosterError) -> Roster {
    var lines = text.nfc.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    guard !lines.isEmpty else { throw .empty }
    let header = splitCSV(lines.removeFirst()).map { VietnameseName.diacriticFreeKey($0) }
    func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
    guard let name = column(["ho va ten", "ho ten", "name", "full name"]) else { throw .missingColumn("họ và tên") }
    let birth = column(["ngay sinh", "date of birth", "birth date"])
    let sex = column(["gioi tinh", "sex"])
    let id = column(["cccd", "ma dinh danh", "ma dinh danh ca nhan", "citizen id"])
    let className = column(["lop", "class"])
    var entries: [RosterEntry] = []
    for (number, line) in lines.enumerated() {
      let cells = splitCSV(line)
      guard cells.indices.contains(name), !cells[name].isEmpty else { throw .badLine(number + 2) }
      func cell(_ index: Int?) -> String? {
        guard let index, cells.indices.contains(index), !cells[index].isEmpty else { return nil }
        return cells[index]
      }
      let sexText = cell(sex).map { VietnameseName.diacriticFreeKey($0) }
      entries.append(
        RosterEntry(
          fullName: cells[name], birthDate: cell(birth).flatMap(CalendarDate.init(parsing:)),
          sex: sexText == "nam" || sexText == "m" ? .male : sexText == "nu" || sexText == "f" ? .female : .unknown,
          citizenID: cell(id)?.filter { $0.isNumber }, className: cell(className)))
    }
    return Roster(entries: entries)
  }

  /// The roster entry of a record's student: by CCCD, else by name key and date of birth; nil if none or several.
  public func entry(for record: SchoolYearRecord) -> RosterEntry? {
    if let id = record.student.citizenID?.digits, let match = entries.first(where: { $0.citizenID == id }) {
      return match
    }
    let key = VietnameseName.diacriticFreeKey(record.student.fullName)
    let matches = entries.filter {
      VietnameseName.diacriticFreeKey($0.fullName) == key
        && ($0.birthDate == nil || $0.birthDate == record.student.birthDate)
    }
    return matches.count == 1 ? matches[0] : nil
  }

  /// Findings comparing a record's identity with its roster entry (rule C17 for the name; C13 family for the rest).
  public func findings(for record: SchoolYearRecord) -> [Finding] {
    guard let entry = entry(for: record) else {
      return [
        Finding(
          ruleCode: "C17", severity: .warning, fieldPaths: ["student.fullName"],
          explanation: LocalizedText(
            vietnamese:
              "Không tìm thấy học sinh này trong danh sách lớp (CSDL ngành): kiểm tra họ tên, ngày sinh, CCCD.",
            english: "This student is not in the class list (sector database): check name, date of birth, ID."))
      ]
    }
    var findings = C17NameCheck.rosterFindings(record, rosterName: entry.fullName)
    if let date = entry.birthDate, date != record.student.birthDate {
      findings.append(
        Finding(
          ruleCode: "C17", severity: .warning, fieldPaths: ["student.birthDate"],
          explanation: LocalizedText(
            vietnamese: "Ngày sinh khác với danh sách lớp (\(date)): đối chiếu với bản giấy.",
            english: "The date of birth differs from the class list (\(date)): check the paper.")))
    }
    if entry.sex != .unknown, record.student.sex != .unknown, entry.sex != record.student.sex {
      findings.append(
        Finding(
          ruleCode: "C17", severity: .warning, fieldPaths: ["student.sex"],
          explanation: LocalizedText(
            vietnamese: "Giới tính khác với danh sách lớp: đối chiếu với bản giấy.",
            english: "The sex differs from the class list: check the paper.")))
    }
    if let id = entry.citizenID, let recorded = record.student.citizenID?.digits, id != recorded {
      findings.append(
        Finding(
          ruleCode: "C17", severity: .warning, fieldPaths: ["student.citizenID"],
          explanation: LocalizedText(
            vietnamese: "Mã định danh cá nhân khác với danh sách lớp: đối chiếu với bản giấy.",
            english: "The personal ID differs from the class list: check the paper.")))
    }
    return findings
  }

  static func splitCSV(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var quoted = false
    var iterator = line.makeIterator()
    while let character = iterator.next() {
      switch character {
      case "\"" where quoted:
        quoted = false
      case "\"" where current.isEmpty:
        quoted = true
      case "," where !quoted, ";" where !quoted:
        cells.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      default:
        current.append(character)
      }
    }
    cells.append(current.trimmingCharacters(in: .whitespaces))
    return cells
  }
}

/// Why a class list cannot be read. Never repeats student data.
public enum RosterError: HocBaError, Equatable {
  case empty
  case missingColumn(String)
  case badLine(Int)

  public var kind: ErrorKind { .invalidInput }

  public func message(in language: Language) -> String {
    switch self {
    case .empty:
      language.pick("Danh sách lớp trống: xuất lại tệp CSV từ CSDL ngành.", "The class list is empty: export it again.")
    case .missingColumn(let column):
      language.pick(
        "Danh sách lớp thiếu cột \"\(column)\" ở dòng tiêu đề: xuất lại với đủ cột họ và tên, ngày sinh, giới tính, CCCD, lớp.",
        "The class list has no \"\(column)\" column in its header: export it with name, birth date, sex, ID, class.")
    case .badLine(let line):
      language.pick(
        "Dòng \(line) của danh sách lớp không có họ và tên: sửa hoặc xoá dòng đó.",
        "Line \(line) of the class list has no name: fix or remove it.")
    }
  }
}
