import ArgumentParser
import Foundation

/// The flags `verify` and `verify-package` share: JSON output and legacy SHA-1.
struct VerificationFlags: ParsableArguments {
  @Flag(help: ArgumentHelp(help("In kết quả dạng JSON.", "Print the result as JSON.")))
  var json = false

  @Flag(
    name: .customLong("legacy-sha1"),
    help: ArgumentHelp(help("Chấp nhận SHA-1 (hồ sơ cũ).", "Accept SHA-1 (legacy records).")))
  var legacySHA1 = false

  /// Prints `value` as indented JSON with sorted keys and ISO-8601 dates.
  static func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    Console.output(String(decoding: try encoder.encode(value), as: UTF8.self))
  }
}
