import Foundation
import HocBaModel

extension RulesPolicy {
  /// Loads a policy file; refuses newer versions, unknown keys and invalid values, naming the key path.
  public static func load(contentsOf url: URL) throws(RulesPolicyError) -> RulesPolicy {
    guard let data = try? Data(contentsOf: url) else { throw .unreadable(path: url.path) }
    return try decode(data)
  }

  /// Decodes a policy from JSON bytes; see `load(contentsOf:)`.
  public static func decode(_ data: Data) throws(RulesPolicyError) -> RulesPolicy {
    guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
      throw .notJSON
    }
    guard let version = try? JSONDecoder().decode(VersionProbe.self, from: data).version else {
      throw .invalidValue(keyPath: "version", reason: "cần một số nguyên / an integer is required")
    }
    guard version <= supportedVersion else { throw .newerVersion(found: version, supported: supportedVersion) }
    guard version >= 1 else { throw .invalidValue(keyPath: "version", reason: "≥ 1") }
    if let problem = firstProblem(in: root, template: templateTree, key: "", prefix: "") { throw problem }
    let policy: RulesPolicy
    do {
      policy = try JSONDecoder().decode(RulesPolicy.self, from: data)
    } catch let error as DecodingError {
      throw Self.describe(error)
    } catch {
      throw .notJSON
    }
    try policy.validate()
    return policy
  }

  /// The policy as pretty JSON with sorted keys, the form of the shipped file.
  public func encodedJSON() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)) ?? Data()
  }

  /// Semantic checks the JSON types cannot express.
  func validate() throws(RulesPolicyError) {
    let counts: [(String, Int)] = [
      ("tt22.learning.good.count", tt22.learning.good.count), ("tt22.learning.fair.count", tt22.learning.fair.count),
      ("tt22.learning.pass.count", tt22.learning.pass.count), ("tt22.excellentAward.count", tt22.excellentAward.count),
      ("promotion.maximumAbsences", promotion.maximumAbsences), ("age.youngerTolerance", age.youngerTolerance),
      ("age.olderTolerance", age.olderTolerance), ("age.gradeSixAge", age.gradeSixAge),
    ]
    for (path, value) in counts where value < 0 {
      throw .invalidValue(keyPath: path, reason: "không được âm / must not be negative")
    }
    if yearAverage.tolerance.tenths > 10 {
      throw .invalidValue(keyPath: "yearAverage.tolerance", reason: "≤ 1.0")
    }
    if tt58.keySubjects.isEmpty {
      throw .invalidValue(keyPath: "tt58.keySubjects", reason: "cần ít nhất một tập / at least one set")
    }
  }

  /// The key tree of the format, taken from the defaults so it cannot drift from the types.
  nonisolated(unsafe) private static let templateTree: Any =
    (try? JSONSerialization.jsonObject(with: RulesPolicy.default.encodedJSON())) ?? [:]

  /// The first unknown key or malformed score in `value`, walking it beside the defaults' key tree.
  private static func firstProblem(in value: Any, template: Any?, key: String, prefix: String) -> RulesPolicyError? {
    if let object = value as? [String: Any], let templateObject = template as? [String: Any] {
      for child in object.keys.sorted() {
        let path = prefix.isEmpty ? child : "\(prefix).\(child)"
        // Optional thresholds are left out of the encoded defaults when nil; they are still known keys.
        guard templateObject[child] != nil || optionalKeys.contains(child) else { return .unknownKey(keyPath: path) }
        if let found = firstProblem(in: object[child]!, template: templateObject[child], key: child, prefix: path) {
          return found
        }
      }
    } else if let array = value as? [Any], let templateArray = template as? [Any] {
      for (index, element) in array.enumerated() {
        let path = "\(prefix)[\(index)]"
        if let found = firstProblem(in: element, template: templateArray.first, key: key, prefix: path) {
          return found
        }
      }
    } else if let text = value as? String, isScoreKey(key, template: template), (try? Score(parsing: text)) == nil {
      return .invalidValue(keyPath: prefix, reason: "cần điểm 0–10 với tối đa một chữ số thập phân / a score 0–10")
    }
    return nil
  }

  private static func isScoreKey(_ key: String, template: Any?) -> Bool {
    if optionalKeys.contains(key) { return true }
    guard let text = template as? String else { return false }
    return (try? Score(parsing: text)) != nil
  }

  /// Reads only the version, before the rest of the format is trusted.
  private struct VersionProbe: Decodable { let version: Int }

  private static let optionalKeys: Set<String> = ["everySubjectAtLeast", "keySubjectAtLeast"]

  private static func describe(_ error: DecodingError) -> RulesPolicyError {
    func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
      var text = ""
      for key in codingPath + (last.map { [$0] } ?? []) {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
      return text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return .invalidValue(keyPath: path(context.codingPath, key), reason: "thiếu khoá / missing key")
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return .invalidValue(keyPath: path(context.codingPath), reason: "sai kiểu / wrong type")
    case .dataCorrupted(let context):
      return .invalidValue(keyPath: path(context.codingPath), reason: "giá trị không hợp lệ / invalid value")
    @unknown default:
      return .notJSON
    }
  }
}
