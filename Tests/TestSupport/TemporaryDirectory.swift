import Foundation

/// A fresh directory under the system temporary folder, removed with its contents when released.
public final class TemporaryDirectory: Sendable {
  /// The directory's location.
  public let url: URL

  /// Creates a uniquely named empty directory.
  public init(prefix: String = "hocba-test") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the directory.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  deinit { try? FileManager.default.removeItem(at: url) }
}
