import ArgumentParser
import FieldMapping
import Foundation
import HocBaModel
import IngestPipeline
import ReviewStore

/// `hocba import PATH…`: reads scanned pages, maps their fields and queues them for review.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: help(
      "Nhập trang quét (PNG, JPEG, TIFF, PDF): nhận dạng, ánh xạ trường, đưa vào hàng đợi rà soát.",
      "Import scanned pages (PNG, JPEG, TIFF, PDF): OCR, map fields, queue them for review."))

  @OptionGroup var global: GlobalOptions
  @OptionGroup var scan: ScanOptions

  @Argument(help: ArgumentHelp(help("Tệp hoặc thư mục cần nhập.", "Files or folders to import."), valueName: "path"))
  var paths: [String]

  @Flag(
    help: ArgumentHelp(
      help(
        "Chạy thử trên bản sao trong bộ nhớ: in kết quả (kể cả hồ sơ nào đổi gì khi --redo) mà không ghi gì.",
        "Run on an in-memory copy: print the summary (with what --redo would change per record), write nothing.")))
  var dryRun = false

  func run() throws {
    let language = global.language
    var summary: ImportSummary?
    try reportingErrors(language) {
      let inputs = paths.map { URL(fileURLWithPath: $0) }
      guard dryRun else {
        summary = try scan.runImport(inputs, database: try global.openDatabase(create: true), global: global)
        return
      }
      Console.output(
        language.pick(
          "Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu \(global.databasePath).",
          "Dry run (--dry-run): nothing is written to the database \(global.databasePath)."))
      let exists = FileManager.default.fileExists(atPath: global.databasePath)
      let copy = try exists ? global.openDatabase().inMemoryCopy() : ReviewDatabase.inMemory()
      let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-dry-run-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: scratch) }
      summary = try scan.runImport(inputs, database: copy, global: global, workFolder: scratch)
    }
    if let summary, summary.hasProblems { throw ExitCode(ExitCodes.completedWithProblems) }
  }
}

/// Options of a scan import, shared by `import` and `demo`.
struct ScanOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(help("Số luồng xử lý song song (mặc định: số nhân CPU).", "Parallel workers (default: cores)."))
  )
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: ArgumentHelp(help("Đọc lại cả các tệp đã nhập.", "Read files that were already imported again.")))
  var redo = false

  @Option(
    help: ArgumentHelp(
      help("Thư mục mẫu trang (mặc định: $HOCBA_MAPPINGS hoặc ./Mappings).", "Page templates folder."),
      valueName: "dir"))
  var mappings: String?

  @Option(
    name: .customLong("case"),
    help: ArgumentHelp(
      help(
        "Trường hợp số hoá: luu-tru (lưu trữ của trường), gv-da-nghi, chuyen-den.",
        "Digitization case: luu-tru (own archive), gv-da-nghi (departed teacher), chuyen-den (transfer in)."),
      valueName: "case"))
  var digitizationCase: String = "luu-tru"

  @Option(
    help: ArgumentHelp(help("Trường gốc (với chuyen-den).", "Origin school (with chuyen-den)."), valueName: "name"))
  var originSchool: String?

  @Option(
    help: ArgumentHelp(
      help("Mã môn của giáo viên đã nghỉ (với gv-da-nghi), cách nhau bằng dấu phẩy.", "Subjects of departed teachers."),
      valueName: "codes"))
  var departedSubjects: String = ""

  func validate() throws {
    guard jobs >= 1, jobs <= 64 else {
      throw ValidationError(help("--jobs phải từ 1 đến 64.", "--jobs must be between 1 and 64."))
    }
    guard ["luu-tru", "gv-da-nghi", "chuyen-den"].contains(digitizationCase) else {
      throw ValidationError(
        help("--case chỉ nhận luu-tru, gv-da-nghi hoặc chuyen-den.", "--case accepts luu-tru, gv-da-nghi, chuyen-den."))
    }
    if digitizationCase == "chuyen-den", (originSchool ?? "").isEmpty {
      throw ValidationError(help("chuyen-den cần --origin-school.", "chuyen-den needs --origin-school."))
    }
  }

  var resolvedCase: DigitizationCase {
    switch digitizationCase {
    case "gv-da-nghi":
      .departedTeacherContent(subjectCodes: departedSubjects.split(separator: ",").map(String.init))
    case "chuyen-den": .incomingTransfer(originSchool: SchoolRef(name: originSchool ?? ""))
    default: .ownArchive
    }
  }

  /// The templates folder: the flag, else $HOCBA_MAPPINGS, else ./Mappings.
  var mappingsFolder: URL {
    if let mappings { return URL(fileURLWithPath: mappings) }
    if let path = ProcessInfo.processInfo.environment["HOCBA_MAPPINGS"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    return URL(fileURLWithPath: "Mappings")
  }

  /// Runs one import with progress on stderr and prints the closing summary.
  func runImport(
    _ inputs: [URL], database: ReviewDatabase, global: GlobalOptions, workFolder: URL? = nil
  ) throws -> ImportSummary {
    let databaseURL = URL(fileURLWithPath: global.databasePath)
    let workFolder = workFolder ?? databaseURL.deletingPathExtension().appendingPathExtension("work")
    let summary = try makeRun(
      inputs, database: database, global: global, workFolder: workFolder,
      progress: TerminalProgress(language: global.language)
    ).run()
    for line in ImportReport(summary: summary).lines(in: global.language) { Console.output(line) }
    return summary
  }

  /// Runs one import without progress or summary output (for the benchmark).
  func runQuietImport(_ inputs: [URL], database: ReviewDatabase, global: GlobalOptions, scratch: URL) throws
    -> ImportSummary
  {
    try makeRun(inputs, database: database, global: global, workFolder: scratch, progress: nil).run()
  }

  private func makeRun(
    _ inputs: [URL], database: ReviewDatabase, global: GlobalOptions, workFolder: URL,
    progress: (any ImportProgressReporting)?
  ) throws -> ImportRun {
    let templates = try TemplateSet.load(directory: mappingsFolder)
    let options = ImportOptions(
      inputs: inputs, jobs: jobs, redo: redo, workFolder: workFolder, actor: global.actorName,
      digitizationCase: resolvedCase)
    return ImportRun(database: database, templates: templates, options: options, progress: progress)
  }
}

/// The closing summary of an import, in the user's language.
struct ImportReport {
  let summary: ImportSummary

  func lines(in language: Language) -> [String] {
    let s = summary
    var lines = [
      language.pick("Kết quả nhập:", "Import summary:"),
      language.pick("  Trang đã nhập: \(s.pagesImported)", "  Pages imported: \(s.pagesImported)"),
      language.pick(
        "  Đã nhập từ trước: \(s.filesAlreadyImported) tệp (\(s.pagesAlreadyImported) trang)",
        "  Already imported: \(s.filesAlreadyImported) files (\(s.pagesAlreadyImported) pages)"),
      language.pick("  Hồ sơ tạo mới: \(s.recordsCreated)", "  Records created: \(s.recordsCreated)"),
      language.pick(
        "  Trường chờ rà soát: \(s.fieldsAwaitingReview)", "  Fields awaiting review: \(s.fieldsAwaitingReview)"),
      language.pick("  Trang trắng: \(s.blankPages)", "  Blank pages: \(s.blankPages)"),
      language.pick("  Trang trùng: \(s.duplicatePages)", "  Duplicate pages: \(s.duplicatePages)"),
    ]
    if s.pagesReread > 0 {
      lines.insert(
        language.pick("  Trang đọc lại: \(s.pagesReread)", "  Pages read again: \(s.pagesReread)"), at: 2)
    }
    if s.uncertainOrientation > 0 {
      lines.append(
        language.pick(
          "  Trang chưa chắc chiều xoay (cần xem lại): \(s.uncertainOrientation)",
          "  Pages with uncertain orientation (to review): \(s.uncertainOrientation)"))
    }
    if s.failedPages > 0 {
      lines.append(language.pick("  Trang lỗi khi nhận dạng: \(s.failedPages)", "  Pages failed: \(s.failedPages)"))
    }
    func section(_ vietnamese: String, _ english: String, _ items: [String]) {
      guard !items.isEmpty else { return }
      lines.append(language.pick("  \(vietnamese) (\(items.count)):", "  \(english) (\(items.count)):"))
      lines += items.map { "    - \($0)" }
    }
    section("Tệp bị cách ly", "Quarantined files", s.quarantined.map { $0.error.message(in: language) })
    section(
      "Tệp đã nhập nhưng thư viện ảnh có cảnh báo — nên xem lại ảnh",
      "Files imported with image-library warnings — "
        + "check the image", s.libraryWarnings)
    section(
      "Tệp trùng nội dung với một tệp khác của lần nhập này — bỏ qua, không lưu",
      "Files identical to another file of this import — skipped, not stored", s.duplicateFiles)
    section(
      "Tệp chưa đầy đủ — đã giữ các trang đọc được", "Incomplete files — readable pages kept",
      s.incompleteFiles.map { $0.error.message(in: language) })
    section(
      "Trang không khớp mẫu nào — không đoán, cần kiểm tra", "Pages matching no template — not guessed, please check",
      s.unmatchedPages)
    section(
      "Trang năm học chưa ghép được vào hồ sơ", "Year pages not yet grouped into a record",
      s.ungroupedPages.map { $0.message(in: language) })
    section(
      "Năm học có trong quá trình học tập nhưng chưa có trang", "School years listed but with no year page",
      s.missingYears)
    section("Hồ sơ đọc lại", "Records read again", s.merges.map { MergeReport(merge: $0).line(in: language) })
    return lines
  }
}
