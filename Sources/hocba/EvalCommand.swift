import ArgumentParser
import Foundation
import HocBaModel
import IngestPipeline

/// `hocba eval --truth DIR`: compares the database with the generator's ground truth.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: help(
      "So sánh cơ sở dữ liệu với dữ liệu chuẩn của bộ sinh trang mẫu: tỉ lệ đúng, tỉ lệ rà soát, lỗi lọt.",
      "Compare the database with the generator's ground truth: exact rate, review rate, silent errors."))

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(help("Thư mục các tệp *.truth.json.", "Folder of *.truth.json files."), valueName: "dir"))
  var truth: String

  @Flag(help: ArgumentHelp(help("In kết quả dạng JSON.", "Print the result as JSON.")))
  var json = false

  @Flag(
    help: ArgumentHelp(
      help(
        "Dò ngưỡng độ tin cậy: tỉ lệ rà soát thấp nhất mà không còn lỗi lọt.",
        "Sweep the confidence thresholds: the lowest review rate with no silent error.")))
  var calibrate = false

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase()
      let corpus = try TruthEvaluation.Corpus.load(truthFolder: URL(fileURLWithPath: truth), database: database)
      let result = TruthEvaluation.evaluate(corpus, routing: .standard)
      if calibrate {
        let best = TruthEvaluation.calibrate(corpus)
        for (name, point) in [("confidence-only", best.confidenceOnly), ("confidence+rules", best.withRules)] {
          guard let point else {
            Console.output(
              "\(name): " + language.pick("không ngưỡng nào hết lỗi lọt", "no threshold removes every silent error"))
            continue
          }
          let tally = name == "confidence-only" ? point.confidenceOnly : point.withRules
          Console.output(
            String(
              format: language.pick(
                "%@: ngưỡng %.0f / trường trọng yếu %.0f → rà soát %.1f%%, lỗi lọt %d",
                "%@: min %.0f / critical %.0f → review %.1f%%, silent %d"), name, point.minimumConfidence,
              point.minimumCriticalConfidence, tally.reviewRate * 100, tally.silentErrors))
        }
        return
      }
      if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        Console.output(String(decoding: try encoder.encode(result), as: UTF8.self))
        return
      }
      Console.output(
        language.pick(
          "Trang nhận đúng loại: \(result.pagesClassified)/\(result.pages)",
          "Pages classified correctly: \(result.pagesClassified)/\(result.pages)"))
      let books = result.books
      Console.output(
        language.pick(
          "Sổ ghép đúng: \(books.assembled)/\(books.books); ghép nhầm hai học sinh: \(books.wrongMerges); "
            + "trang năm học chưa vào hồ sơ: \(books.yearPagesWithoutRecord)",
          "Books assembled: \(books.assembled)/\(books.books); records mixing two students: \(books.wrongMerges); "
            + "year pages in no record: \(books.yearPagesWithoutRecord)"))
      for missing in result.pagesMissing {
        Console.output(language.pick("  chưa nhập: \(missing)", "  not imported: \(missing)"))
      }
      Console.output(Self.header(language))
      Console.output(Self.row(language.pick("đánh máy: chỉ độ tin cậy", "typed: confidence only"), result.typed))
      Console.output(
        Self.row(language.pick("đánh máy: tin cậy + quy tắc", "typed: confidence + rules"), result.typedWithRules))
      Console.output(Self.row(language.pick("viết tay", "handwritten"), result.handwritten))
      for (type, tally) in result.byType.sorted(by: { $0.key < $1.key }) {
        Console.output(Self.row(language.pick("  loại \(type)", "  type \(type)"), tally))
      }
      for (kind, tally) in result.byPageKind.sorted(by: { $0.key < $1.key }) {
        Console.output(Self.row(language.pick("  trang \(kind)", "  page \(kind)"), tally))
      }
    }
  }

  static func header(_ language: Language) -> String {
    language.pick(
      "nhóm                          trường   đúng%   rà soát%   lỗi lọt   lỗi lọt%",
      "group                         fields  exact%   review%   silent   silent%")
  }

  static func row(_ name: String, _ tally: TruthEvaluation.Tally) -> String {
    let padded = name.padding(toLength: 28, withPad: " ", startingAt: 0)
    return String(
      format: "%@ %7d  %6.1f  %8.1f  %7d  %8.2f", padded, tally.fields, tally.exactRate * 100,
      tally.reviewRate * 100, tally.silentErrors, tally.silentErrorRate * 100)
  }
}
