internal import CLibXML2
import Foundation

/// The compiled hocba XSD; read-only after compilation, so one instance serves every thread.
final class CompiledSchema: @unchecked Sendable {
  let pointer: xmlSchemaPtr

  init(pointer: xmlSchemaPtr) { self.pointer = pointer }

  deinit { xmlSchemaFree(pointer) }
}

/// Validates parsed documents against the shipped XSD with libxml2, collecting element names and lines only.
enum SchemaValidator {
  /// Compiled on first use; Swift runs a static initialiser exactly once, even across threads.
  static let shared: Result<CompiledSchema, RecordXMLError> = compile()

  private static func compile() -> Result<CompiledSchema, RecordXMLError> {
    _ = libxml2Initialized
    guard let data = try? Data(contentsOf: RecordXML.schemaURL), !data.isEmpty, data.count <= Int(Int32.max) else {
      return .failure(.internal("schema resource \(RecordXML.schemaURL.lastPathComponent) unreadable"))
    }
    let collector = IssueCollector()
    let schema: xmlSchemaPtr? = data.withUnsafeBytes { raw -> xmlSchemaPtr? in
      guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
        let context = xmlSchemaNewMemParserCtxt(base, Int32(raw.count))
      else { return nil }
      defer { xmlSchemaFreeParserCtxt(context) }
      xmlSchemaSetParserStructuredErrors(context, collectIssue, Unmanaged.passUnretained(collector).toOpaque())
      return withExtendedLifetime(collector) { xmlSchemaParse(context) }
    }
    guard let schema else {
      let first = collector.issues.first.map { " (\($0.element), line \($0.line))" } ?? ""
      return .failure(.internal("schema did not compile\(first)"))
    }
    return .success(CompiledSchema(pointer: schema))
  }

  /// The schema violations of `document`, in document order, at most one per element.
  static func validate(_ document: LibXMLDocument) throws(RecordXMLError) -> [RecordXMLIssue] {
    let schema = try shared.get()
    guard let context = xmlSchemaNewValidCtxt(schema.pointer) else { throw .internal("xmlSchemaNewValidCtxt") }
    defer { xmlSchemaFreeValidCtxt(context) }
    let collector = IssueCollector()
    xmlSchemaSetValidStructuredErrors(context, collectIssue, Unmanaged.passUnretained(collector).toOpaque())
    let status = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, document.pointer) }
    guard status >= 0 else { throw .internal("xmlSchemaValidateDoc returned \(status)") }
    if status > 0 && collector.issues.isEmpty {
      return [RecordXMLIssue(line: 0, element: "HocBa", problem: .other)]
    }
    return collector.issues
  }
}

/// Receives libxml2's structured errors through an `Unmanaged` context pointer.
private final class IssueCollector {
  var issues: [RecordXMLIssue] = []

  func add(_ error: xmlError) {
    let node = error.node.map { $0.assumingMemoryBound(to: xmlNode.self) }
    let message = error.message.map { String(cString: $0) } ?? ""
    // Attribute errors point at the element; the attribute's name is in the message ("…, attribute 'Id': …").
    let attribute = Self.quoted(after: "', attribute '", in: message)
    var element = node.map(Self.path) ?? Self.quoted(after: "Element '", in: message).map(Self.localName) ?? "HocBa"
    if node?.pointee.type != XML_ATTRIBUTE_NODE, let attribute { element += "/@" + Self.localName(attribute) }
    let isAttribute = attribute != nil || node?.pointee.type == XML_ATTRIBUTE_NODE
    let problem = isAttribute ? .badAttribute : Self.problem(code: Int(error.code), message: message)
    let expected = problem == .missingChild || problem == .unexpectedElement ? Self.expected(in: message) : []
    let issue = RecordXMLIssue(line: Int(error.line), element: element, problem: problem, expected: expected)
    // libxml2 often reports one bad value twice (facet, then type): keep the first per element.
    if !issues.contains(where: { $0.element == issue.element && $0.line == issue.line }) { issues.append(issue) }
  }

  /// "DLHocBa/BangDiem/MonHoc[2]/HK1": local names from below the root, with a position among same-named
  /// siblings when there are several; an attribute ends in "/@Name". Names only, never values.
  static func path(_ node: xmlNodePtr) -> String {
    var segments: [String] = []
    var current: xmlNodePtr? = node
    while let item = current, item.pointee.type == XML_ELEMENT_NODE || item.pointee.type == XML_ATTRIBUTE_NODE {
      let name = item.pointee.name.map { String(cString: $0) } ?? "?"
      if item.pointee.type == XML_ATTRIBUTE_NODE {
        segments.append("@" + name)
      } else if item.pointee.parent?.pointee.type == XML_ELEMENT_NODE {
        segments.append(name + position(of: item, name: name))
      }
      current = item.pointee.parent
    }
    return segments.isEmpty ? "HocBa" : segments.reversed().joined(separator: "/")
  }

  private static func position(of node: xmlNodePtr, name: String) -> String {
    var index = 1
    var total = 0
    var sibling = node.pointee.parent?.pointee.children
    while let item = sibling {
      if item.pointee.type == XML_ELEMENT_NODE, item.pointee.name.map({ String(cString: $0) }) == name {
        total += 1
        if item == node { index = total }
      }
      sibling = item.pointee.next
    }
    return total > 1 ? "[\(index)]" : ""
  }

  /// The text between `marker` and the next quote in a libxml2 message: an element or attribute name.
  static func quoted(after marker: String, in message: String) -> String? {
    guard let start = message.range(of: marker)?.upperBound,
      let end = message[start...].firstIndex(of: "'")
    else { return nil }
    return String(message[start..<end])
  }

  static func problem(code: Int, message: String) -> RecordXMLIssue.Problem {
    switch code {
    case Int(XML_SCHEMAV_CVC_ENUMERATION_VALID.rawValue): .notAllowedCode
    case Int(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1.rawValue)...Int(XML_SCHEMAV_CVC_PATTERN_VALID.rawValue): .badValue
    case Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4.rawValue), Int(XML_SCHEMAV_ELEMENT_CONTENT.rawValue):
      message.contains("Missing child") ? .missingChild : .unexpectedElement
    case Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_3_1.rawValue)...Int(XML_SCHEMAV_CVC_COMPLEX_TYPE_4.rawValue),
      Int(XML_SCHEMAV_CVC_ATTRIBUTE_1.rawValue)...Int(XML_SCHEMAV_CVC_ATTRIBUTE_4.rawValue),
      Int(XML_SCHEMAV_CVC_AU.rawValue):
      .badAttribute
    default: .other
    }
  }

  /// The element names of "Expected is ( a, b )" or "Expected is one of ( a, b )"; names only.
  static func expected(in message: String) -> [String] {
    guard let marker = message.range(of: "Expected is"),
      let open = message[marker.upperBound...].firstIndex(of: "("),
      let close = message[open...].firstIndex(of: ")")
    else { return [] }
    return message[message.index(after: open)..<close].split(separator: ",")
      .map { localName($0.trimmingCharacters(in: .whitespaces)) }
      .filter { !$0.isEmpty }
  }

  /// "{urn:hocba:xml:1.0}HoTen" → "HoTen".
  static func localName(_ qualified: String) -> String {
    guard let brace = qualified.lastIndex(of: "}") else { return qualified }
    return String(qualified[qualified.index(after: brace)...])
  }
}

/// libxml2 structured-error callback: forwards each error to the `IssueCollector` behind `context`.
private let collectIssue: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  Unmanaged<IssueCollector>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
}
