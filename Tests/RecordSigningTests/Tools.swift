import Foundation
import Testing

/// Runs external programs (openssl, xmlsec1, python3, softhsm2-util, pkcs11-tool) for the tests.
enum Tools {
  struct Output {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  struct Missing: Error, CustomStringConvertible {
    let name: String
    var description: String { "\(name) is not installed: run scripts/setup.sh" }
  }

  /// The absolute path of `name`, or nil.
  static func path(_ name: String) -> String? {
    let directories =
      (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
      + ["/usr/bin", "/usr/local/bin", "/bin"]
    return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// The path of `name`, recording an Issue (never a silent skip) when it is missing.
  static func require(_ name: String) -> String? {
    guard let found = path(name) else {
      Issue.record("\(name) is not installed: run scripts/setup.sh")
      return nil
    }
    return found
  }

  /// Runs `name` with `arguments`; output goes through temporary files (no pipe deadlock).
  @discardableResult
  static func run(
    _ name: String, _ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:]
  ) throws -> Output {
    guard let executable = path(name) else { throw Missing(name: name) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Output(
      status: process.terminationStatus, stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
  }

  /// Runs and throws with stderr when the exit status is not 0.
  @discardableResult
  static func check(
    _ name: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Output {
    let output = try run(name, arguments, in: directory, environment: environment)
    guard output.status == 0 else {
      throw Failed(command: ([name] + arguments.prefix(3)).joined(separator: " "), stderr: output.stderr)
    }
    return output
  }

  struct Failed: Error, CustomStringConvertible {
    let command: String
    let stderr: String
    var description: String { "\(command)… failed: \(stderr)" }
  }

  /// A fresh temporary directory.
  static func temporaryDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
