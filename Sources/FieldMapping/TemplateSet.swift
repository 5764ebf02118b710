public import Foundation

/// The page templates of a `Mappings/` directory, checked when loaded.
public struct TemplateSet: Sendable {
  /// The templates, ordered by file name.
  public let templates: [Template]
  /// The name-syllable lexicon (`lexicons/names.json`), nil when the directory has none.
  public let names: NameLexicon?

  /// Creates a set from templates already loaded (tests).
  public init(templates: [Template], names: NameLexicon? = nil) {
    self.templates = templates
    self.names = names
  }

  /// Loads and checks every `*.json` file of `directory` (other files, such as README.md, are ignored).
  public static func load(directory: URL) throws -> TemplateSet {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw MappingError.unreadable(file: directory.path)
    }
    let files = names.filter { $0.hasSuffix(".json") }.sorted()
    guard !files.isEmpty else { throw MappingError.noTemplates(directory: directory.path) }
    var templates: [Template] = []
    var seen: Set<String> = []
    for name in files {
      let template = try check(file: directory.appendingPathComponent(name))
      guard seen.insert(template.id).inserted else { throw MappingError.duplicateID(file: name, id: template.id) }
      templates.append(template)
    }
    return TemplateSet(templates: templates, names: try NameLexicon.load(mappings: directory))
  }

  /// Loads one template file and checks it (for `hocba mapping check FILE`).
  public static func check(file: URL) throws -> Template {
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw MappingError.unreadable(file: file.lastPathComponent)
    }
    return try parse(data, file: file.lastPathComponent)
  }

  /// Decodes and checks template JSON; `file` names it in errors.
  static func parse(_ data: Data, file: String) throws -> Template {
    struct Header: Decodable { var version: Int }
    let decoder = JSONDecoder()
    do {
      let header = try decoder.decode(Header.self, from: data)
      guard header.version <= Template.supportedVersion else {
        throw MappingError.newerVersion(file: file, version: header.version, supported: Template.supportedVersion)
      }
      let template = try decoder.decode(Template.self, from: data)
      try validate(template, file: file)
      return template
    } catch let error as DecodingError {
      throw translate(error, file: file)
    }
  }

  /// Checks what JSON decoding cannot: names that refer to profiles and lexicons, locators, the page kind.
  static func validate(_ template: Template, file: String) throws {
    func fail(_ path: String, _ problem: TemplateProblem) -> MappingError {
      .invalidTemplate(file: file, keyPath: path, problem: problem)
    }
    guard template.kind != nil else { throw fail("page", .invalidValue) }
    for (name, profile) in template.profiles {
      if profile.recognition == nil { throw fail("profiles.\(name).segmentation", .invalidValue) }
      if let pattern = profile.pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
        throw fail("profiles.\(name).pattern", .invalidValue)
      }
      if let alternate = profile.alternate, template.profiles[alternate]?.recognition == nil {
        throw fail("profiles.\(name).alternate", .unknownProfile(alternate))
      }
    }
    func checkNames(_ path: String, profile: String?, lexicon: String?) throws {
      if let profile, template.profiles[profile] == nil { throw fail("\(path).profile", .unknownProfile(profile)) }
      if let lexicon, template.lexicons[lexicon] == nil { throw fail("\(path).lexicon", .unknownLexicon(lexicon)) }
    }
    for (index, field) in template.fields.enumerated() {
      let path = "fields[\(index)]"
      try checkNames(path, profile: field.profile, lexicon: field.lexicon)
      let locators = [field.label != nil, field.phrase != nil, field.below != nil].filter { $0 }.count
      guard locators == 1 else { throw fail(path, .locator) }
      if field.phrase != nil, field.lexicon == nil { throw fail("\(path).lexicon", .missingKey) }
      if let mode = field.phrase, !["line", "contains"].contains(mode) { throw fail("\(path).phrase", .invalidValue) }
      if let line = field.line, !["first", "last"].contains(line) { throw fail("\(path).line", .invalidValue) }
    }
    for (index, table) in template.tables.enumerated() {
      let path = "tables[\(index)]"
      try checkNames(path, profile: table.profile, lexicon: table.lexicon)
      for (column, spec) in table.columns.enumerated() {
        try checkNames("\(path).columns[\(column)]", profile: spec.profile, lexicon: spec.lexicon)
      }
      for (row, spec) in (table.rows.explicit ?? []).enumerated() {
        try checkNames("\(path).rows.explicit[\(row)]", profile: spec.profile, lexicon: spec.lexicon)
      }
      for (kind, cell) in table.rows.catalogCells ?? [:] {
        try checkNames("\(path).rows.catalogCells.\(kind)", profile: cell.profile, lexicon: cell.lexicon)
      }
      if table.rows.catalog == true, template.regime == nil || template.band == nil {
        throw fail("\(path).rows.catalog", .invalidValue)
      }
    }
  }

  /// Turns a decoding error into a `MappingError` naming the key path ("tables[0].columns[1].match").
  static func translate(_ error: DecodingError, file: String) -> MappingError {
    func render(_ path: [any CodingKey]) -> String {
      var text = ""
      for key in path {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
      }
      return text.isEmpty ? "(gốc/root)" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return .invalidTemplate(file: file, keyPath: render(context.codingPath + [key]), problem: .missingKey)
    case .typeMismatch(let type, let context):
      return .invalidTemplate(
        file: file, keyPath: render(context.codingPath), problem: .wrongType(expected: "\(type)"))
    case .valueNotFound(let type, let context):
      return .invalidTemplate(
        file: file, keyPath: render(context.codingPath), problem: .wrongType(expected: "\(type)"))
    case .dataCorrupted(let context):
      let problem: TemplateProblem = context.codingPath.isEmpty ? .notJSON : .invalidValue
      return .invalidTemplate(file: file, keyPath: render(context.codingPath), problem: problem)
    @unknown default:
      return .invalidTemplate(file: file, keyPath: "(gốc/root)", problem: .notJSON)
    }
  }
}
