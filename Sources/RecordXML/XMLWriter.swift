import HocBaModel

/// A tiny deterministic XML writer: UTF-8, fixed declaration, compact output, NFC text, strict characters.
///
/// The same calls always give the same bytes, so a record exports byte-identically every time (golden files,
/// signatures). Empty elements are written as `<X/>`.
struct XMLWriter {
  /// The XML declaration every hocba document starts with.
  static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#

  private var bytes: [UInt8]
  private var openElements: [String] = []
  /// True while the last start tag is still missing its `>` (so it can become `/>`).
  private var startTagPending = false

  init() {
    bytes = Array(Self.declaration.utf8)
    bytes.reserveCapacity(8192)
  }

  /// Opens an element with attributes in the given order.
  mutating func open(_ name: String, attributes: [(String, String)] = []) throws(RecordXMLError) {
    closePendingStartTag()
    append("<")
    append(name)
    for (attribute, value) in attributes {
      append(" ")
      append(attribute)
      append("=\"")
      try appendEscaped(value, element: "\(name)/@\(attribute)", inAttribute: true)
      append("\"")
    }
    openElements.append(name)
    startTagPending = true
  }

  /// Closes the innermost open element.
  mutating func close() {
    guard let name = openElements.popLast() else { return }
    if startTagPending {
      append("/>")
      startTagPending = false
    } else {
      append("</")
      append(name)
      append(">")
    }
  }

  /// Writes `<name>value</name>`.
  mutating func element(_ name: String, _ value: String) throws(RecordXMLError) {
    closePendingStartTag()
    append("<")
    append(name)
    append(">")
    try appendEscaped(value, element: name, inAttribute: false)
    append("</")
    append(name)
    append(">")
  }

  /// Writes `<name>value</name>` when `value` is not nil, and nothing otherwise.
  mutating func optional(_ name: String, _ value: String?) throws(RecordXMLError) {
    if let value { try element(name, value) }
  }

  /// Writes a container element whose content `body` writes.
  mutating func container(
    _ name: String, attributes: [(String, String)] = [], _ body: (inout XMLWriter) throws(RecordXMLError) -> Void
  ) throws(RecordXMLError) {
    try open(name, attributes: attributes)
    try body(&self)
    close()
  }

  /// The finished document; every opened element must have been closed.
  func finish() throws(RecordXMLError) -> [UInt8] {
    guard openElements.isEmpty else { throw .internal("XMLWriter: unclosed \(openElements.joined(separator: "/"))") }
    return bytes
  }

  // MARK: - Bytes

  private mutating func closePendingStartTag() {
    if startTagPending {
      append(">")
      startTagPending = false
    }
  }

  private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// Appends NFC text with &, <, > (and " in attributes) escaped; CR (and tab, LF in attributes) as character
  /// references so that XML end-of-line and attribute normalisation give back the same text.
  private mutating func appendEscaped(_ text: String, element: String, inAttribute: Bool) throws(RecordXMLError) {
    for scalar in text.nfc.unicodeScalars {
      switch scalar {
      case "&": append("&amp;")
      case "<": append("&lt;")
      case ">": append("&gt;")
      case "\"" where inAttribute: append("&quot;")
      case "\r": append("&#13;")
      case "\t" where inAttribute: append("&#9;")
      case "\n" where inAttribute: append("&#10;")
      case "\t", "\n": bytes.append(UInt8(scalar.value))
      default:
        guard Self.isAllowed(scalar) else { throw .controlCharacter(element: element) }
        bytes.append(contentsOf: String(scalar).utf8)
      }
    }
  }

  /// XML 1.0 characters minus the C0/C1 controls and DEL (tab, LF, CR are handled by the caller).
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}
