import Foundation
import HocBaModel
import HocBaSamples
import Testing

@testable import RecordXML

/// Fixture files shipped with the tests, and helpers shared by the RecordXML test suites.
enum Fixtures {
  /// The three golden files and the sample each is generated from.
  static let goldens: [(name: String, record: SchoolYearRecord)] = [
    ("tt22-thcs.xml", SampleRecords.tt22Secondary),
    ("tt22-thpt.xml", SampleRecords.tt22Upper),
    ("tt58-thcs.xml", SampleRecords.tt58Secondary),
  ]

  /// A fixture file from the test bundle (`Golden/…` or `Hostile/…`).
  static func url(_ folder: String, _ name: String) -> URL {
    Bundle.module.bundleURL.appendingPathComponent(folder).appendingPathComponent(name)
  }

  /// The bytes of a fixture file, or nil when it is missing.
  static func bytes(_ folder: String, _ name: String) -> [UInt8]? {
    (try? Data(contentsOf: url(folder, name))).map { [UInt8]($0) }
  }

  /// The file in the source tree (for HOCBA_UPDATE_GOLDEN=1).
  static func sourceURL(_ folder: String, _ name: String, filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(folder)
      .appendingPathComponent(name)
  }

  /// The export of the TT22 THCS sample as text, for building variants.
  static var sampleText: String {
    (try? RecordXML.export(SampleRecords.tt22Secondary)).map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  /// The error `parse` throws for `text`, or nil when it parses.
  static func parseError(_ text: String, source: String = "hostile.xml") -> RecordXMLError? {
    parseError(Array(text.utf8), source: source)
  }

  /// The error `parse` throws for `bytes`, or nil when it parses.
  static func parseError(_ bytes: [UInt8], source: String) -> RecordXMLError? {
    do {
      _ = try RecordXML.parse(bytes, source: source)
      return nil
    } catch {
      return error
    }
  }

  /// Both messages of an error, for assertions on wording and on the absence of values.
  static func messages(_ error: RecordXMLError?) -> String {
    guard let error else { return "" }
    return Language.allCases.map { error.message(in: $0) }.joined(separator: "\n")
  }

  /// The issues of a schema error, or [] for another error.
  static func issues(_ error: RecordXMLError?) -> [RecordXMLIssue] {
    if case .schemaInvalid(_, let issues) = error { return issues }
    return []
  }

  /// `xmllint` from PATH, or nil.
  static var xmllint: URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("xmllint") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Runs `xmllint --noout --schema <xsd> <file>` and returns its exit status and standard error.
  static func runXmllint(_ tool: URL, file: URL) throws -> (status: Int32, errors: String) {
    let process = Process()
    process.executableURL = tool
    process.arguments = ["--noout", "--nonet", "--schema", RecordXML.schemaURL.path, file.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let output = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
