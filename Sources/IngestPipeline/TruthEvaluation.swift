import Foundation
import ReviewStore

/// Compares an imported database with the generator's ground truth: exact-match rates per field type and page
/// kind, the review rate, and the silent error rate (fields that are wrong and were not sent to review).
public struct TruthEvaluation: Sendable, Codable {
  /// Counts for one group of fields.
  public struct Tally: Sendable, Equatable, Codable {
    public var fields = 0
    public var exact = 0
    public var sentToReview = 0
    /// Wrong and not sent to review: the errors that would reach a signed record.
    public var silentErrors = 0

    public var exactRate: Double { fields == 0 ? 1 : Double(exact) / Double(fields) }
    public var reviewRate: Double { fields == 0 ? 0 : Double(sentToReview) / Double(fields) }
    public var silentErrorRate: Double { fields == 0 ? 0 : Double(silentErrors) / Double(fields) }

    mutating func add(correct: Bool, reviewed: Bool) {
      fields += 1
      if correct { exact += 1 }
      if reviewed { sentToReview += 1 }
      if !correct && !reviewed { silentErrors += 1 }
    }
  }

  /// Typed (printed) fields, which the acceptance figures are about.
  public var typed = Tally()
  /// Handwritten-style fields (comments, signature names).
  public var handwritten = Tally()
  public var byType: [String: Tally] = [:]
  public var byPageKind: [String: Tally] = [:]
  /// Pages whose kind (or blank / not a học bạ page) was recognised correctly, out of `pages`.
  public var pagesClassified = 0
  public var pages = 0
  /// Truth pages with no saved page in the database.
  public var pagesMissing: [String] = []

  /// Evaluates every `*.truth.json` in `truthFolder` against the pages saved in `database`.
  public static func evaluate(
    truthFolder: URL, database: ReviewDatabase, routing: ReviewRouting = .standard
  ) throws -> TruthEvaluation {
    var result = TruthEvaluation()
    let saved = try database.pages()
    let files = try FileManager.default.contentsOfDirectory(at: truthFolder, includingPropertiesForKeys: nil)
      .filter { $0.lastPathComponent.hasSuffix(".truth.json") }.sorted { $0.path < $1.path }
    for file in files {
      let truth = try JSONDecoder().decode(TruthPage.self, from: Data(contentsOf: file))
      result.pages += 1
      guard let page = saved.first(where: { $0.fileName == truth.file && $0.pageNumber == truth.pageIndex + 1 })
      else {
        result.pagesMissing.append("\(truth.file) #\(truth.pageIndex + 1)")
        continue
      }
      if truth.expectedOutcome == page.outcome && (page.outcome != .mapped || page.kind == truth.kind) {
        result.pagesClassified += 1
      }
      for field in truth.fields ?? [] {
        let read = page.fields.first { $0.path == field.path }
        let correct = read.map { ($0.normalizedValue ?? "") == field.value } ?? false
        let reviewed = read.map(routing.needsReview) ?? true
        if field.style == "handwritten" {
          result.handwritten.add(correct: correct, reviewed: reviewed)
          continue
        }
        result.typed.add(correct: correct, reviewed: reviewed)
        result.byType[read?.type ?? "missing", default: Tally()].add(correct: correct, reviewed: reviewed)
        result.byPageKind[truth.kind, default: Tally()].add(correct: correct, reviewed: reviewed)
      }
    }
    return result
  }
}

/// The part of a generator truth file the evaluation reads.
struct TruthPage: Decodable {
  struct Field: Decodable {
    let path: String
    let value: String
    let style: String
  }

  let kind: String
  let file: String
  let pageIndex: Int
  let fields: [Field]?
  /// Set on a rescan of a sheet that is already in the corpus.
  let duplicateOf: String?

  /// What the importer should have made of this page.
  var expectedOutcome: PageOutcome {
    if duplicateOf != nil { return .duplicate }
    return switch kind {
    case "blank": .blank
    case "other": .unmatched
    default: .mapped
    }
  }
}
