import Foundation
import HocBaModel
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

  /// Typed (printed) fields routed by confidence only.
  public var typed = Tally()
  /// The same fields routed by confidence plus the consistency rules (a field a rule points at goes to review).
  public var typedWithRules = Tally()
  /// Handwritten-style fields (comments, signature names), routed by confidence plus rules.
  public var handwritten = Tally()
  public var byType: [String: Tally] = [:]
  public var byPageKind: [String: Tally] = [:]
  /// Pages whose kind (or blank / not a học bạ / duplicate / damaged file) was recognised correctly, out of `pages`.
  public var pagesClassified = 0
  public var pages = 0
  /// Truth pages with no saved page in the database.
  public var pagesMissing: [String] = []
  /// Books (students) put together right, and records that mix two students.
  public var books = BookTally()

  /// The truth and what the database holds, loaded once for several evaluations.
  public struct Corpus: Sendable {
    let truths: [TruthPage]
    /// The saved pages by file name and page number, built once (the calibration sweep reads it many times).
    let pageIndex: [PageAddress: StoredPage]
    let flagged: Set<FieldKey>
    /// The file names of quarantined inputs.
    let quarantined: Set<String>
    /// The records, for the book-assembly measure.
    let records: [SchoolYearRecord]

    /// Loads every `*.truth.json` in `truthFolder` and the pages and rule flags saved in `database`.
    public static func load(truthFolder: URL, database: ReviewDatabase) throws -> Corpus {
      let files = try FileManager.default.contentsOfDirectory(at: truthFolder, includingPropertiesForKeys: nil)
        .filter { $0.lastPathComponent.hasSuffix(".truth.json") }.sorted { $0.path < $1.path }
      let truths = try files.map { try JSONDecoder().decode(TruthPage.self, from: Data(contentsOf: $0)) }
      let saved = try database.pages()
      let index = Dictionary(saved.map { (PageAddress(file: $0.fileName, page: $0.pageNumber), $0) }) { first, _ in
        first
      }
      let quarantined = Set(try database.quarantined().map { URL(fileURLWithPath: $0.path).lastPathComponent })
      return Corpus(
        truths: truths, pageIndex: index, flagged: try database.flaggedFieldKeys(), quarantined: quarantined,
        records: try database.records().map(\.record))
    }
  }

  /// Evaluates every `*.truth.json` in `truthFolder` against the pages saved in `database`.
  public static func evaluate(
    truthFolder: URL, database: ReviewDatabase, routing: ReviewRouting = .standard
  ) throws -> TruthEvaluation {
    evaluate(try Corpus.load(truthFolder: truthFolder, database: database), routing: routing)
  }

  /// Evaluates a loaded corpus with one routing policy.
  public static func evaluate(_ corpus: Corpus, routing: ReviewRouting) -> TruthEvaluation {
    var result = TruthEvaluation()
    result.books = BookTally.count(truths: corpus.truths, records: corpus.records)
    for truth in corpus.truths {
      result.pages += 1
      if truth.kind == "corrupt" {
        // A damaged file has no pages: it is reported correctly when it was quarantined.
        if corpus.quarantined.contains(truth.file) { result.pagesClassified += 1 }
        continue
      }
      guard
        let page = corpus.pageIndex[PageAddress(file: truth.file, page: truth.pageIndex + 1)]
      else {
        result.pagesMissing.append("\(truth.file) #\(truth.pageIndex + 1)")
        continue
      }
      if truth.expectedOutcome == page.outcome && (page.outcome != .mapped || page.kind == truth.kind) {
        result.pagesClassified += 1
      }
      guard page.outcome == .mapped || truth.expectedOutcome == .mapped else { continue }
      for field in truth.fields ?? [] {
        let read = page.fields.first { $0.path == field.path }
        let correct = read.map { ($0.normalizedValue ?? "") == field.value } ?? false
        let byConfidence = read.map(routing.needsReview) ?? true
        let byRules = byConfidence || corpus.flagged.contains(FieldKey(pageID: page.id, path: field.path))
        if field.style == "handwritten" {
          result.handwritten.add(correct: correct, reviewed: byRules)
          continue
        }
        result.typed.add(correct: correct, reviewed: byConfidence)
        result.typedWithRules.add(correct: correct, reviewed: byRules)
        result.byType[read?.type ?? "missing", default: Tally()].add(correct: correct, reviewed: byRules)
        result.byPageKind[truth.kind, default: Tally()].add(correct: correct, reviewed: byRules)
      }
    }
    return result
  }

  /// One point of a calibration sweep.
  public struct CalibrationPoint: Sendable, Codable {
    public var minimumConfidence: Double
    public var minimumCriticalConfidence: Double
    public var confidenceOnly: Tally
    public var withRules: Tally
  }

  /// Sweeps the confidence thresholds and returns, for each mode, the lowest review rate with no silent error.
  public static func calibrate(_ corpus: Corpus) -> (confidenceOnly: CalibrationPoint?, withRules: CalibrationPoint?) {
    var points: [CalibrationPoint] = []
    for normal in stride(from: 0.0, through: 100, by: 5) {
      for critical in stride(from: normal, through: 100, by: 5) {
        let result = evaluate(
          corpus, routing: ReviewRouting(minimumConfidence: normal, minimumCriticalConfidence: critical))
        points.append(
          CalibrationPoint(
            minimumConfidence: normal, minimumCriticalConfidence: critical, confidenceOnly: result.typed,
            withRules: result.typedWithRules))
      }
    }
    let confidenceOnly = points.filter { $0.confidenceOnly.silentErrors == 0 }
      .min { $0.confidenceOnly.sentToReview < $1.confidenceOnly.sentToReview }
    let withRules = points.filter { $0.withRules.silentErrors == 0 }
      .min { $0.withRules.sentToReview < $1.withRules.sentToReview }
    return (confidenceOnly, withRules)
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
  /// The student the page belongs to (absent on extras such as blank or foreign pages).
  let studentKey: String?
  let fields: [Field]?
  /// Set on a rescan of a sheet that is already in the corpus.
  let duplicateOf: String?
  /// Set on a rotated copy of a page already in the corpus: the same sheet again, so also a duplicate.
  let sourcePage: String?

  /// What the importer should have made of this page.
  var expectedOutcome: PageOutcome {
    if duplicateOf != nil || sourcePage != nil { return .duplicate }
    return switch kind {
    case "blank": .blank
    case "other": .unmatched
    default: .mapped
    }
  }
}

/// A page's place in the imported files.
struct PageAddress: Hashable {
  let file: String
  let page: Int
}
