import HocBaModel

/// C15: the footer "có sửa chữa ở … chỗ, thuộc các môn học …" is consistent: a count with no subjects or
/// subjects with a zero count, fewer places than subjects, or subjects not on the page. Warnings. The model
/// holds no red-ink detections; `detectedMismatch` compares the count with them when the importer has them.
public struct C15CorrectionNoteCheck: ConsistencyCheck {
  /// "C15".
  public static let code = "C15"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    let note = record.corrections
    let subjects = Set(note.subjectCodes)
    var findings: [Finding] = []
    func add(_ vi: String, _ en: String) {
      findings.append(Finding(Self.code, .warning, ["corrections.count"], vi: vi, en: en))
    }
    if note.count < 0 {
      add("Số chỗ sửa chữa ghi \(note.count) là số âm.", "The correction count \(note.count) is negative.")
    } else if note.count == 0, !subjects.isEmpty {
      add(
        "Ghi 0 chỗ sửa chữa nhưng liệt kê \(subjects.count) môn có sửa chữa.",
        "The footer says 0 corrections but lists \(subjects.count) corrected subjects.")
    } else if note.count > 0, subjects.isEmpty {
      add(
        "Ghi \(note.count) chỗ sửa chữa nhưng không ghi thuộc môn nào.",
        "The footer says \(note.count) corrections but names no subject.")
    } else if note.count < subjects.count {
      add(
        "Ghi \(note.count) chỗ sửa chữa nhưng liệt kê \(subjects.count) môn (mỗi môn ít nhất một chỗ).",
        "The footer says \(note.count) corrections but lists \(subjects.count) subjects (at least one each).")
    }
    let onPage = Set(record.subjects.map(\.code))
    for code in note.subjectCodes.sorted() where !onPage.contains(code) {
      add(
        "Mục sửa chữa ghi môn \(code) nhưng bảng điểm không có môn này.",
        "The corrections footer names subject \(code), which is not on the page.")
    }
    return findings
  }

  /// A warning when the footer count differs from the red-ink corrections the importer detected, else nil.
  public static func detectedMismatch(_ record: SchoolYearRecord, detectedCorrections: Int) -> Finding? {
    guard record.corrections.count != detectedCorrections else { return nil }
    return Finding(
      code, .warning, ["corrections.count"],
      vi: "Ghi \(record.corrections.count) chỗ sửa chữa nhưng phát hiện \(detectedCorrections) chỗ sửa bằng mực đỏ.",
      en: "The footer says \(record.corrections.count) corrections but \(detectedCorrections) red-ink corrections "
        + "were detected.")
  }
}
