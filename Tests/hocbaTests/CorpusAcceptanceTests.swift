import Foundation
import Testing

/// The import acceptance on a generated corpus (not committed): ≥ 40 pages with layout variation and the extras
/// (blank, not a học bạ, rotated, rescanned, a damaged file), imported, then evaluated against the generator's truth.
@Suite(.serialized) struct CorpusAcceptanceTests {
  struct Evaluation: Decodable {
    struct Tally: Decodable {
      let fields: Int
      let exact: Int
      let silentErrors: Int
    }
    let typed: Tally
    let pages: Int
    let pagesClassified: Int
    let pagesMissing: [String]
  }

  @Test func generatedCorpusMeetsTheAccuracyAndSilentErrorTargets() throws {
    let scratch = try Scratch()
    let corpus = scratch.url.appendingPathComponent("corpus")
    let generator = ImportCommandTests.repository.appendingPathComponent("tools/scangen/scangen.py").path
    let generated = try CommandRunner.tool(
      "python3",
      [
        generator, "--out", corpus.path, "--students", "12", "--seed", "2026", "--formats", "png,jpg,tif,pdf",
        "--extras", "all",
      ], in: scratch.url)
    try #require(generated.status == 0, "the generator needs Pillow: run scripts/setup.sh\n\(generated.stderr)")
    let imported = try CommandRunner.hocba(
      ["import", corpus.path, "--mappings", ImportCommandTests.mappings, "--jobs", "2"], in: scratch.url)
    #expect([0, 2].contains(imported.status), "\(imported.stderr)")
    let eval = try CommandRunner.hocba(
      ["eval", "--truth", corpus.appendingPathComponent("truth").path, "--json"], in: scratch.url)
    try #require(eval.status == 0, "\(eval.stderr)")
    let result = try JSONDecoder().decode(Evaluation.self, from: Data(eval.stdout.utf8))
    #expect(result.pages >= 40)
    #expect(result.pagesMissing.isEmpty)
    #expect(
      result.pagesClassified == result.pages,
      "every blank, non-học-bạ, duplicate page and damaged file reported as such")
    let exactRate = Double(result.typed.exact) / Double(result.typed.fields)
    let silentRate = Double(result.typed.silentErrors) / Double(result.typed.fields)
    print("corpus: \(result.pages) pages, typed exact \(exactRate), silent \(silentRate)")
    // Measured on this corpus: 98.3 % exact, 0 silent (of 1,510 typed fields), 42/42 pages and files reported
    // correctly, the damaged file quarantined (2026-12-03, with fonts-liberation2 in the classic font table; it was
    // 96.9 % before the header-speck and underline fixes). The acceptance figures are 98 % and 0.5 %.
    #expect(exactRate >= 0.98)
    #expect(silentRate <= 0.005)
  }
}
