import HocBaModel

/// C8: the promotion decision agrees with the levels and absences, using the values after summer training or
/// re-assessment when present. TT22: rèn luyện ≥ Đạt, học tập ≥ Đạt, absences ≤ 45 (Điều 12). TT58: hạnh kiểm
/// ≥ Tb, học lực ≥ Tb, absences ≤ 45 (Điều 15). A contradiction is an error; the wrong wording for the grade
/// (lên lớp vs hoàn thành chương trình) or a "sau …" decision without the re-assessed value is a warning.
public struct C08PromotionCheck: ConsistencyCheck {
  /// "C8".
  public static let code = "C8"

  /// Creates the check.
  public init() {}

  /// Runs the check.
  public func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding] {
    guard let decision = record.promotion else { return [] }
    var findings = wording(record, decision)
    let maximum = policy.promotion.maximumAbsences
    // Each failed condition: (field path, Vietnamese, English).
    var failures: [(String, String, String)] = []
    var passes: [String] = []
    var reassessedPresent = (conduct: false, learning: false)
    switch record.summary {
    case .tt22(let summary):
      guard let conduct = summary.conduct.reassessed ?? summary.conduct.fullYear,
        let learning = summary.learning.reassessed ?? summary.learning.fullYear
      else { return findings }
      reassessedPresent = (summary.conduct.reassessed != nil, summary.learning.reassessed != nil)
      let conductPath = "summary.conduct.\(summary.conduct.reassessed == nil ? "fullYear" : "reassessed")"
      let learningPath = "summary.learning.\(summary.learning.reassessed == nil ? "fullYear" : "reassessed")"
      if conduct == .fail {
        failures.append((conductPath, "rèn luyện Chưa đạt", "rèn luyện is Chưa đạt"))
      }
      if learning == .fail {
        failures.append((learningPath, "học tập Chưa đạt", "học tập is Chưa đạt"))
      }
      passes.append("rèn luyện \(conduct.name), học tập \(learning.name)")
    case .tt58(let summary):
      guard let conduct = summary.conductReassessed ?? summary.conductFullYear,
        let rank = summary.rankReassessed ?? summary.rankFullYear
      else { return findings }
      reassessedPresent = (summary.conductReassessed != nil, summary.rankReassessed != nil)
      let conductPath = "summary.conduct.\(summary.conductReassessed == nil ? "fullYear" : "reassessed")"
      let rankPath = "summary.rank.\(summary.rankReassessed == nil ? "fullYear" : "reassessed")"
      if conduct.ordinal < ConductLevel.average.ordinal {
        failures.append((conductPath, "hạnh kiểm \(conduct.name)", "hạnh kiểm is \(conduct.name)"))
      }
      if rank.ordinal < AcademicRank.average.ordinal {
        failures.append((rankPath, "học lực \(rank.name)", "học lực is \(rank.name)"))
      }
      passes.append("hạnh kiểm \(conduct.name), học lực \(rank.name)")
    }
    if let absences = record.absences {
      if absences > maximum {
        failures.append(
          ("absences", "nghỉ \(absences) buổi (tối đa \(maximum))", "\(absences) absences (at most \(maximum))"))
      } else {
        passes.append("nghỉ \(absences) buổi (≤ \(maximum))")
      }
    } else if failures.isEmpty {
      return findings  // Eligibility unknown without the absences.
    }
    let printed = "\"\(decision.label)\""
    if decision.isPositive, !failures.isEmpty {
      findings.append(
        Finding(
          Self.code, .error, ["promotion"] + failures.map(\.0),
          vi: "Ghi \(printed) nhưng \(failures.map(\.1).joined(separator: ", ")): không đủ điều kiện lên lớp.",
          en: "The book reads \(printed) but \(failures.map(\.2).joined(separator: ", ")): not eligible."))
    } else if !decision.isPositive, failures.isEmpty {
      let facts = passes.joined(separator: ", ")
      findings.append(
        Finding(
          Self.code, .error, ["promotion", "absences"],
          vi: "Ghi \(printed) nhưng \(facts): đủ điều kiện lên lớp.",
          en: "The book reads \(printed) but \(facts): the student is eligible."))
    }
    if decision == .promotedAfterSummerTraining, !reassessedPresent.conduct {
      findings.append(missingReassessed(printed, "summary.conduct.reassessed", "rèn luyện/hạnh kiểm"))
    }
    if decision == .promotedAfterReassessment, !reassessedPresent.learning,
      !record.subjects.contains(where: { $0.reassessment != nil })
    {
      let path = record.regime == .tt22 ? "summary.learning.reassessed" : "summary.rank.reassessed"
      findings.append(missingReassessed(printed, path, "học tập/học lực"))
    }
    return findings
  }

  private func wording(_ record: SchoolYearRecord, _ decision: PromotionDecision) -> [Finding] {
    guard let band = record.band else { return [] }
    let final = record.grade == band.finalGrade
    let completion = decision == .completedProgramme || decision == .notCompleted
    guard final != completion else { return [] }
    return [
      Finding(
        Self.code, .warning, ["promotion"],
        vi: final
          ? "Lớp \(record.grade) là lớp cuối cấp: ghi \"Hoàn thành chương trình\" thay cho \"\(decision.label)\"."
          : "Lớp \(record.grade) không phải lớp cuối cấp nhưng ghi \"\(decision.label)\".",
        en: final
          ? "Grade \(record.grade) ends the level: the book should read completion, not \"\(decision.label)\"."
          : "Grade \(record.grade) does not end the level but the book reads \"\(decision.label)\".")
    ]
  }

  private func missingReassessed(_ printed: String, _ path: String, _ what: String) -> Finding {
    Finding(
      Self.code, .warning, ["promotion", path],
      vi: "Ghi \(printed) nhưng không có mức \(what) sau rèn luyện hè / đánh giá lại.",
      en: "The book reads \(printed) but no \(what) value after summer training / re-assessment is recorded.")
  }
}
