import HocBaModel

/// One consistency rule of domain.md §8, run on one school-year record.
///
/// A check that does not apply to the record's regime returns no findings. Checks never change the record.
public protocol ConsistencyCheck: Sendable {
  /// The rule code, "C1" … "C17".
  static var code: String { get }
  /// The findings for `record` under `policy`; empty when the record is consistent or the rule does not apply.
  func run(_ record: SchoolYearRecord, policy: RulesPolicy) -> [Finding]
}
