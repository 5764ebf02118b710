import HocBaModel

/// C17: names are stored as written, in NFC (domain.md §6). A name or class not in NFC is a warning (store the
/// NFC form, same letters); irregular spacing and a mix of both tone styles are info; digits or symbols in a
/// name are a warning (OCR noise). `rosterFindings` compares with a roster name: a tone-style-only difference is
/// info, never an error. Nothing is ever rewritten.
public struct C17NameCheck: ConsistencyCheck {
  /// "C17".
  public static let code = "C17"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    let name = record.student.fullName
    let path = "student.fullName"
    var findings: [Finding] = []
    if !VietnameseName.isNFC(name) {
      findings.append(
        Finding(
          Self.code, .warning, [path],
          vi: "Họ tên không ở dạng Unicode NFC (dấu tổ hợp): lưu ở dạng NFC, giữ nguyên chữ và cách đặt dấu.",
          en: "The name is not in Unicode NFC (combining marks): store the NFC form, same letters and tone placement."))
    }
    if !VietnameseName.isNFC(record.className) {
      findings.append(
        Finding(
          Self.code, .warning, ["header.className"], vi: "Tên lớp không ở dạng Unicode NFC.",
          en: "The class name is not in Unicode NFC."))
    }
    if name.unicodeScalars.contains(where: { !Self.allowed($0) }) {
      findings.append(
        Finding(
          Self.code, .warning, [path],
          vi: "Họ tên có chữ số hoặc ký hiệu (nhiễu OCR?): đối chiếu bản giấy.",
          en: "The name contains digits or symbols (OCR noise?): compare with the paper."))
    }
    if VietnameseName.hasIrregularSpacing(name) {
      findings.append(
        Finding(
          Self.code, .info, [path], vi: "Họ tên có khoảng trắng thừa ở đầu, cuối hoặc giữa các tiếng.",
          en: "The name has extra spaces at the start, the end or between syllables."))
    }
    if VietnameseName.toneStyle(of: name) == .mixed {
      findings.append(
        Finding(
          Self.code, .info, [path],
          vi: "Họ tên dùng cả hai cách đặt dấu (\"hòa/thủy\" và \"hoà/thuỷ\"): giữ như bản giấy, kiểm tra OCR.",
          en: "The name mixes both tone placements (\"hòa/thủy\" and \"hoà/thuỷ\"): keep it as on paper, check OCR."))
    }
    return findings
  }

  /// Findings for the record's name against a roster or CSDL name; empty when identical.
  public static func rosterFindings(_ record: SchoolYearRecord, rosterName: String) -> [Finding] {
    let path = ["student.fullName"]
    switch VietnameseName.compare(record.student.fullName, rosterName) {
    case .identical:
      return []
    case .caseOrSpacing:
      return [
        Finding(
          code, .info, path, vi: "Họ tên khác danh sách lớp chỉ ở chữ hoa/thường hoặc khoảng trắng.",
          en: "The name differs from the roster only in case or spacing.")
      ]
    case .toneStyle:
      return [
        Finding(
          code, .info, path,
          vi: "Họ tên khác danh sách lớp chỉ ở cách đặt dấu (\"hòa/hoà\"): cả hai đều đúng, giữ như bản giấy.",
          en:
            "The name differs from the roster only in tone placement (\"hòa/hoà\"): both are correct; keep the paper's."
        )
      ]
    case .diacritics:
      return [
        Finding(
          code, .warning, path,
          vi: "Họ tên khác danh sách lớp ở dấu thanh hoặc dấu chữ (OCR mất dấu?): đối chiếu bản giấy.",
          en: "The name differs from the roster in diacritics (lost by OCR?): compare with the paper.")
      ]
    case .different:
      return [
        Finding(
          code, .warning, path, vi: "Họ tên không khớp danh sách lớp: đối chiếu bản giấy.",
          en: "The name does not match the roster: compare with the paper.")
      ]
    }
  }

  /// Letters, combining marks, spaces, hyphen and apostrophe.
  private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
      || scalar.properties.isWhitespace || scalar == "-" || scalar == "'"
  }
}
