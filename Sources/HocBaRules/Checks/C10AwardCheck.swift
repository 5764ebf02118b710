import HocBaModel

/// C10: titles agree with the levels. TT22 (Điều 15): Học sinh Xuất sắc ⇒ rèn luyện Tốt, học tập Tốt and ≥ 6
/// scored subjects ≥ 9,0; Học sinh Giỏi ⇒ Tốt/Tốt. TT58 (Điều 18): giỏi ⇒ hạnh kiểm Tốt, học lực Giỏi; tiên
/// tiến ⇒ both ≥ Khá. A title the levels forbid, or one the regime does not have, is an error; a missing or
/// lower title than the levels allow is a warning. Titles are matched per `RulesPolicy.awardTitles`.
public struct C10AwardCheck: ConsistencyCheck {
  /// "C10".
  public static let code = "C10"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    let titles = policy.awardTitles
    let printed = record.awards.map(VietnameseName.canonicalKey)
    func has(_ list: [String]) -> Bool { list.map(VietnameseName.canonicalKey).contains { printed.contains($0) } }
    switch record.summary {
    case .tt22(let summary):
      guard let conduct = summary.conduct.fullYear, let learning = summary.learning.fullYear else { return [] }
      let scores = record.classifiedSubjects(policy: policy).compactMap { $0.fullYear?.score }
      let rule = policy.tt22.excellentAward
      let high = scores.filter { $0 >= rule.subjectScore }.count
      let allowed = AwardRules.tt22Title(conduct: conduct, learning: learning, yearScores: scores, rule: rule)
      let facts = "rèn luyện \(conduct.name), học tập \(learning.name), \(high) môn ≥ \(rule.subjectScore)"
      var findings = foreign(
        record, printed: printed, own: titles.tt22Excellent + titles.tt22Good,
        other: titles.tt58Excellent + titles.tt58Advanced)
      let names: [TT22Title: String] = [
        .excellent: titles.tt22Excellent.first ?? "", .good: titles.tt22Good.first ?? "",
      ]
      let written: TT22Title? = has(titles.tt22Excellent) ? .excellent : has(titles.tt22Good) ? .good : nil
      findings += compare(written: written, allowed: allowed, names: names, facts: facts, excellent: .excellent)
      return findings
    case .tt58(let summary):
      guard let conduct = summary.conductFullYear, let rank = summary.rankFullYear else { return [] }
      let allowed = AwardRules.tt58Title(conduct: conduct, rank: rank)
      let facts = "hạnh kiểm \(conduct.name), học lực \(rank.name)"
      let names: [TT58Title: String] = [
        .excellent: titles.tt58Excellent.first ?? "", .advanced: titles.tt58Advanced.first ?? "",
      ]
      let written: TT58Title? = has(titles.tt58Excellent) ? .excellent : has(titles.tt58Advanced) ? .advanced : nil
      return foreign(
        record, printed: printed, own: titles.tt58Excellent + titles.tt58Advanced,
        other: titles.tt22Excellent + titles.tt22Good)
        + compare(written: written, allowed: allowed, names: names, facts: facts, excellent: .excellent)
    }
  }

  private func notEligible(_ name: String, _ facts: String) -> Finding {
    Finding(
      Self.code, .error, ["awards"], vi: "Ghi danh hiệu \"\(name)\" nhưng \(facts): không đủ điều kiện.",
      en: "The title \"\(name)\" is written but \(facts): not eligible.")
  }

  /// Titles of the other regime that this regime does not have (e.g. "Học sinh tiên tiến" under TT22).
  private func foreign(_ record: SchoolYearRecord, printed: [String], own: [String], other: [String]) -> [Finding] {
    let ownKeys = Set(own.map(VietnameseName.canonicalKey))
    let circular = record.regime == .tt22 ? "22" : "58"
    return other.filter { title in
      let key = VietnameseName.canonicalKey(title)
      return !ownKeys.contains(key) && printed.contains(key)
    }.map { title in
      Finding(
        Self.code, .error, ["awards"],
        vi: "Danh hiệu \"\(title)\" không có trong Thông tư \(circular) (năm học \(record.schoolYear)).",
        en: "The title \"\(title)\" does not exist under Circular \(circular) (school year \(record.schoolYear)).")
    }
  }

  /// Compares the written title with the one the levels allow; `excellent` is the higher title.
  private func compare<Title: Hashable>(
    written: Title?, allowed: Title?, names: [Title: String], facts: String, excellent: Title
  ) -> [Finding] {
    guard written != allowed else { return [] }
    let paths = ["awards"]
    switch (written, allowed) {
    case (let written?, nil):
      return [notEligible(names[written] ?? "", facts)]
    case (let written?, _) where written == excellent:
      return [notEligible(names[written] ?? "", facts)]
    case (let written?, let allowed?):
      return [
        Finding(
          Self.code, .warning, paths,
          vi: "Ghi \"\(names[written] ?? "")\" nhưng \(facts) đủ điều kiện \"\(names[allowed] ?? "")\".",
          en: "\"\(names[written] ?? "")\" is written but \(facts) qualify for \"\(names[allowed] ?? "")\".")
      ]
    case (nil, let allowed?):
      return [
        Finding(
          Self.code, .warning, paths,
          vi: "Không ghi danh hiệu nhưng \(facts) đủ điều kiện \"\(names[allowed] ?? "")\": kiểm tra mục khen thưởng.",
          en: "No title is written but \(facts) qualify for \"\(names[allowed] ?? "")\": check the awards line.")
      ]
    case (nil, nil):
      return []
    }
  }
}
