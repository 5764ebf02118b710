import ArgumentParser
import Foundation
import HocBaModel
import ReviewStore

/// `hocba status`: records by state and the fields awaiting review.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: help(
      "Thống kê hồ sơ theo trạng thái và số trường chờ rà soát.", "Records by state and fields awaiting review."))

  @OptionGroup var global: GlobalOptions

  @Flag(help: ArgumentHelp(help("In kết quả dạng JSON (cho máy đọc).", "Print the result as JSON (machine-readable).")))
  var json = false

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase()
      let summary = try database.statusSummary()
      if json {
        Console.output(StatusReport(summary: summary).jsonText())
      } else {
        for line in StatusReport(summary: summary).lines(in: language) { Console.output(line) }
      }
    }
  }
}

/// The status summary as text lines or JSON.
struct StatusReport {
  let summary: StatusSummary

  /// Human-readable lines, one per state.
  func lines(in language: Language) -> [String] {
    var lines = [language.pick("Hồ sơ: \(summary.records)", "Records: \(summary.records)")]
    for state in RecordState.allCases {
      lines.append("  \(state.label(in: language)): \(summary.countsByState[state] ?? 0)")
    }
    lines.append(
      language.pick(
        "Trường dữ liệu chờ rà soát: \(summary.fieldsAwaitingReview)",
        "Fields awaiting review: \(summary.fieldsAwaitingReview)"))
    return lines
  }

  /// Stable JSON with sorted keys: {"fieldsAwaitingReview":…,"records":…,"states":{…}}.
  func jsonText() -> String {
    struct Payload: Encodable {
      let records: Int
      let states: [String: Int]
      let fieldsAwaitingReview: Int
    }
    let states = Dictionary(
      uniqueKeysWithValues: RecordState.allCases.map { ($0.rawValue, summary.countsByState[$0] ?? 0) })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try! encoder.encode(
      Payload(records: summary.records, states: states, fieldsAwaitingReview: summary.fieldsAwaitingReview))
    return String(decoding: data, as: UTF8.self)
  }
}
