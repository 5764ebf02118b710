import Foundation
import Testing

/// Runs the built `hocba` binary (or another program) and captures its exit code and output.
struct CommandRunner {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// The folder of built products: the `hocba` binary sits next to the test bundle.
  static var productsDirectory: URL {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("hocba").path) { return url }
      url = url.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  }

  static var hocba: URL { productsDirectory.appendingPathComponent("hocba") }

  /// Runs `hocba` with arguments in a working directory with a controlled environment.
  static func hocba(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws
    -> Result
  {
    var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
    environment.merge(extra) { $1 }
    return try run(hocba, arguments, in: directory, environment: environment)
  }

  /// Runs a program found on PATH (e.g. sqlite3, xmllint).
  static func tool(_ name: String, _ arguments: [String], in directory: URL) throws -> Result {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
    let candidates = folders.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
    guard let url = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
      Issue.record("\(name) is not installed: run scripts/setup.sh")
      return Result(status: -1, stdout: "", stderr: "")
    }
    return try run(url, arguments, in: directory, environment: ProcessInfo.processInfo.environment)
  }

  private static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String])
    throws -> Result
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}

/// A temporary folder removed when the test ends.
final class Scratch {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// The trimmed output of one SQL query on `database` in this folder, through the sqlite3 CLI.
  func sql(_ query: String, database: String = "hocba.sqlite") throws -> String {
    try CommandRunner.tool("sqlite3", [database, query], in: url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
