import Foundation
import HocBaModel

/// Expands the command's paths into the files to import, in a stable order.
enum InputDiscovery {
  /// Extensions picked up when a folder is given; a file named explicitly is always tried.
  static let scanExtensions: Set<String> = ["png", "jpg", "jpeg", "tif", "tiff", "pdf"]

  /// The files under `inputs`: folders are walked (hidden files and ground-truth folders skipped), files kept.
  /// Paths that do not exist are returned in `missing`.
  static func files(in inputs: [URL]) -> (files: [URL], missing: [URL]) {
    var files: [URL] = []
    var missing: [URL] = []
    let manager = FileManager.default
    for input in inputs {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: input.path, isDirectory: &isDirectory) || isSymlink(input) else {
        missing.append(input)
        continue
      }
      if isDirectory.boolValue {
        files += walk(input)
      } else {
        files.append(input)
      }
    }
    return (files, missing)
  }

  private static func walk(_ folder: URL) -> [URL] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
    else { return [] }
    var found: [URL] = []
    for case let url as URL in enumerator {
      if url.lastPathComponent == "truth" { enumerator.skipDescendants() }
      if scanExtensions.contains(url.pathExtension.lowercased()) { found.append(url) }
    }
    return found.sorted { $0.path < $1.path }
  }

  private static func isSymlink(_ url: URL) -> Bool {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
  }
}
