import Foundation
import HocBaModel
import HocBaSamples
import Testing

@testable import HocBaRules

@Suite struct PolicyTests {
  static let fileURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Mappings/policy/rules-policy.json")

  /// The shipped file as a mutable JSON tree.
  static func shippedTree() throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: fileURL)) as! [String: Any]
  }

  static func decode(_ tree: [String: Any]) throws(RulesPolicyError) -> RulesPolicy {
    try RulesPolicy.decode(try! JSONSerialization.data(withJSONObject: tree))
  }

  @Test func theShippedFileDecodesToTheDefault() throws {
    #expect(try RulesPolicy.load(contentsOf: Self.fileURL) == RulesPolicy.default)
  }

  @Test func theDefaultRoundTripsThroughJSON() throws {
    #expect(try RulesPolicy.decode(RulesPolicy.default.encodedJSON()) == RulesPolicy.default)
  }

  @Test func aNewerVersionIsRefused() throws {
    var tree = try Self.shippedTree()
    tree["version"] = 2
    #expect(throws: RulesPolicyError.newerVersion(found: 2, supported: 1)) { try Self.decode(tree) }
    #expect(
      RulesPolicyError.newerVersion(found: 2, supported: 1).message(in: .vietnamese).contains("phiên bản 2"))
  }

  @Test func decodingErrorsNameTheKeyPath() throws {
    var tree = try Self.shippedTree()
    var promotion = tree["promotion"] as! [String: Any]
    promotion["maximumAbsences"] = nil
    tree["promotion"] = promotion
    #expect(
      throws: RulesPolicyError.invalidValue(keyPath: "promotion.maximumAbsences", reason: "thiếu khoá / missing key")
    ) {
      try Self.decode(tree)
    }

    tree = try Self.shippedTree()
    var tt22 = tree["tt22"] as! [String: Any]
    var learning = tt22["learning"] as! [String: Any]
    var good = learning["good"] as! [String: Any]
    good["count"] = "six"
    learning["good"] = good
    tt22["learning"] = learning
    tree["tt22"] = tt22
    #expect(throws: RulesPolicyError.invalidValue(keyPath: "tt22.learning.good.count", reason: "sai kiểu / wrong type"))
    {
      try Self.decode(tree)
    }

    good["count"] = 6
    good["countedSubjectsAtLeast"] = "8,55"
    learning["good"] = good
    tt22["learning"] = learning
    tree["tt22"] = tt22
    do {
      _ = try Self.decode(tree)
      Issue.record("a malformed score was accepted")
    } catch {
      guard case .invalidValue(let keyPath, _) = error else { Issue.record("\(error)"); return }
      #expect(keyPath == "tt22.learning.good.countedSubjectsAtLeast")
    }
  }

  @Test func anUnknownKeyIsRefused() throws {
    var tree = try Self.shippedTree()
    var promotion = tree["promotion"] as! [String: Any]
    promotion["maximumAbsence"] = 40
    tree["promotion"] = promotion
    #expect(throws: RulesPolicyError.unknownKey(keyPath: "promotion.maximumAbsence")) { try Self.decode(tree) }
    #expect(
      RulesPolicyError.unknownKey(keyPath: "promotion.maximumAbsence").message(in: .vietnamese)
        .contains("promotion.maximumAbsence"))
  }

  @Test func notJSONIsRefused() {
    #expect(throws: RulesPolicyError.notJSON) { try RulesPolicy.decode(Data("[1, 2]".utf8)) }
  }

  @Test func aChangedThresholdChangesTheOutcome() throws {
    var tree = try Self.shippedTree()
    tree["promotion"] = ["maximumAbsences": 46]
    let lenient = try Self.decode(tree)
    var record = SampleRecords.tt22Secondary
    record.absences = 46
    #expect(findings("C8", record).map(\.severity) == [.error])
    #expect(findings("C8", record, policy: lenient).isEmpty)

    var tt22 = tree["tt22"] as! [String: Any]
    tt22["optionalSubjectsCount"] = true
    tree["tt22"] = tt22
    #expect(try Self.decode(tree).tt22.optionalSubjectsCount)
  }
}
