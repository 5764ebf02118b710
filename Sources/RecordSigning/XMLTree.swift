internal import CXMLSec
internal import RecordXML

/// Owns one parsed libxml2 document (`xmlDocPtr`), freed in deinit. Parsing never touches the network, never
/// substitutes entities and refuses a DTD.
final class XMLTree {
  let pointer: xmlDocPtr

  private init(_ pointer: xmlDocPtr) { self.pointer = pointer }
  deinit { xmlFreeDoc(pointer) }

  static let parseOptions = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

  /// Parses untrusted bytes: UTF-8 only, no `<!DOCTYPE`/`<!ENTITY` anywhere in the prolog, at most 8 MB.
  static func parse(_ bytes: [UInt8]) throws(SigningError) -> XMLTree {
    silenceLibXML()
    guard bytes.count <= 8 * 1024 * 1024, !bytes.isEmpty else { throw .malformedXML(line: 0) }
    if XMLPrologCheck.declaresMarkup(bytes) { throw .doctypeForbidden }
    let parsed = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", parseOptions)
      }
    }
    guard let parsed else {
      let line = xmlGetLastError().map { Int($0.pointee.line) } ?? 0
      throw .malformedXML(line: line)
    }
    let tree = XMLTree(parsed)
    if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil { throw .doctypeForbidden }
    return tree
  }

  var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }

  /// Every element with an `Id` (or `xml:id`) attribute; a value seen twice is refused (wrapping defence).
  func identifiedElements() throws(SigningError) -> [String: xmlNodePtr] {
    var map: [String: xmlNodePtr] = [:]
    var failure: SigningError?
    walk { node in
      for name in ["Id", "xml:id"] {
        let value = name == "Id" ? Self.attribute(node, "Id") : Self.xmlIDAttribute(node)
        guard let value else { continue }
        if map[value] != nil {
          failure = failure ?? .duplicateID(String(value.prefix(64)))
        }
        map[value] = node
      }
    }
    if let failure { throw failure }
    return map
  }

  /// Calls `body` for every element in document order.
  func walk(_ body: (xmlNodePtr) -> Void) {
    var stack: [xmlNodePtr] = root.map { [$0] } ?? []
    while let node = stack.popLast() {
      body(node)
      stack.append(contentsOf: Self.childElements(node).reversed())
    }
  }

  /// Exclusive C14N 1.0 without comments of the subtree rooted at `node` (the node set a same-document
  /// `#Id` reference selects).
  func exclusiveCanonicalForm(of node: xmlNodePtr) throws(SigningError) -> [UInt8] {
    try canonicalForm(of: node, exclusive: true)
  }

  /// C14N 1.0 without comments (exclusive or inclusive) of the subtree rooted at `node`.
  func canonicalForm(of node: xmlNodePtr, exclusive: Bool) throws(SigningError) -> [UInt8] {
    guard let buffer = xmlAllocOutputBuffer(nil) else { throw .internal("xmlAllocOutputBuffer") }
    let mode = exclusive ? XML_C14N_EXCLUSIVE_1_0 : XML_C14N_1_0
    let written = xmlC14NExecute(
      pointer, subtreeVisibility, UnsafeMutableRawPointer(node), Int32(mode.rawValue), nil, 0, buffer)
    _ = xmlOutputBufferFlush(buffer)
    var bytes: [UInt8] = []
    if written >= 0, let content = xmlOutputBufferGetContent(buffer) {
      bytes = Array(UnsafeBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(buffer))))
    }
    _ = xmlOutputBufferClose(buffer)
    guard written >= 0 else { throw .internal("xmlC14NExecute") }
    return bytes
  }

  // MARK: - Node helpers

  static func childElements(_ node: xmlNodePtr) -> [xmlNodePtr] {
    var result: [xmlNodePtr] = []
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
      child = current.pointee.next
    }
    return result
  }

  static func name(_ node: xmlNodePtr) -> String { node.pointee.name.map { String(cString: $0) } ?? "" }

  static func namespace(_ node: xmlNodePtr) -> String? {
    node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
  }

  static func prefix(_ node: xmlNodePtr) -> String? {
    node.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
  }

  static func isElement(_ node: xmlNodePtr, _ localName: String, in namespace: String) -> Bool {
    name(node) == localName && Self.namespace(node) == namespace
  }

  /// The value of the unqualified attribute `name`, or nil.
  static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
    guard let value = xmlGetNoNsProp(node, name) else { return nil }
    defer { hocba_xmlsec_free(value) }
    return String(cString: value)
  }

  private static func xmlIDAttribute(_ node: xmlNodePtr) -> String? {
    guard let value = xmlGetNsProp(node, "id", "http://www.w3.org/XML/1998/namespace") else { return nil }
    defer { hocba_xmlsec_free(value) }
    return String(cString: value)
  }

  /// The concatenated text content of `node`.
  static func text(_ node: xmlNodePtr) -> String {
    guard let content = xmlNodeGetContent(node) else { return "" }
    defer { hocba_xmlsec_free(content) }
    return String(cString: content)
  }

  /// The child elements named `localName` in `namespace`.
  static func children(_ node: xmlNodePtr, _ localName: String, in namespace: String) -> [xmlNodePtr] {
    childElements(node).filter { isElement($0, localName, in: namespace) }
  }
}

/// C14N visibility: a node is in the set when it is, or lies inside, the element passed as user data.
private let subtreeVisibility: xmlC14NIsVisibleCallback = { userData, node, parent in
  guard let userData, let node else { return 0 }
  let target = userData.assumingMemoryBound(to: xmlNode.self)
  var current: xmlNodePtr? = node.pointee.type == XML_NAMESPACE_DECL ? parent : node
  while let element = current {
    if element == target { return 1 }
    current = element.pointee.parent
  }
  return 0
}

/// libxml2 prints errors to stderr by default; the library never prints (the calling thread's handler).
func silenceLibXML() {
  xmlSetStructuredErrorFunc(nil, { _, _ in })
}
