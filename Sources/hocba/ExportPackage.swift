import ArgumentParser
import Foundation
import HocBaModel
import RecordPackage
import RecordXML
import ReviewStore

/// The options of `hocba export --package` and the record filters `export` shares with it.
struct PackageExportOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      help("Ghi gói bàn giao (ZIP có manifest) vào tệp này.", "Write a hand-over package (ZIP with manifest) here."),
      valueName: "file.zip"))
  var package: String?

  @Option(help: ArgumentHelp(help("Chỉ xuất năm học này (vd 2024-2025).", "Only this school year."), valueName: "year"))
  var year: String?

  @Option(
    name: .customLong("class"), help: ArgumentHelp(help("Chỉ xuất lớp này.", "Only this class."), valueName: "class"))
  var className: String?

  @Option(
    help: ArgumentHelp(help("Chỉ xuất hồ sơ ở trạng thái này.", "Only records in this state."), valueName: "state"))
  var state: String?

  func validate() throws {
    if let state, RecordState(rawValue: state) == nil {
      let known = RecordState.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError(help("--state chỉ nhận: \(known).", "--state accepts: \(known)."))
    }
  }

  /// The records the filters select, in id order.
  func selected(from database: ReviewDatabase, record: Int64?) throws -> [StoredRecord] {
    var records: [StoredRecord]
    if let record {
      guard let stored = try database.record(id: record) else { throw CommandError.recordMissing(id: record) }
      records = [stored]
    } else {
      records = try database.records()
    }
    if let year { records = records.filter { "\($0.record.schoolYear)" == year } }
    if let className { records = records.filter { $0.record.className == className } }
    if let state { records = records.filter { $0.state.rawValue == state } }
    return records
  }

  /// Writes the package atomically: signed records byte for byte, others as schema-valid XML (never VALID on the
  /// receiving side, which accepts sealed records only).
  func write(
    _ records: [StoredRecord], to file: String, database: ReviewDatabase, actor: String, record: Int64?,
    _ language: Language
  ) throws {
    let progress = StepProgress(language: language, total: records.count, title: ("Đóng gói", "Packaging"))
    var entries: [(path: String, bytes: [UInt8])] = []
    var listed: [PackageManifest.Record] = []
    for (index, stored) in records.enumerated() {
      let signed = try database.signedDocument(recordID: stored.id)
      let path = "records/" + XMLExporter.fileName(for: stored)
      entries.append((path, try signed ?? RecordXML.export(stored.record)))
      listed.append(
        .init(
          id: stored.id, state: stored.state.rawValue, schoolYear: "\(stored.record.schoolYear)",
          className: stored.record.className, file: path, signed: signed != nil))
      progress.advance(to: index + 1)
    }
    let school = try database.schoolConfiguration()
    let manifest = PackageManifest(
      toolVersion: HocBa.configuration.version,
      school: .init(code: school?.code ?? "", name: school?.name ?? ""), exportedBy: actor,
      selection: .init(schoolYear: year, className: className, record: record, state: state, withScans: false),
      records: listed)
    let archive = try RecordPackage.build(manifest: manifest, files: entries)
    do {
      try Data(archive).write(to: URL(fileURLWithPath: file), options: .atomic)
    } catch {
      throw CommandError.cannotWrite(path: file)
    }
    Console.output(file)
    Console.message(
      language.pick(
        "Đã đóng gói \(records.count) hồ sơ vào \(file).", "Packaged \(records.count) records into \(file)."))
  }
}
