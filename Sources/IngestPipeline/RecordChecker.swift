import HocBaModel
import HocBaRules
import ReviewStore

/// Runs the consistency rules on a stored record, stores the findings and sends the fields they point at to review.
public struct RecordChecker: Sendable {
  public var policy: RulesPolicy

  public init(policy: RulesPolicy = .default) { self.policy = policy }

  /// The rules' findings on a record, in stored form, and the field paths they send to review.
  public func evaluate(_ record: SchoolYearRecord, recordID: Int64 = 0, extra: [Finding] = [])
    -> (findings: [Finding], stored: [StoredFinding], reviewPaths: Set<String>)
  {
    let findings = RuleBook.check(record, policy: policy) + extra
    let stored = findings.map { finding in
      StoredFinding(
        recordID: recordID, fieldPath: finding.fieldPaths.first, ruleCode: finding.ruleCode,
        severity: FindingSeverity(rawValue: finding.severity.rawValue) ?? .error,
        detail: FindingDetail(
          paths: finding.fieldPaths, vietnamese: finding.explanation.vietnamese, english: finding.explanation.english
        ).encoded)
    }
    return (findings, stored, Set(findings.filter { $0.severity != .info }.flatMap(\.fieldPaths)))
  }

  /// Checks a stored record again (plus roster findings, if any), replaces its findings and returns them.
  @discardableResult
  public func check(
    recordID: Int64, record: SchoolYearRecord, extra: [Finding] = [], database: ReviewDatabase, actor: String
  ) throws -> [Finding] {
    let result = evaluate(record, recordID: recordID, extra: extra)
    try database.replaceFindings(
      recordID: recordID, with: result.stored, reviewPaths: result.reviewPaths, actor: actor)
    return result.findings
  }
}
