import FieldMapping
import Foundation
import HocBaCrypto
import ReviewStore
import ScanCapture

/// One worker's tools: its own OCR engine and mapper. Turns a loaded page into the evidence to save.
final class PageWorker {
  let engine: any OCREngine
  let mapper: PageMapper
  let preparer = PagePreparer()
  let workFolder: URL

  init(engine: any OCREngine, templates: TemplateSet, workFolder: URL) {
    self.engine = engine
    self.mapper = PageMapper(templates: templates)
    self.workFolder = workFolder
  }

  /// Prepares, classifies and reads one page; failures become a `.failed` outcome with the reason code.
  func process(_ page: LoadedPage, scanID: Int64, scanSHA256: String) -> PageEvidence {
    var evidence = PageEvidence(scanID: scanID, pageNumber: page.pageNumber, contentSHA256: nil, outcome: .failed)
    // Each page is read by a fresh engine state: the result must not depend on the order of pages or on a resume.
    engine.reset()
    do {
      evidence.contentSHA256 = SHA256.hex(try page.image.pngData())
      let prepared = try preparer.prepare(page.image, engine: engine)
      evidence.rotation = prepared.rotationApplied
      evidence.skew = prepared.skewDegrees
      evidence.orientationUncertain = prepared.orientationUncertain
      if prepared.isBlank {
        evidence.outcome = .blank
        return evidence
      }
      switch try mapper.read(prepared, engine: engine) {
      case .unmatched(let reason):
        evidence.outcome = .unmatched
        evidence.reason = reason.message(in: .vietnamese)
      case .matched(let templateID, let kind, let fields):
        evidence.outcome = .mapped
        evidence.kind = kind.code
        evidence.templateID = templateID
        let folder = "crops/\(scanSHA256.prefix(16))/p\(page.pageNumber)"
        // One reading per path: if a template yields a path twice (a repeated row label), keep the surer one.
        var best: [String: FieldReading] = [:]
        for field in fields where (best[field.path]?.confidence ?? -1) < field.confidence { best[field.path] = field }
        let unique = fields.filter { best[$0.path] == $0 }
        evidence.fields = try unique.map { try self.evidence(for: $0, folder: folder) }
      }
    } catch {
      evidence.outcome = .failed
      evidence.reason = String(String(describing: error).prefix(120))
    }
    return evidence
  }

  private func evidence(for field: FieldReading, folder: String) throws -> PageFieldEvidence {
    var cropPath: String?
    if let png = field.cropPNG {
      let relative = "\(folder)/\(field.path).png"
      let url = workFolder.appendingPathComponent(relative)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(png).write(to: url, options: .atomic)
      cropPath = relative
    }
    return PageFieldEvidence(
      path: field.path, type: field.type.rawValue, critical: field.critical, rawText: field.rawText,
      normalizedValue: field.normalizedValue, confidence: field.confidence,
      box: FieldBox(x: field.box.x, y: field.box.y, width: field.box.width, height: field.box.height),
      cropPath: cropPath)
  }
}
