import HocBaModel

/// The TT22 học tập level from the subject averages and the Đ/CĐ results (TT22 Điều 9.2–3; domain.md §2.2).
public enum TT22LearningLevel {
  /// The strict level: Tốt, Khá or Đạt when their conditions hold, else Chưa đạt.
  public static func strict(_ subjects: [GradedSubject], rules: TT22LearningRules) -> TT22Level {
    let scores = subjects.compactMap(\.score)
    let commentFailures = subjects.filter { $0.passLevel == .fail }.count
    func meets(_ rule: TT22LevelRule) -> Bool {
      let floorHolds = rule.everySubjectAtLeast.map { floor in scores.allSatisfy { $0 >= floor } } ?? true
      return floorHolds && scores.filter { $0 >= rule.countedSubjectsAtLeast }.count >= rule.count
        && commentFailures <= rule.maximumCommentFailures
    }
    if meets(rules.good) { return .good }
    if meets(rules.fair) { return .fair }
    if meets(rules.pass) { return .pass }
    return .fail
  }

  /// The strict level and, when exactly one subject drops it two or more levels, the Điều 9.3 adjustment.
  ///
  /// The "would-be" level is the strict level without that subject. Whether a comment subject can trigger the
  /// clause and which level it gives come from the policy ([UNCERTAIN] — domain.md §2.2, §9 item 4).
  public static func evaluate(_ subjects: [GradedSubject], policy: TT22Policy) -> LevelEvaluation<TT22Level> {
    let computed = strict(subjects, rules: policy.learning)
    var best: (level: TT22Level, name: String)?
    for (index, subject) in subjects.enumerated() {
      if subject.passLevel != nil && !policy.adjustment.commentSubjectCanTrigger { continue }
      var others = subjects
      others.remove(at: index)
      let without = strict(others, rules: policy.learning)
      if without.ordinal >= computed.ordinal + 2, without.ordinal > (best?.level.ordinal ?? -1) {
        best = (without, subject.name)
      }
    }
    guard let best else { return LevelEvaluation(strict: computed) }
    let adjusted =
      switch policy.adjustmentTarget {
      case .oneAboveComputed: TT22Level(ordinal: computed.ordinal + 1)
      case .oneBelowWouldBe: TT22Level(ordinal: best.level.ordinal - 1)
      }
    return LevelEvaluation(strict: computed, adjusted: adjusted, wouldBe: best.level, triggeringSubject: best.name)
  }

  /// The rule of a level in words with its numbers, e.g. "mọi môn ≥ 6,5 và ít nhất 6 môn ≥ 8,0".
  static func describe(_ level: TT22Level, rules: TT22LearningRules, _ language: Language) -> String {
    let rule: TT22LevelRule
    switch level {
    case .good: rule = rules.good
    case .fair: rule = rules.fair
    case .pass: rule = rules.pass
    case .fail: return language.pick("không đạt điều kiện mức Đạt", "the Đạt conditions are not met")
    }
    var parts: [String] = []
    if let floor = rule.everySubjectAtLeast {
      parts.append(language.pick("mọi môn ≥ \(floor)", "every subject ≥ \(floor)"))
    }
    parts.append(
      language.pick(
        "ít nhất \(rule.count) môn ≥ \(rule.countedSubjectsAtLeast)",
        "at least \(rule.count) subjects ≥ \(rule.countedSubjectsAtLeast)"))
    parts.append(
      language.pick(
        "tối đa \(rule.maximumCommentFailures) môn nhận xét Chưa đạt",
        "at most \(rule.maximumCommentFailures) comment subjects Chưa đạt"))
    return parts.joined(separator: language.pick(", ", ", "))
  }

  /// The facts behind a computed level, with the numbers: lowest score, counts at each threshold, Đ/CĐ.
  static func facts(_ subjects: [GradedSubject], rules: TT22LearningRules, _ language: Language) -> String {
    let scored = subjects.filter { $0.score != nil }
    var parts: [String] = []
    if let lowest = scored.min(by: { $0.score! < $1.score! }) {
      parts.append(
        language.pick("thấp nhất \(lowest.score!) (\(lowest.name))", "lowest \(lowest.score!) (\(lowest.name))"))
    }
    let thresholds = Set([
      rules.good.countedSubjectsAtLeast, rules.fair.countedSubjectsAtLeast, rules.pass.countedSubjectsAtLeast,
    ])
    for threshold in thresholds.sorted(by: >) {
      let count = scored.filter { $0.score! >= threshold }.count
      parts.append(language.pick("\(count) môn ≥ \(threshold)", "\(count) subjects ≥ \(threshold)"))
    }
    let failures = subjects.filter { $0.passLevel == .fail }.map(\.name)
    parts.append(
      language.pick(
        "\(failures.count) môn nhận xét Chưa đạt" + (failures.isEmpty ? "" : " (\(failures.joined(separator: ", ")))"),
        "\(failures.count) comment subjects Chưa đạt"
          + (failures.isEmpty ? "" : " (\(failures.joined(separator: ", ")))")))
    return parts.joined(separator: "; ")
  }
}
