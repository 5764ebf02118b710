import FieldMapping
import Foundation
import ScanCapture

/// Maps a directory of scangen pages and compares each reading with the page's truth file.
struct Evaluation {
  struct TruthField: Decodable {
    var path: String
    var value: String
    var style: String
  }

  struct TruthPage: Decodable {
    var kind: String
    var file: String
    var pageIndex: Int
    var fields: [TruthField]
  }

  /// Tally of exact matches.
  struct Tally {
    var exact = 0
    var total = 0
    var rate: Double { total == 0 ? 1 : Double(exact) / Double(total) }
    var text: String { String(format: "%d/%d (%.1f %%)", exact, total, rate * 100) }
  }

  var typed = Tally()
  var handwritten = Tally()
  var byType: [String: Tally] = [:]
  var byKind: [String: Tally] = [:]
  var pages = 0
  var wrongKind: [String] = []
  var mismatches: [String] = []
  /// Wrong values that the import's review routing would accept (normalised, confident, not empty-critical).
  var silent: [String] = []
  /// How many of `silent` are typed fields (the goal is none).
  var silentTyped = 0
  /// Where crops of mismatching fields are written (`FM_CROPS`), nil for none.
  var cropDirectory: URL?
  var pageMilliseconds: [Double] = []
  var fieldCount = 0

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Maps every page with a truth file under `directory/truth`.
  static func run(directory: URL) throws -> Evaluation {
    let mapper = PageMapper(templates: try TemplateSet.load(directory: packageRoot.appendingPathComponent("Mappings")))
    let engine = TesseractEngine()
    let truthDirectory = directory.appendingPathComponent("truth")
    let names = try FileManager.default.contentsOfDirectory(atPath: truthDirectory.path)
      .filter { $0.hasSuffix(".truth.json") }.sorted()
    var result = Evaluation()
    if let path = ProcessInfo.processInfo.environment["FM_CROPS"] {
      result.cropDirectory = URL(fileURLWithPath: path)
      try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    var loaded: [String: [LoadedPage]] = [:]
    for name in names {
      let truth = try JSONDecoder().decode(
        TruthPage.self, from: Data(contentsOf: truthDirectory.appendingPathComponent(name)))
      let pages = try loaded[truth.file] ?? PageLoader.load(directory.appendingPathComponent(truth.file))
      loaded[truth.file] = pages
      let start = ContinuousClock.now
      let prepared = try PagePreparer().prepare(pages[truth.pageIndex].image, engine: engine)
      let reading = try mapper.read(prepared, engine: engine)
      if let directory = result.cropDirectory {
        try? prepared.image.writePNG(
          to: directory.appendingPathComponent("page-\(name.prefix(while: { $0 != "." })).png"))
      }
      let elapsed = ContinuousClock.now - start
      result.pageMilliseconds.append(
        Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
      result.record(page: name, truth: truth, reading: reading)
    }
    return result
  }

  mutating func record(page: String, truth: TruthPage, reading: PageReading) {
    pages += 1
    var fields: [String: FieldReading] = [:]
    switch reading {
    case .matched(_, let kind, let read):
      if kind.code != truth.kind { wrongKind.append("\(page): \(kind.code) ≠ \(truth.kind)") }
      for field in read { fields[field.path] = field }
      fieldCount += read.count
    case .unmatched(let reason):
      if !["blank", "other"].contains(truth.kind) { wrongKind.append("\(page): unmatched (\(reason))") }
    }
    for field in truth.fields where field.path != "corrections.subjects" && !field.path.hasSuffix(".comment") {
      let reading = fields[field.path]
      let ok = reading?.normalizedValue == field.value
      if field.style == "typed" {
        typed.total += 1
        typed.exact += ok ? 1 : 0
        let type = reading?.type.rawValue ?? "missing"
        byType[type, default: Tally()].total += 1
        byType[type, default: Tally()].exact += ok ? 1 : 0
        byKind[truth.kind, default: Tally()].total += 1
        byKind[truth.kind, default: Tally()].exact += ok ? 1 : 0
        if !ok {
          let raw =
            reading.map { String(format: "\"%@\" → %@ (%.0f)", $0.rawText, $0.normalizedValue ?? "nil", $0.confidence) }
            ?? "not read"
          mismatches.append("\(page) \(field.path): \(raw), truth \"\(field.value)\"")
          if let reading, Self.acceptedWithoutReview(reading) {
            silentTyped += 1
            silent.append("\(page) \(field.path): \(raw), truth \"\(field.value)\"")
          }
          if let directory = cropDirectory, let png = reading?.cropPNG {
            let name = "\(page.prefix(while: { $0 != "." }))-\(field.path).png"
            try? Data(png).write(to: directory.appendingPathComponent(name))
          }
        }
      } else {
        handwritten.total += 1
        handwritten.exact += ok ? 1 : 0
        if !ok, let reading, Self.acceptedWithoutReview(reading) {
          silent.append("\(page) \(field.path) (handwritten): \"\(reading.rawText)\", truth \"\(field.value)\"")
        }
      }
    }
  }

  /// The import's review routing (IngestPipeline.ReviewRouting.standard): true when nobody would look at it.
  static func acceptedWithoutReview(_ field: FieldReading) -> Bool {
    if field.normalizedValue == nil { return false }
    if field.rawText.isEmpty { return !field.critical }
    return field.confidence >= (field.critical ? 90 : 80)
  }

  /// The report printed by the tests.
  var report: String {
    var lines = ["pages \(pages), typed exact \(typed.text), handwritten exact \(handwritten.text)"]
    lines += byKind.sorted { $0.key < $1.key }.map { "  kind \($0.key): \($0.value.text)" }
    lines += byType.sorted { $0.key < $1.key }.map { "  type \($0.key): \($0.value.text)" }
    let total = pageMilliseconds.reduce(0, +)
    lines.append(
      String(
        format: "  time: %.0f ms/page (prepare + map), %.1f ms/field over %d fields", total / Double(max(1, pages)),
        total / Double(max(1, fieldCount)), fieldCount))
    lines.append("  silent errors (wrong and not routed to review): \(silent.count)")
    lines += silent.map { "  SILENT \($0)" }
    lines += wrongKind.map { "  WRONG KIND \($0)" }
    lines += mismatches.map { "  MISMATCH \($0)" }
    return lines.joined(separator: "\n")
  }
}
