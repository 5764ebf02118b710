import Foundation
import HocBaModel
import RecordPDF
import ReviewStore

/// Writes stored records as PDF học bạ files named like the XML export (`.pdf`), atomically.
struct PDFExporter {
  let directory: URL

  /// The file name of a record's PDF: no personal data, stable across runs.
  static func fileName(for stored: StoredRecord) -> String {
    "hocba-\(stored.id)-\(stored.record.schoolYear)-lop\(stored.record.grade).pdf"
  }

  /// Renders and writes each record; returns the files written.
  func write(_ records: [StoredRecord], images: SignatureImages = SignatureImages()) throws -> [URL] {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw CommandError.cannotWrite(path: directory.path)
    }
    var written: [URL] = []
    for stored in records {
      let bytes = try RecordPDF.render(stored.record, images: images)
      let url = directory.appendingPathComponent(Self.fileName(for: stored))
      do {
        try Data(bytes).write(to: url, options: .atomic)
      } catch {
        throw CommandError.cannotWrite(path: url.path)
      }
      written.append(url)
    }
    return written
  }
}
