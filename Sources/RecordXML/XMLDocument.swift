internal import CLibXML2

/// One element of a parsed document as plain Swift values: what the decoder and the security checks read.
struct XMLElementNode: Sendable {
  /// Local name (no prefix).
  var name: String
  /// Namespace URI, or nil.
  var namespace: String?
  /// Attributes without a namespace, in document order (namespace declarations are not attributes here).
  var attributes: [(name: String, value: String)]
  var children: [XMLElementNode]
  /// Concatenated text and CDATA of this element's direct text children.
  var text: String
  var line: Int

  /// The value of the attribute `name`, or nil.
  func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

  /// The first child element named `name`, or nil.
  func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

  /// Every child element named `name`, in order.
  func children(named name: String) -> [XMLElementNode] { children.filter { $0.name == name } }
}

/// Makes sure `xmlInitParser` ran once before any thread uses libxml2.
let libxml2Initialized: Void = { xmlInitParser() }()

/// Owns one libxml2 document (`xmlDocPtr`), parsed safely, and frees it in `deinit`.
final class LibXMLDocument {
  /// Parser options: no network, CDATA merged into text, errors collected instead of printed. Deliberately
  /// without XML_PARSE_NOENT (no entity substitution), XML_PARSE_DTDLOAD and XML_PARSE_HUGE (text nodes capped).
  static let parseOptions: Int32 = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
      | XML_PARSE_NOWARNING.rawValue)

  let pointer: xmlDocPtr

  private init(pointer: xmlDocPtr) { self.pointer = pointer }

  deinit { xmlFreeDoc(pointer) }

  /// Parses UTF-8 bytes that already passed `SecurityChecks.beforeParsing`.
  static func parse(_ bytes: [UInt8], source: String) throws(RecordXMLError) -> LibXMLDocument {
    _ = libxml2Initialized
    guard bytes.count <= SecurityChecks.maximumSize else {
      throw .tooLarge(source: source, limit: SecurityChecks.maximumSize)
    }
    guard let context = xmlNewParserCtxt() else { throw .internal("xmlNewParserCtxt") }
    defer { xmlFreeParserCtxt(context) }
    // The first error is the meaningful one (libxml2 goes on after a tag mismatch): collect it through the
    // context's structured-error hook; `_private` carries the collector, `userData` stays the context for SAX2.
    let firstError = FirstParserError()
    context.pointee.sax.pointee.serror = recordParserError
    context.pointee._private = Unmanaged.passUnretained(firstError).toOpaque()
    defer { context.pointee._private = nil }
    let parsed: xmlDocPtr? = withExtendedLifetime(firstError) {
      bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
          xmlCtxtReadMemory(context, base, Int32(buffer.count), nil, "UTF-8", parseOptions)
        }
      }
    }
    guard let parsed, context.pointee.wellFormed != 0, firstError.code == nil else {
      if let parsed { xmlFreeDoc(parsed) }
      try failure(firstError, source: source)
    }
    return LibXMLDocument(pointer: parsed)
  }

  private static func failure(_ first: FirstParserError, source: String) throws(RecordXMLError) -> Never {
    guard let code = first.code else { throw .malformed(source: source, line: 0, problem: .empty) }
    let problem: MalformedProblem =
      switch code {
      case Int(XML_ERR_DOCUMENT_EMPTY.rawValue): .empty
      case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue), Int(XML_ERR_TAG_NOT_FINISHED.rawValue): .unbalancedTags
      case Int(XML_ERR_DOCUMENT_END.rawValue): .trailingContent
      case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue),
        Int(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue):
        .undefinedEntity
      case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue),
        Int(XML_ERR_INVALID_CHARREF.rawValue):
        .invalidCharacter
      // Belt and braces: a DTD the prolog scan missed is refused the same way.
      case Int(XML_ERR_ENTITY_LOOP.rawValue), Int(XML_ERR_ENTITY_BOUNDARY.rawValue),
        Int(XML_ERR_DOCTYPE_NOT_FINISHED.rawValue):
        throw .doctypeForbidden(source: source)
      default: .syntax
      }
    throw .malformed(source: source, line: first.line, problem: problem)
  }

  /// The DTD parts libxml2 attached to the document, if any (must be none).
  var hasDocumentTypeDeclaration: Bool { pointer.pointee.intSubset != nil || pointer.pointee.extSubset != nil }

  /// The root element as a Swift tree, or nil when the document has none.
  func rootElement(source: String) throws(RecordXMLError) -> XMLElementNode? {
    guard let root = xmlDocGetRootElement(pointer) else { return nil }
    return try Self.convert(root, depth: 0, source: source)
  }

  /// Deeper nesting than this is refused (the format is at most eight levels deep, plus signatures).
  static let maximumDepth = 64

  private static func convert(_ node: xmlNodePtr, depth: Int, source: String) throws(RecordXMLError)
    -> XMLElementNode
  {
    guard depth < maximumDepth else {
      let issue = RecordXMLIssue(line: Int(xmlGetLineNo(node)), element: string(node.pointee.name), problem: .other)
      throw .schemaInvalid(source: source, issues: [issue])
    }
    var element = XMLElementNode(
      name: string(node.pointee.name), namespace: node.pointee.ns.flatMap { $0.pointee.href.map(string) },
      attributes: [], children: [], text: "", line: Int(xmlGetLineNo(node)))
    var attribute = node.pointee.properties
    while let current = attribute {
      if current.pointee.ns == nil {
        let value = xmlGetNoNsProp(node, current.pointee.name)
        element.attributes.append((string(current.pointee.name), value.map(string) ?? ""))
        if let value { hocba_xml_free(value) }
      }
      attribute = current.pointee.next
    }
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE: element.children.append(try convert(current, depth: depth + 1, source: source))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content { element.text += string(content) }
      case XML_COMMENT_NODE, XML_PI_NODE: break
      default:  // Entity references and DTD nodes cannot occur after the checks; refuse them anyway.
        throw .doctypeForbidden(source: source)
      }
      child = current.pointee.next
    }
    return element
  }

  private static func string(_ characters: UnsafePointer<xmlChar>?) -> String {
    guard let characters else { return "" }
    return String(cString: characters)
  }

  private static func string(_ characters: UnsafeMutablePointer<xmlChar>) -> String {
    String(cString: UnsafePointer(characters))
  }
}

/// The first error (not warning) libxml2 reported while parsing one document.
private final class FirstParserError {
  var code: Int?
  var line = 0
}

/// libxml2 structured-error hook of the parser context: keeps the first error in the context's `_private`.
private let recordParserError: xmlStructuredErrorFunc = { _, error in
  guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
    let context = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
    let collector = context.pointee._private
  else { return }
  let first = Unmanaged<FirstParserError>.fromOpaque(collector).takeUnretainedValue()
  if first.code == nil {
    first.code = Int(error.pointee.code)
    first.line = Int(error.pointee.line)
  }
}
