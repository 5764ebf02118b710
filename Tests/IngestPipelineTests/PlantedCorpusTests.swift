import Foundation
import HocBaModel
import ReviewStore
import Testing

@testable import IngestPipeline

/// Inconsistencies planted in the generated corpus (the ground truth of `Scans/`, read as a perfect OCR would) are
/// flagged by the rules on the right field, every time.
@Suite struct PlantedCorpusTests {
  struct Truth: Decodable {
    struct Field: Decodable {
      let path: String
      let value: String
      let critical: Bool
    }
    let kind: String
    let file: String
    let pageIndex: Int
    let fields: [Field]?
  }

  static let truthFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scans/truth")

  /// Saves every truth page as a perfectly read page, applying `plant` to the values first.
  static func loadCorpus(_ database: ReviewDatabase, plant: (String, inout [String: String]) -> Void) throws {
    let files = try FileManager.default.contentsOfDirectory(at: truthFolder, includingPropertiesForKeys: nil)
      .filter { $0.lastPathComponent.hasSuffix(".truth.json") }.sorted { $0.path < $1.path }
    var scans: [String: Int64] = [:]
    for url in files {
      let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: url))
      var values = Dictionary((truth.fields ?? []).map { ($0.path, $0.value) }) { first, _ in first }
      plant(truth.file, &values)
      let scanID: Int64
      if let known = scans[truth.file] {
        scanID = known
      } else {
        let sha = String(repeating: String(scans.count % 10), count: 64)
        scanID = try database.registerScan(sha256: sha, fileName: truth.file, pageCount: 4, actor: "t").id
        scans[truth.file] = scanID
      }
      let fields = (truth.fields ?? []).map { field in
        PageFieldEvidence(
          path: field.path, type: "text", critical: field.critical, rawText: values[field.path] ?? "",
          normalizedValue: values[field.path], confidence: 99, box: FieldBox(x: 0, y: 0, width: 1, height: 1),
          cropPath: nil)
      }
      try database.savePage(
        PageEvidence(
          scanID: scanID, pageNumber: truth.pageIndex + 1, contentSHA256: nil, outcome: .mapped, kind: truth.kind,
          fields: fields), actor: "t")
    }
  }

  static func assembled(plant: (String, inout [String: String]) -> Void) throws -> ReviewDatabase {
    let database = try ReviewDatabase.inMemory()
    try loadCorpus(database, plant: plant)
    var summary = ImportSummary()
    try BookAssembler(
      database: database, options: ImportOptions(inputs: [], workFolder: URL(fileURLWithPath: "/tmp"), actor: "t")
    ).assemble(into: &summary)
    return database
  }

  /// Every error or warning of every record, as (record school year, rule, first path).
  static func flags(_ database: ReviewDatabase) throws -> [(year: String, rule: String, paths: [String])] {
    try database.records().flatMap { stored in
      try database.findings(recordID: stored.id).filter { $0.severity != .info }.map {
        (stored.record.schoolYear.description, $0.ruleCode, $0.paths)
      }
    }
  }

  @Test func theUnplantedCorpusHasNoErrors() throws {
    let database = try Self.assembled { _, _ in }
    #expect(try database.records().count == 7)
    let errors = try database.records().flatMap { try database.findings(recordID: $0.id) }
      .filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.ruleCode))")
  }

  @Test func aWrongYearAverageIsFlaggedOnThatCell() throws {
    var planted: [String] = []
    let database = try Self.assembled { file, values in
      // In every year page: the first scored subject's Cả năm is raised by 0,5.
      guard let path = values.keys.sorted().first(where: { $0.hasSuffix(".fullYear") && $0.hasPrefix("subjects.") }),
        let score = try? Score(parsing: values[path]!), let wrong = Score(tenths: (score.tenths + 5) % 101)
      else { return }
      values[path] = wrong.canonical
      planted.append("\(file) \(path)")
    }
    let flags = try Self.flags(database)
    #expect(!planted.isEmpty)
    for entry in planted {
      let path = String(entry.split(separator: " ")[1])
      #expect(flags.contains { $0.rule == "C2" && $0.paths.first == path }, "\(entry) flagged")
    }
  }

  @Test func aCitizenIDDisagreeingWithTheBirthYearIsFlagged() throws {
    var plantedFiles = 0
    let database = try Self.assembled { _, values in
      guard let id = values["student.citizenID"], id.count == 12 else { return }
      // Change the two birth-year digits (positions 5–6).
      let digits = Array(id)
      let yy = (Int(String(digits[4...5]))! + 3) % 100
      values["student.citizenID"] = String(digits[0...3]) + (yy < 10 ? "0\(yy)" : "\(yy)") + String(digits[6...])
      plantedFiles += 1
    }
    let flagged = try Self.flags(database).filter { $0.rule == "C13" && $0.paths.first == "student.citizenID" }
    #expect(plantedFiles == 3)
    // Every record of the three students carries the finding.
    #expect(flagged.count == 7)
  }

  @Test func aLevelDisagreeingWithTheScoresIsFlagged() throws {
    var planted: [String] = []
    let database = try Self.assembled { file, values in
      for path in ["summary.learning.fullYear", "summary.rank.fullYear"] {
        guard let level = values[path] else { continue }
        values[path] = level == "CĐ" || level == "Kém" ? "T" : (path.contains("rank") ? "Kém" : "CĐ")
        planted.append(path)
      }
    }
    let flags = try Self.flags(database)
    #expect(planted.count == 7)
    let levelFlags = flags.filter { ["C5", "C7"].contains($0.rule) && $0.paths.first?.hasSuffix(".fullYear") == true }
    #expect(levelFlags.count == planted.count)
  }
}
