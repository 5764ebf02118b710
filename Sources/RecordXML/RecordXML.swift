// RecordXML owns hocba's own XML format for one school-year record (version 1.0, docs/FORMAT.md): deterministic
// export, safe parsing of untrusted files, and validation against the shipped XSD with libxml2.
import Foundation
import HocBaModel

/// Export and parsing of one school-year record in hocba XML (namespace `urn:hocba:xml:1.0`).
public enum RecordXML {
  /// The format version this hocba writes and reads, also the root's `PBan` attribute.
  public static let schemaVersion = "1.0"

  /// The XML namespace of format version 1.0.
  public static let namespace = "urn:hocba:xml:1.0"

  /// The namespace prefix shared by every hocba format version (`urn:hocba:xml:<version>`).
  static let namespacePrefix = "urn:hocba:xml:"

  /// The location of the shipped XSD (`hocba-1.0.xsd`), e.g. for `xmllint --schema`.
  public static var schemaURL: URL {
    Bundle.module.url(forResource: "hocba-\(schemaVersion)", withExtension: "xsd")
      ?? Bundle.module.bundleURL.appendingPathComponent("hocba-\(schemaVersion).xsd")
  }

  /// Serialises `record` deterministically (same record, same bytes) and validates it against the XSD.
  public static func export(_ record: SchoolYearRecord) throws(RecordXMLError) -> [UInt8] {
    let bytes = try RecordEncoder.encode(record)
    let issues: [RecordXMLIssue]
    do {
      let document = try LibXMLDocument.parse(bytes, source: "export")
      issues = try SchemaValidator.validate(document)
    } catch {
      throw error.kind == .internal ? error : .internal("exported XML did not parse")
    }
    guard issues.isEmpty else { throw .recordNotExportable(issues: issues) }
    return bytes
  }

  /// The largest XML file `parse` accepts, in bytes: callers reading a file check it before reading.
  public static let maximumFileBytes = SecurityChecks.maximumSize

  /// Reads a record from untrusted bytes: safety checks, XSD validation, then mapping to the model.
  ///
  /// `source` names the file in error messages (a path or file name, never content).
  public static func parse(_ bytes: [UInt8], source: String) throws(RecordXMLError) -> SchoolYearRecord {
    try SecurityChecks.beforeParsing(bytes, source: source)
    let document = try LibXMLDocument.parse(bytes, source: source)
    try SecurityChecks.afterParsing(document, source: source)
    guard let root = try document.rootElement(source: source) else {
      throw .malformed(source: source, line: 0, problem: .empty)
    }
    try checkRootAndVersion(root, source: source)
    try SecurityChecks.requireUniqueIDs(root, source: source)
    let issues = try SchemaValidator.validate(document)
    guard issues.isEmpty else { throw .schemaInvalid(source: source, issues: issues) }
    return try RecordDecoder.decode(root, source: source)
  }

  /// Refuses a foreign root or namespace, and a version other than 1.0 (a newer one with its own message).
  private static func checkRootAndVersion(_ root: XMLElementNode, source: String) throws(RecordXMLError) {
    let namespace = root.namespace ?? ""
    guard root.name == "HocBa", namespace.hasPrefix(namespacePrefix) else {
      let found = namespace.isEmpty ? root.name : "\(root.name) (\(namespace))"
      throw .wrongRoot(source: source, found: printable(found))
    }
    for version in [String(namespace.dropFirst(namespacePrefix.count)), root.attribute("PBan")].compactMap({ $0 })
    where version != schemaVersion {
      throw isNewer(version)
        ? .newerVersion(source: source, found: printable(version))
        : .unsupportedVersion(source: source, found: printable(version))
    }
  }

  /// Whether a "major.minor" version is later than `schemaVersion`.
  static func isNewer(_ version: String) -> Bool {
    let parts = version.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
    guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return false }
    let current = schemaVersion.split(separator: ".").compactMap { Int($0) }
    let found = parts.compactMap { $0 } + Array(repeating: 0, count: max(0, current.count - parts.count))
    return found.lexicographicallyPrecedes(current) == false && found != current
  }

  /// Cuts identifiers from an untrusted file to 80 visible characters for messages.
  static func printable(_ text: String) -> String {
    let visible = text.unicodeScalars.prefix(80).map { scalar -> Character in
      scalar == " " || !(scalar.properties.isWhitespace || scalar.properties.generalCategory == .control)
        ? Character(scalar) : "?"
    }
    return String(visible)
  }
}
