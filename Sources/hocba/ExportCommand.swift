import ArgumentParser
import Foundation
import HocBaModel
import RecordPDF
import RecordXML
import ReviewStore

/// `hocba export --xml DIR` / `--pdf DIR`: writes one record or all as standard XML (validated against the XSD)
/// and/or as the PDF học bạ laid out like the paper book; `hocba export --package FILE.zip`: a verifiable hand-over
/// package (ExportPackage.swift).
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: help(
      "Xuất hồ sơ ra XML chuẩn (đã kiểm tra theo XSD) và/hoặc PDF học bạ.",
      "Export records as standard XML (validated against the XSD) and/or as PDF học bạ."))

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(help("Thư mục ghi tệp XML.", "Folder to write the XML files to."), valueName: "dir"))
  var xml: String?

  @Option(
    help: ArgumentHelp(
      help("Thư mục ghi tệp PDF học bạ (bản thể hiện, khổ A4).", "Folder to write the PDF học bạ files to (A4)."),
      valueName: "dir"))
  var pdf: String?

  @OptionGroup var package: PackageExportOptions

  @Option(
    help: ArgumentHelp(help("Chỉ xuất hồ sơ có số này.", "Export only the record with this number."), valueName: "id"))
  var record: Int64?

  func validate() throws {
    if (xml != nil || pdf != nil) == (package.package != nil) {
      throw ValidationError(
        help(
          "Cần --xml và/hoặc --pdf, hoặc --package (không dùng chung).",
          "Give --xml and/or --pdf, or --package (not together)."))
    }
  }

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase()
      let records = try package.selected(from: database, record: record)
      if let file = package.package {
        try package.write(records, to: file, database: database, actor: global.actorName, record: record, language)
        return
      }
      if let pdf {
        let written = try PDFExporter(directory: URL(fileURLWithPath: pdf)).write(records)
        for url in written { Console.output(url.path) }
        Console.message(
          language.pick(
            "Đã xuất \(written.count) tệp PDF vào \(pdf).", "Exported \(written.count) PDF files to \(pdf)."))
      }
      guard let xml else { return }
      var signed: [Int64: [UInt8]] = [:]
      for stored in records { signed[stored.id] = try database.signedDocument(recordID: stored.id) }
      let result = try XMLExporter(directory: URL(fileURLWithPath: xml)).write(records, signed: signed)
      for url in result.written { Console.output(url.path) }
      Console.message(
        language.pick(
          "Đã xuất \(result.written.count) tệp XML vào \(xml).", "Exported \(result.written.count) XML files to \(xml)."
        ))
      try result.reportRefusals(in: language)
    }
  }
}

/// Writes stored records as XML files named by record number and school year, atomically.
struct XMLExporter {
  let directory: URL

  /// The files written and the records the schema refused (each with its reason).
  struct Result {
    var written: [URL] = []
    var refused: [(recordID: Int64, error: RecordXMLError)] = []

    /// Prints each refused record and fails with the invalid-input exit code if there is one.
    func reportRefusals(in language: Language) throws {
      guard let first = refused.first else { return }
      for (id, error) in refused {
        Console.error(
          language.pick("Hồ sơ số \(id) chưa xuất được: ", "Record \(id) was not exported: ")
            + error.message(in: language))
      }
      throw ExitCode(ExitCodes.code(for: first.error.kind))
    }
  }

  /// The file name of a record: no personal data, stable across runs.
  static func fileName(for stored: StoredRecord) -> String {
    "hocba-\(stored.id)-\(stored.record.schoolYear)-lop\(stored.record.grade).xml"
  }

  /// Exports every record that the schema accepts; a refused record does not stop the others.
  /// Signed records are written as their signed bytes, never re-exported.
  func write(_ records: [StoredRecord], signed: [Int64: [UInt8]] = [:]) throws -> Result {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw CommandError.cannotWrite(path: directory.path)
    }
    var result = Result()
    for stored in records {
      let bytes: [UInt8]
      if let signedBytes = signed[stored.id] {
        bytes = signedBytes
      } else {
        do {
          bytes = try RecordXML.export(stored.record)
        } catch {
          result.refused.append((stored.id, error))
          continue
        }
      }
      let url = directory.appendingPathComponent(Self.fileName(for: stored))
      do {
        try Data(bytes).write(to: url, options: .atomic)
      } catch {
        throw CommandError.cannotWrite(path: url.path)
      }
      result.written.append(url)
    }
    return result
  }
}
