import HocBaModel

/// TT58 ĐTB các môn and học lực from the subject rows (TT58 Điều 11, 13, amended by TT26; domain.md §3.2–3.3).
public enum TT58Classification {
  /// ĐTB các môn: the plain mean of the scored subjects' averages, rounded half-up; nil without scores.
  public static func overallAverage(_ subjects: [GradedSubject]) -> Score? {
    Score.mean(subjects.compactMap(\.score))
  }

  /// The rank rules from the highest (Giỏi) to the lowest (Yếu).
  static func ladder(_ rules: TT58RankRules) -> [(AcademicRank, TT58RankRule)] {
    [(.excellent, rules.excellent), (.good, rules.good), (.average, rules.average), (.weak, rules.weak)]
  }

  /// Whether the ĐTB and key-subject conditions of a rank hold (what "ĐTB đạt mức của loại" checks).
  static func reachesByAverage(
    _ rule: TT58RankRule, average: Score, subjects: [GradedSubject], keySubjectCodes: [String]
  ) -> Bool {
    guard average >= rule.average else { return false }
    guard let key = rule.keySubjectAtLeast else { return true }
    return subjects.contains { keySubjectCodes.contains($0.code) && ($0.score.map { $0 >= key } ?? false) }
  }

  /// The subjects that break a rank's floor or comment condition.
  static func offenders(_ rule: TT58RankRule, subjects: [GradedSubject]) -> (
    scored: [GradedSubject], comments: [GradedSubject]
  ) {
    let scored = subjects.filter { $0.score.map { $0 < rule.everySubjectAtLeast } ?? false }
    let comments = rule.commentsMustPass ? subjects.filter { $0.passLevel == .fail } : []
    return (scored, comments)
  }

  /// The strict học lực: the highest rank whose every condition holds, else Kém.
  public static func strictRank(
    average: Score, subjects: [GradedSubject], keySubjectCodes: [String], rules: TT58RankRules
  ) -> AcademicRank {
    for (rank, rule) in ladder(rules) {
      let broken = offenders(rule, subjects: subjects)
      if reachesByAverage(rule, average: average, subjects: subjects, keySubjectCodes: keySubjectCodes),
        broken.scored.isEmpty, broken.comments.isEmpty
      {
        return rank
      }
    }
    return .poor
  }

  /// The Điều 13.6 table: (rank by ĐTB, rank dragged to) → adjusted rank.
  public static func adjustment(wouldBe: AcademicRank, dragged: AcademicRank) -> AcademicRank? {
    switch (wouldBe, dragged) {
    case (.excellent, .average): .good
    case (.excellent, .weak): .average
    case (.good, .weak): .average
    case (.good, .poor): .weak
    default: nil
    }
  }

  /// The strict rank and, when exactly one subject drags it down per the Điều 13.6 table, the adjusted rank.
  public static func evaluate(
    average: Score, subjects: [GradedSubject], keySubjectCodes: [String], policy: TT58Policy
  ) -> LevelEvaluation<AcademicRank> {
    let strict = strictRank(
      average: average, subjects: subjects, keySubjectCodes: keySubjectCodes, rules: policy.ranks)
    guard
      let (wouldBe, rule) = ladder(policy.ranks).first(where: {
        reachesByAverage($0.1, average: average, subjects: subjects, keySubjectCodes: keySubjectCodes)
      }),
      let adjusted = adjustment(wouldBe: wouldBe, dragged: strict)
    else { return LevelEvaluation(strict: strict) }
    let broken = offenders(rule, subjects: subjects)
    let culprits = policy.adjustment.commentSubjectCanTrigger ? broken.scored + broken.comments : broken.scored
    guard culprits.count == 1, policy.adjustment.commentSubjectCanTrigger || broken.comments.isEmpty else {
      return LevelEvaluation(strict: strict)
    }
    return LevelEvaluation(strict: strict, adjusted: adjusted, wouldBe: wouldBe, triggeringSubject: culprits[0].name)
  }

  /// The facts behind a rank, with the numbers: ĐTB, key subjects, lowest score, Đ/CĐ.
  static func facts(
    average: Score, subjects: [GradedSubject], keySubjectCodes: [String], _ language: Language
  ) -> String {
    var parts = [language.pick("ĐTB các môn \(average)", "overall average \(average)")]
    let keys = subjects.filter { keySubjectCodes.contains($0.code) }.map { "\($0.name) \($0.value)" }
    if !keys.isEmpty { parts.append(keys.joined(separator: ", ")) }
    if let lowest = subjects.filter({ $0.score != nil }).min(by: { $0.score! < $1.score! }) {
      parts.append(
        language.pick("thấp nhất \(lowest.score!) (\(lowest.name))", "lowest \(lowest.score!) (\(lowest.name))"))
    }
    let failures = subjects.filter { $0.passLevel == .fail }.map(\.name)
    parts.append(
      language.pick("\(failures.count) môn nhận xét Chưa đạt", "\(failures.count) comment subjects Chưa đạt")
        + (failures.isEmpty ? "" : " (\(failures.joined(separator: ", ")))"))
    return parts.joined(separator: "; ")
  }
}
