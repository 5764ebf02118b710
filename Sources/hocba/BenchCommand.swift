import ArgumentParser
import Dispatch
import Foundation
import HocBaModel
import IngestPipeline
import ReviewStore

/// `hocba bench`: measures the import (pages/min at --jobs 1 and 2, seconds per stage, peak memory) against the
/// plain `tesseract PAGE - -l vie` CLI on the same pages, and prints how well this machine scales to 2 threads.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: help(
      "Đo tốc độ nhập (trang/phút, thời gian từng bước, bộ nhớ) so với lệnh tesseract.",
      "Measure import speed (pages/min, stage times, memory) against the tesseract CLI."))

  @OptionGroup var global: GlobalOptions
  @OptionGroup var scan: ScanOptions

  @Argument(help: ArgumentHelp(help("Tệp hoặc thư mục trang quét.", "Scan files or folders."), valueName: "path"))
  var paths: [String] = ["Scans"]

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let inputs = paths.map { URL(fileURLWithPath: $0) }
      let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-bench-\(getpid())")
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: scratch) }
      let cores = ProcessInfo.processInfo.activeProcessorCount
      let scaling = String(format: "%.2f×", Self.busyLoopScaling())
      Console.output(
        language.pick(
          "máy: \(cores) nhân, vòng lặp bận chạy 2 luồng nhanh gấp \(scaling)",
          "machine: \(cores) cores, busy-loop 2-thread speed-up \(scaling)"))
      for jobs in [1, 2] {
        let database = try ReviewDatabase.open(path: scratch.appendingPathComponent("bench-\(jobs).sqlite").path)
        var options = scan
        options.jobs = jobs
        let start = DispatchTime.now().uptimeNanoseconds
        let summary = try options.runQuietImport(inputs, database: database, global: global, scratch: scratch)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let pages = summary.pagesImported
        Console.output(
          String(
            format: language.pick(
              "hocba import --jobs %d: %d trang trong %.2f s = %.1f trang/phút (%.2f s/trang)",
              "hocba import --jobs %d: %d pages in %.2f s = %.1f pages/min (%.2f s/page)"), jobs, pages, seconds,
            Double(pages) / seconds * 60, seconds / Double(max(pages, 1))))
        let stages = summary.stageSeconds.sorted { $0.key < $1.key }
          .map { String(format: "%@ %.2f s", $0.key, $0.value) }.joined(separator: ", ")
        Console.output(language.pick("  các bước: ", "  stages: ") + stages)
      }
      Console.output(
        String(format: language.pick("bộ nhớ tối đa (RSS): %.0f MB", "peak RSS: %.0f MB"), Self.peakResidentMegabytes())
      )
      try Self.tesseractBaseline(inputs, language: language)
    }
  }

  /// Runs `tesseract PAGE - -l vie` on every single-image page and prints its rate.
  static func tesseractBaseline(_ inputs: [URL], language: Language) throws {
    let images = inputs.flatMap { url -> [URL] in
      let items = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [url]
      return items.filter { ["png", "jpg", "jpeg"].contains($0.pathExtension.lowercased()) }
    }.sorted { $0.path < $1.path }
    guard !images.isEmpty else { return }
    for threadLimit in ["default", "1"] {
      let start = DispatchTime.now().uptimeNanoseconds
      for image in images {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tesseract")
        process.arguments = [image.path, "-", "-l", "vie"]
        var environment = ProcessInfo.processInfo.environment
        if threadLimit == "default" {
          environment.removeValue(forKey: "OMP_THREAD_LIMIT")
        } else {
          environment["OMP_THREAD_LIMIT"] = threadLimit
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
      }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      Console.output(
        String(
          format: language.pick(
            "lệnh tesseract (OMP_THREAD_LIMIT=%@): %d trang trong %.2f s = %.1f trang/phút (%.2f s/trang)",
            "tesseract CLI (OMP_THREAD_LIMIT=%@): %d pages in %.2f s = %.1f pages/min (%.2f s/page)"),
          threadLimit, images.count, seconds, Double(images.count) / seconds * 60, seconds / Double(images.count)))
    }
  }

  /// Throughput of two busy threads relative to one: this VM's real parallelism. The loop's results are kept (and
  /// its seed comes from the process id), so an optimised build cannot drop the work.
  static func busyLoopScaling() -> Double {
    final class Results: @unchecked Sendable {
      let lock = NSLock()
      var values: [UInt64] = []
      func add(_ value: UInt64) { lock.withLock { values.append(value) } }
    }
    let seed = UInt64(getpid())
    @Sendable func spin() -> UInt64 {
      var x = seed
      for i in 0..<60_000_000 { x = x &* 6_364_136_223_846_793_005 &+ UInt64(i) }
      return x
    }
    let results = Results()
    let one = DispatchTime.now().uptimeNanoseconds
    results.add(spin())
    let single = Double(DispatchTime.now().uptimeNanoseconds - one)
    let two = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: 2) { _ in results.add(spin()) }
    let double = Double(DispatchTime.now().uptimeNanoseconds - two)
    // Never true in practice; it makes the three results observable.
    if results.values.reduce(0, ^) == 0x5EED { Console.error("") }
    return 2 * single / double
  }

  static func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }
}
