import Foundation
import ScanCapture
import Testing

/// Opt-in timing run: `HOCBA_SCAN_BENCH=1 swift test --filter TimingBenchmark` (add OMP_THREAD_LIMIT=1 to compare).
/// HOCBA_SCAN_BENCH_PAGE may name another page image (for example a full A4 scan).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["HOCBA_SCAN_BENCH"] == "1"))
struct TimingBenchmark {
  @Test func reportsPreparationMeasurements() throws {
    let engine = TesseractEngine()
    for name in [
      "page.png", "page-rot90.png", "page-rot180.png", "page-skew3.png", "page-seal.png", "blank.png", "page.jpg",
    ] {
      let image = try #require(try PageLoader.load(Fixture.url(name)).first).image
      let page = try PagePreparer().prepare(image, engine: engine)
      print(
        "PREP \(name): ink \(image.inkFraction(in: nil)) turn \(page.rotationApplied) osd \(page.orientationConfidence ?? -1)",
        "skew \(page.skewDegrees) red \(page.redInkFraction) blank \(page.isBlank)")
    }
  }

  @Test func measuresPageAndCellRecognition() throws {
    let environment = ProcessInfo.processInfo.environment
    let url = environment["HOCBA_SCAN_BENCH_PAGE"].map { URL(fileURLWithPath: $0) } ?? Fixture.url("page.png")
    let image = try #require(try PageLoader.load(url).first).image
    let engine = TesseractEngine()
    let clock = ContinuousClock()
    _ = try engine.recognizePage(image)  // loads the model
    var pageTimes: [Duration] = []
    for _ in 0..<5 {
      let other = try #require(try PageLoader.load(url).first).image  // a fresh image: SetImage is part of the cost
      pageTimes.append(try clock.measure { _ = try engine.recognizePage(other) })
    }
    let cells = Fixture.scoreCells.map { PixelRect(x: $0.x, y: $0.y, width: $0.width, height: $0.height).inset(by: 6) }
    let page = try #require(try PageLoader.load(Fixture.url("page.png")).first).image
    _ = try engine.recognizeRegion(page, region: cells[0], profile: .score)
    var cellTimes: [Duration] = []
    for _ in 0..<10 {
      for cell in cells {
        cellTimes.append(try clock.measure { _ = try engine.recognizeRegion(page, region: cell, profile: .score) })
      }
    }
    var prepareTimes: [Duration] = []
    for _ in 0..<3 {
      let fresh = try #require(try PageLoader.load(url).first).image
      prepareTimes.append(try clock.measure { _ = try PagePreparer().prepare(fresh, engine: engine) })
    }
    func median(_ values: [Duration]) -> String {
      let sorted = values.sorted()
      let ms =
        Double(sorted[sorted.count / 2].components.attoseconds) / 1e15 + Double(
          sorted[sorted.count / 2].components.seconds) * 1000
      return String(format: "%.1f ms", ms)
    }
    print(
      "BENCH \(image.width)x\(image.height) OMP_THREAD_LIMIT=\(environment["OMP_THREAD_LIMIT"] ?? "unset"):",
      "recognizePage median \(median(pageTimes)), recognizeRegion(.score) median \(median(cellTimes)),",
      "prepare median \(median(prepareTimes))")
  }
}
