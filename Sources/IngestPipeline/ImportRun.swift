import Dispatch
import FieldMapping
import Foundation
import HocBaCrypto
import HocBaModel
import ReviewStore
import ScanCapture

/// One import: the stages below, in order. A rerun after a crash or kill resumes where the last one stopped.
public final class ImportRun: @unchecked Sendable {
  let database: ReviewDatabase
  let templates: TemplateSet
  let options: ImportOptions
  let makeEngine: @Sendable () throws -> any OCREngine
  private let progress: (any ImportProgressReporting)?
  private let lock = NSLock()
  private var summary = ImportSummary()
  private var pagesDone = 0
  private var pagesTotal = 0

  /// Creates a run; `makeEngine` gives each worker its own long-lived OCR engine.
  public init(
    database: ReviewDatabase, templates: TemplateSet, options: ImportOptions,
    progress: (any ImportProgressReporting)? = nil,
    makeEngine: @escaping @Sendable () throws -> any OCREngine = { TesseractEngine() }
  ) {
    self.database = database
    self.templates = templates
    self.options = options
    self.progress = progress
    self.makeEngine = makeEngine
  }

  /// Runs every stage and returns the summary. Throws only when the run itself cannot go on (the database).
  public func run() throws -> ImportSummary {
    let (files, missing) = timed("discover") { InputDiscovery.files(in: options.inputs) }
    if files.isEmpty && missing.isEmpty {
      throw ImportError.noScans(paths: options.inputs.map(\.path))
    }
    for url in missing {
      summary.quarantined.append(QuarantinedFile(path: url.path, error: ImportError.inputMissing(path: url.path)))
    }
    let plan = try timed("hash") { try hashInputs(files) }
    try timed("pages") { try readPages(plan) }
    try timed("books") {
      let assembler = BookAssembler(database: database, options: options)
      try assembler.assemble(into: &summary)
    }
    summary.fieldsAwaitingReview = try database.statusSummary().fieldsAwaitingReview
    return summary
  }

  // MARK: - Stage: hash

  struct PlannedFile: Sendable {
    let url: URL
    let sha256: String
    /// Read again although known (`--redo`): its pages are replaced in place and merged into their records.
    var reread = false
  }

  private func hashInputs(_ files: [URL]) throws -> [PlannedFile] {
    var plan: [PlannedFile] = []
    var seen: Set<String> = []
    for url in files {
      let sha: String
      do {
        sha = try PageLoader.fingerprint(url)  // size and type checked before reading; read in fixed chunks
      } catch {
        try setAside(url: url, sha256: nil, error: error)
        continue
      }
      guard seen.insert(sha).inserted else {
        summary.duplicateFiles.append(url.path)  // not stored, so not counted as a stored duplicate page
        continue
      }
      let known = try database.scanProgress(sha256: sha)
      if let known, known.complete, !options.redo {
        summary.filesAlreadyImported += 1
        summary.pagesAlreadyImported += known.savedPages.count
        continue
      }
      plan.append(PlannedFile(url: url, sha256: sha, reread: options.redo && known != nil))
    }
    pagesTotal = plan.count
    progress?.started(totalPages: pagesTotal)
    return plan
  }

  // MARK: - Stage: pages (parallel)

  private func readPages(_ plan: [PlannedFile]) throws {
    let queue = WorkQueue(plan)
    let failure = FailureBox()
    DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(plan.count, 1))) { _ in
      do {
        let worker = try PageWorker(
          engine: makeEngine(), templates: templates, workFolder: options.workFolder)
        while let file = queue.next(), failure.error == nil {
          try importFile(file, worker: worker)
        }
      } catch {
        failure.record(error)
      }
    }
    if let error = failure.error { throw error }
  }

  private func importFile(_ file: PlannedFile, worker: PageWorker) throws {
    let scan: LoadedScan
    do {
      scan = try PageLoader.loadScan(file.url, expectedSHA256: file.sha256)  // decodes the bytes it hashed
    } catch {
      try synchronized { try setAside(url: file.url, sha256: file.sha256, error: error) }
      return
    }
    let pages = scan.pages
    if scan.problem == nil, !scan.libraryMessages.isEmpty {
      synchronized {
        summary.libraryWarnings.append("\(file.url.path): " + scan.libraryMessages.joined(separator: "; "))
      }
    }
    let fileName = file.url.lastPathComponent
    try database.replaceIncompleteScans(fileName: fileName, keeping: file.sha256, actor: options.actor)
    let registration = try database.registerScan(
      sha256: file.sha256, fileName: fileName, pageCount: scan.declaredPageCount, actor: options.actor)
    synchronized { pagesTotal += pages.count - 1 }
    if file.reread {
      try reread(pages, of: file, scanID: registration.id, worker: worker)
    } else {
      try read(pages, of: file, scanID: registration.id, worker: worker)
    }
    if let problem = scan.problem {
      // Readable pages are kept; the scan stays incomplete, so a rerun reports it again until it is rescanned.
      synchronized { summary.incompleteFiles.append(QuarantinedFile(path: file.url.path, error: problem)) }
    } else {
      try database.completeScan(id: registration.id, actor: options.actor)
    }
  }

  /// Reads and saves the pages not saved yet (a resumed run skips those a killed run saved).
  private func read(_ pages: [LoadedPage], of file: PlannedFile, scanID: Int64, worker: PageWorker) throws {
    let saved = try database.scanProgress(sha256: file.sha256)?.savedPages ?? []
    for page in pages {
      if !saved.contains(page.pageNumber) {
        let evidence = worker.process(page, scanID: scanID, scanSHA256: file.sha256)
        if let pageID = try database.savePage(evidence, actor: options.actor) {
          var stored = evidence
          stored.outcome = try database.storedOutcome(pageID: pageID) ?? evidence.outcome  // what the database kept
          synchronized { count(stored, file: file) }
        }
      }
      pageFinished()
    }
  }

  /// Reads every page again and replaces the scan's stored reading in one transaction (`--redo`).
  private func reread(_ pages: [LoadedPage], of file: PlannedFile, scanID: Int64, worker: PageWorker) throws {
    var readings: [PageEvidence] = []
    for page in pages {
      readings.append(worker.process(page, scanID: scanID, scanSHA256: file.sha256))
      pageFinished()
    }
    let outcomes = try database.rereadScan(scanID: scanID, pages: readings, actor: options.actor)
    synchronized {
      for (evidence, outcome) in zip(readings, outcomes) {
        var stored = evidence
        stored.outcome = outcome
        count(stored, file: file, reread: true)
      }
    }
  }

  private func pageFinished() {
    synchronized {
      pagesDone += 1
      progress?.pageFinished(done: pagesDone, total: pagesTotal)
    }
  }

  private func count(_ evidence: PageEvidence, file: PlannedFile, reread: Bool = false) {
    if reread { summary.pagesReread += 1 } else { summary.pagesImported += 1 }
    if evidence.orientationUncertain { summary.uncertainOrientation += 1 }
    switch evidence.outcome {
    case .mapped: break
    case .blank: summary.blankPages += 1
    case .unmatched:
      summary.unmatchedPages.append("\(file.url.lastPathComponent) #\(evidence.pageNumber): \(evidence.reason ?? "")")
    case .duplicate: summary.duplicatePages += 1
    case .failed: summary.failedPages += 1
    }
  }

  private func setAside(url: URL, sha256: String?, error: any Error) throws {
    let hocbaError = (error as? any HocBaError) ?? ImportError.unreadable(path: url.path)
    let reason = String(describing: error).prefix(80)
    try database.quarantine(path: url.path, sha256: sha256, reason: String(reason), actor: options.actor)
    summary.quarantined.append(QuarantinedFile(path: url.path, error: hocbaError))
  }

  private func synchronized<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  private func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    defer {
      summary.stageSeconds[stage] = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    return try body()
  }
}

/// Hands out the planned files one at a time to the workers.
final class WorkQueue: @unchecked Sendable {
  private var items: [ImportRun.PlannedFile]
  private var index = 0
  private let lock = NSLock()

  init(_ items: [ImportRun.PlannedFile]) { self.items = items }

  func next() -> ImportRun.PlannedFile? {
    lock.lock()
    defer { lock.unlock() }
    guard index < items.count else { return nil }
    defer { index += 1 }
    return items[index]
  }
}

/// The first error a worker hit; the others stop at their next file.
final class FailureBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: (any Error)?

  var error: (any Error)? {
    lock.lock()
    defer { lock.unlock() }
    return stored
  }

  func record(_ error: any Error) {
    lock.lock()
    defer { lock.unlock() }
    if stored == nil { stored = error }
  }
}
