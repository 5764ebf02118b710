import Foundation
import HocBaModel
import HocBaRules
import IngestPipeline
import ReviewStore

/// The rules that run again after every correction (`hocba set`, the review station), and the policy they use.
enum RulesRefresh {
  /// The rules policy: `path` when given, else `Mappings/policy/rules-policy.json` if present, else the default.
  static func policy(path: String? = nil) throws -> RulesPolicy {
    if let path { return try RulesPolicy.load(contentsOf: URL(fileURLWithPath: path)) }
    let shipped = URL(fileURLWithPath: "Mappings/policy/rules-policy.json")
    if FileManager.default.fileExists(atPath: shipped.path) { return try RulesPolicy.load(contentsOf: shipped) }
    return .default
  }

  /// Evaluates a record into stored findings inside the write that changed it (as `hocba check` stores them).
  static func evaluation(policy: RulesPolicy) -> FindingEvaluation {
    let checker = RecordChecker(policy: policy)
    return { record, recordID in checker.evaluate(record, recordID: recordID).stored }
  }
}
