// IngestPipeline runs an import as a readable list of named stages: discover the inputs, hash them, load their
// pages, prepare and map each page in parallel, save the evidence page by page (so a killed run resumes), then
// group pages into books and records. Database writes and progress reports happen in one place.
import Foundation
import HocBaModel
import ReviewStore

/// The choices of one import run.
public struct ImportOptions: Sendable {
  /// Files or folders to import.
  public var inputs: [URL]
  /// Parallel page workers (default: the number of cores).
  public var jobs: Int
  /// Re-read files that were already imported.
  public var redo: Bool
  /// The folder for derived images (field crops), beside the database.
  public var workFolder: URL
  /// Who runs the import, for the audit log.
  public var actor: String
  /// Why these pages are being digitized.
  public var digitizationCase: DigitizationCase

  public init(
    inputs: [URL], jobs: Int = ProcessInfo.processInfo.activeProcessorCount, redo: Bool = false, workFolder: URL,
    actor: String, digitizationCase: DigitizationCase = .ownArchive
  ) {
    self.inputs = inputs
    self.jobs = max(1, jobs)
    self.redo = redo
    self.workFolder = workFolder
    self.actor = actor
    self.digitizationCase = digitizationCase
  }
}

/// Receives progress while an import runs; called from one place, never concurrently.
public protocol ImportProgressReporting: AnyObject {
  /// The total number of pages to process is known.
  func started(totalPages: Int)
  /// One more page is done.
  func pageFinished(done: Int, total: Int)
}

/// What an import did, for the closing summary.
public struct ImportSummary: Sendable {
  /// Pages read and saved in this run.
  public var pagesImported = 0
  /// Pages read again (`--redo`): their stored reading was replaced in place.
  public var pagesReread = 0
  /// Files skipped because they were already imported.
  public var filesAlreadyImported = 0
  /// Pages of those files.
  public var pagesAlreadyImported = 0
  /// Files set aside, with the error that explains why.
  public var quarantined: [QuarantinedFile] = []
  /// Multi-page files with pages that could not be read: the readable pages were imported, the file is incomplete.
  public var incompleteFiles: [QuarantinedFile] = []
  public var blankPages = 0
  /// Pages no template matched, with the reason.
  public var unmatchedPages: [String] = []
  public var duplicatePages = 0
  /// Files imported although the image libraries warned while decoding them: the path and what they said.
  public var libraryWarnings: [String] = []
  /// Files skipped because another file of this run has the same content; nothing of them is stored.
  public var duplicateFiles: [String] = []
  public var failedPages = 0
  /// Pages whose orientation was too uncertain to correct (sent to review).
  public var uncertainOrientation = 0
  public var recordsCreated = 0
  /// Year pages that could not be grouped into a record yet (missing identity), with the reason.
  public var ungroupedPages: [UngroupedPage] = []
  /// School years listed in a book's quá trình học tập but with no year page, per book.
  public var missingYears: [String] = []
  public var fieldsAwaitingReview = 0
  /// Records that took a new reading of their pages (`--redo`, or a rescan of a page), one entry per merge.
  public var merges: [RecordMerge] = []
  /// Seconds spent per stage name, for the benchmark.
  public var stageSeconds: [String: Double] = [:]

  public init() {}

  /// True when something needs a person's attention (quarantine, incomplete files, unmatched, failed or ungrouped
  /// pages).
  public var hasProblems: Bool {
    !quarantined.isEmpty || !incompleteFiles.isEmpty || !unmatchedPages.isEmpty || failedPages > 0
      || !ungroupedPages.isEmpty
  }
}

/// A file the import set aside.
public struct QuarantinedFile: Sendable {
  public var path: String
  /// The error that set the file aside; the executable renders it in the user's language.
  public var error: any HocBaError
}

/// A year page that could not be joined to a record yet, and why.
public struct UngroupedPage: Sendable, Equatable {
  public enum Reason: Sendable, Equatable {
    /// No information page of the same student (by name, or in the same file) was found.
    case noInformationPage
    /// A field needed to build the record (e.g. "student.birthDate") was not read.
    case missingField(String)
    /// Several information pages could be the student's (names equally close): never guessed.
    case severalInformationPages(Int)
  }

  public var fileName: String
  public var pageNumber: Int
  public var reason: Reason

  /// "file #page: what is missing and what to do", in the given language.
  public func message(in language: Language) -> String {
    let place = "\(fileName) #\(pageNumber)"
    switch reason {
    case .noInformationPage:
      return language.pick(
        "\(place): chưa tìm thấy trang thông tin học sinh cùng họ tên; nhập trang 1 của sổ hoặc sửa họ tên trong rà soát.",
        "\(place): no information page with the same name yet; import page 1 of the book or correct the name in review."
      )
    case .severalInformationPages(let count):
      return language.pick(
        "\(place): \(count) trang thông tin có họ tên giống nhau hoặc gần giống; không tự ghép — sửa họ tên trong rà soát.",
        "\(place): \(count) information pages have the same or a close name; not paired — correct the name in review.")
    case .missingField(let path):
      return language.pick(
        "\(place): chưa đọc được \(path); quét lại trang hoặc nhập giá trị khi rà soát.",
        "\(place): \(path) was not read; rescan the page or enter the value in review.")
    }
  }
}
