import FieldMapping
import HocBaModel
import HocBaRules
import ReviewStore

/// How a year page found its book's information page.
enum BookMatch: Equatable {
  /// The names agree (without regard to case or diacritics).
  case sameName(StoredPage)
  /// The names differ by OCR-sized noise (a letter per syllable at most): paired, the names sent to review.
  case nearName(StoredPage)
  /// The year page's name was not read; the information page earlier in the same file is the book's: paired, the
  /// names sent to review.
  case sameFile(StoredPage)
  /// Several information pages could be this student's: never guessed.
  case ambiguous(count: Int)
  /// No information page fits.
  case none

  /// Finds the information page of a year page's student: same name (same file first), else a near name (same
  /// file first, else the only one), else the last information page before it in the same file.
  /// The information pages' name keys are folded once for a whole batch (`InformationPages`).
  static func find(for year: StoredPage, among index: InformationPages) -> BookMatch {
    let infoPages = index.pages
    let earlierInFile = infoPages.filter { $0.scanSHA256 == year.scanSHA256 && $0.pageNumber < year.pageNumber }
    guard let name = year.value("header.fullName").map(NameKey.init) else {
      return earlierInFile.last.map { .sameFile($0) } ?? .none
    }
    func pick(_ matches: [StoredPage], _ make: (StoredPage) -> BookMatch) -> BookMatch? {
      if let sameFile = matches.last(where: { page in earlierInFile.contains { $0.id == page.id } }) {
        return make(sameFile)
      }
      if matches.count == 1 { return make(matches[0]) }
      return matches.isEmpty ? nil : .ambiguous(count: matches.count)
    }
    let named = index.named
    if let found = pick(named.filter { $0.1 == name }.map(\.0), { .sameName($0) }) { return found }
    // A near name alone is not enough: the book's history table must list this year page's school year and class.
    let near = named.filter { $0.1.map(name.isNear) == true && year.isListed(in: $0.0) }.map(\.0)
    if let found = pick(near, { .nearName($0) }) { return found }
    return .none
  }

  /// The information page, when one was chosen.
  var page: StoredPage? {
    switch self {
    case .sameName(let page), .nearName(let page), .sameFile(let page): page
    case .ambiguous, .none: nil
    }
  }

  /// A warning that sends both names to review when the pairing was not by the same name.
  var finding: Finding? {
    switch self {
    case .nearName:
      Finding(
        ruleCode: "G1", severity: .warning, fieldPaths: ["header.fullName", "student.fullName"],
        explanation: LocalizedText(
          vietnamese: "Trang năm học được ghép với trang thông tin có họ tên gần giống: kiểm tra đúng học sinh.",
          english: "The year page was paired with an information page whose name is close: check it is the student."))
    case .sameFile:
      Finding(
        ruleCode: "G1", severity: .warning, fieldPaths: ["header.fullName", "student.fullName"],
        explanation: LocalizedText(
          vietnamese: "Chưa đọc được họ tên trên trang năm học; đã ghép theo trang thông tin cùng tệp: kiểm tra.",
          english: "The year page's name was not read; paired with the information page of the same file: check it."))
    case .sameName, .ambiguous, .none: nil
    }
  }
}

/// A batch's information pages with their students' name keys, folded once.
struct InformationPages {
  let pages: [StoredPage]
  let named: [(StoredPage, NameKey?)]

  init(_ pages: [StoredPage]) {
    self.pages = pages
    named = pages.map { ($0, $0.value("student.fullName").map(NameKey.init)) }
  }
}

extension NameKey {
  /// True when two different names differ only as OCR noise does: the same number of syllables, each within one
  /// edit and at most two edits in all, or the whole name within one edit (a syllable split or joined).
  func isNear(_ other: NameKey) -> Bool {
    guard self != other else { return false }
    let mine = folded.split(separator: " ").map(String.init)
    let theirs = other.folded.split(separator: " ").map(String.init)
    guard mine.count >= 2, theirs.count >= 2 else { return false }
    if TextMatching.editDistance(folded, other.folded) <= 1 { return true }
    guard mine.count == theirs.count else { return false }
    let distances = zip(mine, theirs).map { TextMatching.editDistance($0, $1) }
    return distances.allSatisfy { $0 <= 1 } && distances.reduce(0, +) <= 2
  }
}

extension StoredPage {
  /// The rows of an information page's QUÁ TRÌNH HỌC TẬP table that were read: school year and class.
  var historyRows: [(year: SchoolYear, className: String)] {
    (0..<12).compactMap { index in
      guard let year = value("history[\(index)].schoolYear").flatMap({ SchoolYear(parsing: $0) }),
        let className = value("history[\(index)].className")
      else { return nil }
      return (year, className)
    }
  }

  /// True when the book's history table has a row for this year page's school year (and class, when read).
  func isListed(in info: StoredPage) -> Bool {
    guard let schoolYear = value("header.schoolYear").flatMap({ SchoolYear(parsing: $0) }) else { return false }
    let className = value("header.className")
    return info.historyRows.contains { $0.year == schoolYear && (className == nil || $0.className == className) }
  }

  /// The year page with its class or school year taken from the book's QUÁ TRÌNH HỌC TẬP table when the page's own
  /// value was not read: the row whose school year (or class) is the page's. The value is marked unread (no raw
  /// text, confidence 0), so it always goes to review.
  func fillingHeader(from info: StoredPage) -> StoredPage {
    let rows = info.historyRows
    var page = self
    let className = value("header.className").flatMap { RecordAssembler.grade(of: $0) == nil ? nil : $0 }
    let schoolYear = value("header.schoolYear").flatMap { SchoolYear(parsing: $0) }
    if className == nil, let schoolYear, let row = rows.first(where: { $0.year == schoolYear }) {
      page.setDerived("header.className", row.className, type: "className")
    }
    if schoolYear == nil, let className, let row = rows.first(where: { $0.className == className }) {
      page.setDerived("header.schoolYear", row.year.description, type: "schoolYear")
    }
    return page
  }

  private mutating func setDerived(_ path: String, _ value: String, type: String) {
    let derived = PageFieldEvidence(
      path: path, type: type, critical: true, rawText: "", normalizedValue: value, confidence: 0,
      box: fields.first { $0.path == path }?.box ?? FieldBox(x: 0, y: 0, width: 0, height: 0),
      cropPath: fields.first { $0.path == path }?.cropPath)
    fields.removeAll { $0.path == path }
    fields.append(derived)
  }
}
