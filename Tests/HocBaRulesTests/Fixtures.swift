import HocBaModel
import HocBaSamples

@testable import HocBaRules

/// A score from its Vietnamese text ("7,5").
func s(_ text: String) -> Score { try! Score(parsing: text) }

/// The findings of one rule for a record.
func findings(_ code: String, _ record: SchoolYearRecord, policy: RulesPolicy = .default) -> [Finding] {
  RuleBook.check(record, policy: policy).filter { $0.ruleCode == code }
}

/// The eight TT22 THCS scored subject codes, in book order.
let tt22ScoredCodes = ["ngu-van", "toan", "ngoai-ngu-1", "gdcd", "lich-su-dia-li", "khtn", "cong-nghe", "tin-hoc"]

/// The nine TT58 THCS grade-7 scored subject codes, in book order.
let tt58ScoredCodes = [
  "toan", "vat-li", "sinh-hoc", "ngu-van", "lich-su", "dia-li", "ngoai-ngu", "gdcd", "cong-nghe",
]

/// Graded subjects with the given scores (codes s1, s2, …) and comment results.
func graded(_ scores: [String], comments: [PassLevel] = [], codes: [String]? = nil) -> [GradedSubject] {
  let codes = codes ?? scores.indices.map { "s\($0 + 1)" }
  return zip(codes, scores).map { GradedSubject(code: $0, name: $0, value: .score(s($1))) }
    + comments.enumerated().map {
      GradedSubject(code: "c\($0.offset + 1)", name: "c\($0.offset + 1)", value: .level($0.element))
    }
}

/// A TT22 grade-8 record whose scored subjects have HK I = HK II = Cả năm = the given scores (book order) and
/// whose four comment subjects have the given results; the learning levels are printed as `learning`.
func tt22Record(
  _ scores: [String], comments: [PassLevel] = [.pass, .pass, .pass, .pass], learning: TT22Level,
  conduct: TT22Level = .good, absences: Int = 2, promotion: PromotionDecision = .promoted, awards: [String] = []
) -> SchoolYearRecord {
  var record = SampleRecords.tt22Secondary
  for (index, code) in tt22ScoredCodes.enumerated() {
    let position = record.subjects.firstIndex { $0.code == code }!
    let value = Assessment.score(s(scores[index]))
    record.subjects[position].firstTerm = value
    record.subjects[position].secondTerm = value
    record.subjects[position].fullYear = value
  }
  let commentRows = record.subjects.indices.filter { record.subjects[$0].fullYear?.score == nil }
  for (index, position) in commentRows.enumerated() {
    record.subjects[position].firstTerm = .level(comments[index])
    record.subjects[position].secondTerm = .level(comments[index])
    record.subjects[position].fullYear = .level(comments[index])
  }
  record.summary = .tt22(
    TT22Summary(
      conduct: TT22Levels(firstTerm: conduct, secondTerm: conduct, fullYear: conduct),
      learning: TT22Levels(firstTerm: learning, secondTerm: learning, fullYear: learning)))
  record.absences = absences
  record.promotion = promotion
  record.awards = awards
  return record
}

/// A TT58 grade-7 (2020-21) record with HK I = HK II = Cả năm = the given scores, the three comment subjects
/// at `comments`, the ĐTB computed, and the ranks printed as `rank`.
func tt58Record(
  _ scores: [String], comments: [PassLevel] = [.pass, .pass, .pass], rank: AcademicRank,
  conduct: ConductLevel = .good, absences: Int = 4, promotion: PromotionDecision = .promoted, awards: [String] = []
) -> SchoolYearRecord {
  var record = SampleRecords.tt58Secondary
  for (index, code) in tt58ScoredCodes.enumerated() {
    let position = record.subjects.firstIndex { $0.code == code }!
    let value = Assessment.score(s(scores[index]))
    record.subjects[position].firstTerm = value
    record.subjects[position].secondTerm = value
    record.subjects[position].fullYear = value
  }
  let commentRows = record.subjects.indices.filter { record.subjects[$0].fullYear?.score == nil }
  for (index, position) in commentRows.enumerated() {
    record.subjects[position].firstTerm = .level(comments[index])
    record.subjects[position].secondTerm = .level(comments[index])
    record.subjects[position].fullYear = .level(comments[index])
  }
  let average = Score.mean(scores.map(s))
  record.summary = .tt58(
    TT58Summary(
      conductFirstTerm: conduct, conductSecondTerm: conduct, conductFullYear: conduct, rankFirstTerm: rank,
      rankSecondTerm: rank, rankFullYear: rank, averageFirstTerm: average, averageSecondTerm: average,
      averageFullYear: average))
  record.absences = absences
  record.promotion = promotion
  record.awards = awards
  return record
}

extension SchoolYearRecord {
  /// The index of a subject row by code.
  func row(_ code: String) -> Int { subjects.firstIndex { $0.code == code }! }
}
