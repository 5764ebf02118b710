import Foundation
import HocBaModel

/// Where the executable writes: data to stdout, messages to stderr. Field values are never logged.
enum Console {
  /// Writes a data line to standard output.
  static func output(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  /// Writes `value` to standard output as one line of JSON with sorted keys (the form scripts read).
  static func json(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    output(String(decoding: try encoder.encode(value), as: UTF8.self))
  }

  /// Writes a human message to standard error.
  static func message(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Writes an error message to standard error with a "lỗi"/"error" prefix.
  static func error(_ line: String) {
    message("hocba: \(line)")
  }
}

/// The language of help texts, read once from `--lang` in the arguments or the environment.
let helpLanguage: Language = {
  let arguments = CommandLine.arguments
  var flag: String?
  for (index, argument) in arguments.enumerated() {
    if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst("--lang=".count)) }
    if argument == "--lang", index + 1 < arguments.count { flag = arguments[index + 1] }
  }
  return Language.resolve(flag: flag, environment: ProcessInfo.processInfo.environment)
}()

/// A help text in the help language.
func help(_ vietnamese: String, _ english: String) -> String { helpLanguage.pick(vietnamese, english) }
