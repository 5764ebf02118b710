import ArgumentParser
import FieldMapping
import Foundation
import HocBaModel

/// `hocba mapping check FILE…`: validates template files before they are used for an import.
struct MappingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mapping",
    abstract: help("Kiểm tra các tệp mẫu trong Mappings/.", "Check the template files of Mappings/."),
    subcommands: [MappingCheckCommand.self])
}

struct MappingCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: help(
      "Kiểm tra một hoặc nhiều tệp mẫu (JSON): khoá, kiểu, profile, lexicon, cách định vị trường.",
      "Check one or more template files (JSON): keys, types, profiles, lexicons, how each field is located."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Tệp mẫu .json.", "Template .json file."), valueName: "file"))
  var files: [String]

  func run() throws {
    let language = global.language
    var firstFailure: Int32?
    for path in files {
      do {
        let template = try TemplateSet.check(file: URL(fileURLWithPath: path))
        let tables = template.tables.count
        Console.output(
          language.pick(
            "✓ \(path): mẫu \(template.id) v\(template.version), trang \(template.page), "
              + "\(template.fields.count) trường ngoài bảng, \(tables) bảng.",
            "✓ \(path): template \(template.id) v\(template.version), page \(template.page), "
              + "\(template.fields.count) fields outside tables, \(tables) tables."))
      } catch let error as any HocBaError {
        Console.error("✗ " + error.message(in: language))
        firstFailure = firstFailure ?? ExitCodes.code(for: error.kind)
      }
    }
    if let firstFailure { throw ExitCode(firstFailure) }
  }
}
