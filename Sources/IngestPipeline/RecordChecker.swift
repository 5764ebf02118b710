import HocBaModel
import HocBaRules
import ReviewStore

/// Runs the consistency rules on a stored record, stores the findings and sends the fields they point at to review.
public struct RecordChecker: Sendable {
  public var policy: RulesPolicy

  public init(policy: RulesPolicy = .default) { self.policy = policy }

  /// Checks one record (plus roster findings, if any) and returns the findings stored.
  @discardableResult
  public func check(
    recordID: Int64, record: SchoolYearRecord, extra: [Finding] = [], database: ReviewDatabase, actor: String
  ) throws -> [Finding] {
    let findings = RuleBook.check(record, policy: policy) + extra
    let stored = findings.map { finding in
      StoredFinding(
        recordID: recordID, fieldPath: finding.fieldPaths.first, ruleCode: finding.ruleCode,
        severity: FindingSeverity(rawValue: finding.severity.rawValue) ?? .error,
        detail: FindingDetail(
          paths: finding.fieldPaths, vietnamese: finding.explanation.vietnamese, english: finding.explanation.english
        ).encoded)
    }
    let review = Set(findings.filter { $0.severity != .info }.flatMap(\.fieldPaths))
    try database.replaceFindings(recordID: recordID, with: stored, reviewPaths: review, actor: actor)
    return findings
  }
}
