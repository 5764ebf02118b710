import Foundation
import HocBaCrypto
public import HocBaModel

/// A hand-over package: a stored ZIP of signed record XML (and optionally scans) with `manifest.json`.
public struct RecordPackage: Sendable {
  public var manifest: PackageManifest
  /// Every file but the manifest, by path inside the archive.
  public var files: [String: [UInt8]]

  /// The deterministic archive of `files` and `manifest` (file hashes filled in here).
  public static func build(manifest: PackageManifest, files: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
    var manifest = manifest
    manifest.files = files.map { .init(path: $0.path, bytes: $0.bytes.count, sha256: SHA256.hex($0.bytes)) }
      .sorted { $0.path < $1.path }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let json = Array(try encoder.encode(manifest))
    return ZipWriter.archive(files + [(PackageManifest.fileName, json)])
  }

  /// Reads an archive (ZIP limits enforced) and its manifest; contents are checked by `problems()`.
  public static func open(_ archive: [UInt8], limits: ZipReader.Limits = .init()) throws(PackageError) -> RecordPackage
  {
    var files: [String: [UInt8]] = [:]
    for entry in try ZipReader.entries(archive, limits: limits) { files[entry.path] = entry.bytes }
    guard let json = files.removeValue(forKey: PackageManifest.fileName) else { throw .manifestMissing }
    let manifest: PackageManifest
    do {
      manifest = try JSONDecoder().decode(PackageManifest.self, from: Data(json))
    } catch {
      throw .manifestUnreadable(String(describing: type(of: error)))
    }
    guard manifest.format == PackageManifest.currentFormat else {
      throw .manifestUnreadable("format \(manifest.format)")
    }
    return RecordPackage(manifest: manifest, files: files)
  }

  /// Everything that disagrees between the manifest and the files: none when the package is complete and intact.
  public func problems() -> [PackageProblem] {
    var problems: [PackageProblem] = []
    let listed = Dictionary(manifest.files.map { ($0.path, $0) }) { first, _ in first }
    if listed.count != manifest.files.count { problems.append(.manifestInconsistent("files")) }
    for (path, entry) in listed.sorted(by: { $0.key < $1.key }) {
      guard let bytes = files[path] else {
        problems.append(.missing(path))
        continue
      }
      if bytes.count != entry.bytes || SHA256.hex(bytes) != entry.sha256 { problems.append(.changed(path)) }
    }
    for path in files.keys.sorted() where listed[path] == nil { problems.append(.unlisted(path)) }
    for record in manifest.records where listed[record.file] == nil { problems.append(.missing(record.file)) }
    if Set(manifest.records.map(\.id)).count != manifest.records.count
      || Set(manifest.records.map(\.file)).count != manifest.records.count
    {
      problems.append(.manifestInconsistent("records"))
    }
    if manifest.countsByState != PackageManifest.counts(manifest.records.map(\.state)) {
      problems.append(.manifestInconsistent("countsByState"))
    }
    if manifest.countsByClass != PackageManifest.counts(manifest.records.map(\.className)) {
      problems.append(.manifestInconsistent("countsByClass"))
    }
    return problems
  }
}

/// A disagreement between a package's manifest and its files.
public enum PackageProblem: Sendable, Hashable, Codable {
  case missing(String)
  case unlisted(String)
  case changed(String)
  case manifestInconsistent(String)

  public func message(in language: Language) -> String {
    switch self {
    case .missing(let path):
      language.pick("thiếu tệp \(path) có trong manifest.", "file \(path) listed in the manifest is missing.")
    case .unlisted(let path):
      language.pick(
        "tệp \(path) không có trong manifest (bị thêm vào).", "file \(path) is not in the manifest (added).")
    case .changed(let path):
      language.pick(
        "tệp \(path) đã bị thay đổi (SHA-256 khác manifest).", "file \(path) was changed (SHA-256 differs).")
    case .manifestInconsistent(let part):
      language.pick(
        "manifest.json tự mâu thuẫn (\(part)): đã bị sửa.", "manifest.json contradicts itself (\(part)): it was edited."
      )
    }
  }
}
