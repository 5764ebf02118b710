import Foundation

/// A real RFC 3161 time-stamp authority on 127.0.0.1 for one test: `openssl ts -reply` behind
/// scripts/test_tsa.py, on an ephemeral port. Started by the test, stopped by `stop()` or when released (its
/// standard input closes, so it never outlives the test process).
public final class LocalTSA: @unchecked Sendable {
  public enum Mode: String, Sendable {
    /// Stamps the query it receives.
    case good
    /// Answers with a genuine token of this TSA over other bytes.
    case otherData = "other-data"
  }

  /// `http://127.0.0.1:<port>/tsa`.
  public let url: String
  private let process: Process
  private let input: Pipe
  private let directory: URL

  /// - Parameters: PEM files of the TSA certificate (extended key usage timeStamping), its key and its chain.
  public init(certificate: String, key: String, chain: String, mode: Mode = .good) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-tsa-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scripts/test_tsa.py")
    process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, directory.path, certificate, key, chain, mode.rawValue]
    input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var line = Data()
    while !line.contains(0x0A) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { break }
      line.append(chunk)
    }
    guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    else {
      process.terminate()
      throw Failure(message: "scripts/test_tsa.py did not start (no port)")
    }
    url = "http://127.0.0.1:\(port)/tsa"
  }

  /// Stops the server and waits for it; the URL then refuses connections.
  public func stop() {
    guard process.isRunning else { return }
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  deinit {
    stop()
    try? FileManager.default.removeItem(at: directory)
  }

  struct Failure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }
}
