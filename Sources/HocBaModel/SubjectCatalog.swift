import Foundation

/// How a subject is assessed: by a score on the 10-point scale, or by comment only (Đ / CĐ).
public enum AssessmentKind: String, Sendable, Hashable, Codable {
  case scored
  case commented
}

/// Whether a subject is compulsory, an elective of the band, or optional.
public enum SubjectStatus: String, Sendable, Hashable, Codable {
  case compulsory
  case elective
  case optional
}

/// One subject of a regime and grade band, as listed in `SubjectCatalog.entries`.
public struct SubjectDefinition: Sendable, Hashable {
  /// Stable code used in XML `Id`s ("mh-<code>") and in mappings.
  public let code: String
  /// Name as printed in the book.
  public let name: String
  public let regime: Regime
  public let band: GradeBand
  public let assessment: AssessmentKind
  public let status: SubjectStatus
  /// Taught from this grade on (e.g. TT58 Hoá học from grade 8), or nil for every grade of the band.
  public let fromGrade: Int?
}

/// The subject lists per regime and grade band: the single data table (domain.md §1.5, §3.1, §3.6).
///
/// Rows marked [INFERRED]/[UNCERTAIN] in domain.md (GDQP-AN scored; the TT58 THCS list) are changed here only.
public enum SubjectCatalog {
  private static func row(
    _ code: String, _ name: String, _ regime: Regime, _ band: GradeBand, _ assessment: AssessmentKind,
    _ status: SubjectStatus = .compulsory, from grade: Int? = nil
  ) -> SubjectDefinition {
    SubjectDefinition(
      code: code, name: name, regime: regime, band: band, assessment: assessment, status: status,
      fromGrade: grade)
  }

  /// Every subject, in the order the book prints them.
  public static let entries: [SubjectDefinition] = [
    // TT22, THCS (GDPT 2018): 8 scored, 4 comment-only, 2 optional.
    row("ngu-van", "Ngữ văn", .tt22, .thcs, .scored),
    row("toan", "Toán", .tt22, .thcs, .scored),
    row("ngoai-ngu-1", "Ngoại ngữ 1", .tt22, .thcs, .scored),
    row("gdcd", "Giáo dục công dân", .tt22, .thcs, .scored),
    row("lich-su-dia-li", "Lịch sử và Địa lí", .tt22, .thcs, .scored),
    row("khtn", "Khoa học tự nhiên", .tt22, .thcs, .scored),
    row("cong-nghe", "Công nghệ", .tt22, .thcs, .scored),
    row("tin-hoc", "Tin học", .tt22, .thcs, .scored),
    row("gdtc", "Giáo dục thể chất", .tt22, .thcs, .commented),
    row("nghe-thuat", "Nghệ thuật", .tt22, .thcs, .commented),
    row("hdtn-hn", "Hoạt động trải nghiệm, hướng nghiệp", .tt22, .thcs, .commented),
    row("gddp", "Nội dung giáo dục của địa phương", .tt22, .thcs, .commented),
    row("tieng-dan-toc", "Tiếng dân tộc thiểu số", .tt22, .thcs, .scored, .optional),
    row("ngoai-ngu-2", "Ngoại ngữ 2", .tt22, .thcs, .scored, .optional),
    // TT22, THPT (after TT13/2022): compulsory, then electives (choose 4), then optional.
    row("ngu-van", "Ngữ văn", .tt22, .thpt, .scored),
    row("toan", "Toán", .tt22, .thpt, .scored),
    row("ngoai-ngu-1", "Ngoại ngữ 1", .tt22, .thpt, .scored),
    row("lich-su", "Lịch sử", .tt22, .thpt, .scored),
    row("gdtc", "Giáo dục thể chất", .tt22, .thpt, .commented),
    row("gdqp-an", "Giáo dục quốc phòng và an ninh", .tt22, .thpt, .scored),
    row("hdtn-hn", "Hoạt động trải nghiệm, hướng nghiệp", .tt22, .thpt, .commented),
    row("gddp", "Nội dung giáo dục của địa phương", .tt22, .thpt, .commented),
    row("dia-li", "Địa lí", .tt22, .thpt, .scored, .elective),
    row("gdktpl", "Giáo dục kinh tế và pháp luật", .tt22, .thpt, .scored, .elective),
    row("vat-li", "Vật lí", .tt22, .thpt, .scored, .elective),
    row("hoa-hoc", "Hoá học", .tt22, .thpt, .scored, .elective),
    row("sinh-hoc", "Sinh học", .tt22, .thpt, .scored, .elective),
    row("cong-nghe", "Công nghệ", .tt22, .thpt, .scored, .elective),
    row("tin-hoc", "Tin học", .tt22, .thpt, .scored, .elective),
    row("am-nhac", "Âm nhạc", .tt22, .thpt, .commented, .elective),
    row("mi-thuat", "Mĩ thuật", .tt22, .thpt, .commented, .elective),
    row("tieng-dan-toc", "Tiếng dân tộc thiểu số", .tt22, .thpt, .scored, .optional),
    row("ngoai-ngu-2", "Ngoại ngữ 2", .tt22, .thpt, .scored, .optional),
    // TT58, THCS (2006 programme) [INFERRED list].
    row("toan", "Toán", .tt58, .thcs, .scored),
    row("vat-li", "Vật lí", .tt58, .thcs, .scored),
    row("hoa-hoc", "Hoá học", .tt58, .thcs, .scored, from: 8),
    row("sinh-hoc", "Sinh học", .tt58, .thcs, .scored),
    row("ngu-van", "Ngữ văn", .tt58, .thcs, .scored),
    row("lich-su", "Lịch sử", .tt58, .thcs, .scored),
    row("dia-li", "Địa lí", .tt58, .thcs, .scored),
    row("ngoai-ngu", "Ngoại ngữ", .tt58, .thcs, .scored),
    row("gdcd", "Giáo dục công dân", .tt58, .thcs, .scored),
    row("cong-nghe", "Công nghệ", .tt58, .thcs, .scored),
    row("the-duc", "Thể dục", .tt58, .thcs, .commented),
    row("am-nhac", "Âm nhạc", .tt58, .thcs, .commented),
    row("mi-thuat", "Mĩ thuật", .tt58, .thcs, .commented),
    row("tin-hoc", "Tin học", .tt58, .thcs, .scored, .optional),
    // TT58, THPT (2006 programme) [INFERRED list].
    row("toan", "Toán", .tt58, .thpt, .scored),
    row("vat-li", "Vật lí", .tt58, .thpt, .scored),
    row("hoa-hoc", "Hoá học", .tt58, .thpt, .scored),
    row("sinh-hoc", "Sinh học", .tt58, .thpt, .scored),
    row("tin-hoc", "Tin học", .tt58, .thpt, .scored),
    row("ngu-van", "Ngữ văn", .tt58, .thpt, .scored),
    row("lich-su", "Lịch sử", .tt58, .thpt, .scored),
    row("dia-li", "Địa lí", .tt58, .thpt, .scored),
    row("ngoai-ngu", "Ngoại ngữ", .tt58, .thpt, .scored),
    row("gdcd", "Giáo dục công dân", .tt58, .thpt, .scored),
    row("cong-nghe", "Công nghệ", .tt58, .thpt, .scored),
    row("the-duc", "Thể dục", .tt58, .thpt, .commented),
    row("gdqp-an", "Giáo dục quốc phòng - an ninh", .tt58, .thpt, .scored),
    row("tu-chon", "Tự chọn", .tt58, .thpt, .scored, .optional),
  ]

  /// The subjects of a regime for one grade, in book order.
  public static func subjects(regime: Regime, grade: Int) -> [SubjectDefinition] {
    guard let band = GradeBand(grade: grade) else { return [] }
    return entries.filter {
      $0.regime == regime && $0.band == band && ($0.fromGrade.map { grade >= $0 } ?? true)
    }
  }

  /// The subject codes of a list of subject names as printed ("Ngữ văn, Công nghệ"), compared without case and
  /// diacritics; nil when a name is not a subject of the regime and band.
  public static func codes(forNames list: String, regime: Regime, band: GradeBand) -> [String]? {
    let names = list.split(whereSeparator: { $0 == "," || $0 == ";" })
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    var codes: [String] = []
    for name in names {
      let key = folded(name)
      guard let entry = entries.first(where: { $0.regime == regime && $0.band == band && folded($0.name) == key })
      else { return nil }
      codes.append(entry.code)
    }
    return codes
  }

  /// The printed names of subject codes, joined with ", " (the codes themselves where unknown).
  public static func names(ofCodes codes: [String], regime: Regime, band: GradeBand) -> String {
    codes.map { definition(code: $0, regime: regime, band: band)?.name ?? $0 }.joined(separator: ", ")
  }

  private static func folded(_ text: String) -> String {
    text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
      .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The definition of a subject code for a regime and band, or nil.
  public static func definition(code: String, regime: Regime, band: GradeBand) -> SubjectDefinition? {
    entries.first { $0.code == code && $0.regime == regime && $0.band == band }
  }
}
