/// Byte-level checks on untrusted XML before any parser sees it; the signature verifier runs them too.
public enum XMLPrologCheck {
  /// True when the prolog holds `<!` markup other than comments (a DOCTYPE, ENTITY…): such input is refused.
  public static func declaresMarkup(_ bytes: [UInt8]) -> Bool { SecurityChecks.prologHasMarkupDeclaration(bytes) }
}

/// The checks that run on untrusted input before and right after parsing: size, encoding, no DTD, unique Ids.
enum SecurityChecks {
  /// The largest file accepted: one school year is a few kilobytes; 8 MB leaves room for many signatures.
  static let maximumSize = 8 * 1024 * 1024

  /// Refuses oversize, non-UTF-8 and DOCTYPE-carrying input before libxml2 sees a single byte.
  static func beforeParsing(_ bytes: [UInt8], source: String) throws(RecordXMLError) {
    guard bytes.count <= maximumSize else { throw .tooLarge(source: source, limit: maximumSize) }
    guard !bytes.isEmpty else { throw .malformed(source: source, line: 0, problem: .empty) }
    guard isUTF8(bytes), declaredEncodingIsUTF8(bytes) else { throw .notUTF8(source: source) }
    if prologHasMarkupDeclaration(bytes) { throw .doctypeForbidden(source: source) }
  }

  /// Refuses a document to which libxml2 attached an internal or external DTD subset anyway.
  static func afterParsing(_ document: LibXMLDocument, source: String) throws(RecordXMLError) {
    if document.hasDocumentTypeDeclaration { throw .doctypeForbidden(source: source) }
  }

  /// Refuses two elements with the same `Id` anywhere in the document, data or signatures (wrapping attacks).
  static func requireUniqueIDs(_ root: XMLElementNode, source: String) throws(RecordXMLError) {
    var seen: Set<String> = []
    var pending: [XMLElementNode] = [root]
    // Depth-first in document order, so the reported line is the second occurrence.
    while let element = pending.popLast() {
      if let id = element.attribute("Id") {
        guard seen.insert(id).inserted else {
          throw .duplicateID(source: source, id: printableID(id), line: element.line)
        }
      }
      pending.append(contentsOf: element.children.reversed())
    }
  }

  // MARK: - Byte-level checks

  private static func isUTF8(_ bytes: [UInt8]) -> Bool {
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return false }
    let failed = transcode(
      bytes.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in })
    return !failed && !bytes.contains(0)
  }

  /// True unless an XML declaration names an encoding other than UTF-8.
  private static func declaredEncodingIsUTF8(_ bytes: [UInt8]) -> Bool {
    let start = bytes.starts(with: utf8BOM) ? 3 : 0
    guard bytes[start...].starts(with: Array("<?xml".utf8)),
      let end = find(Array("?>".utf8), in: bytes, from: start)
    else { return true }
    let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
    guard let range = declaration.range(of: "encoding") else { return true }
    let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return false }
    let name = rest.dropFirst().prefix { $0 != quote }.lowercased()
    return name == "utf-8" || name == "utf8"
  }

  /// Scans the prolog (before the root start tag): only the XML declaration, comments, processing
  /// instructions and white space are allowed; any other `<!` (DOCTYPE, ENTITY, ELEMENT…) is refused.
  static func prologHasMarkupDeclaration(_ bytes: [UInt8]) -> Bool {
    var index = bytes.starts(with: utf8BOM) ? 3 : 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D:
        index += 1
      case UInt8(ascii: "<"):
        let rest = bytes[index...]
        if rest.starts(with: Array("<?".utf8)) {
          guard let end = find(Array("?>".utf8), in: bytes, from: index + 2) else { return false }
          index = end + 2
        } else if rest.starts(with: Array("<!--".utf8)) {
          guard let end = find(Array("-->".utf8), in: bytes, from: index + 4) else { return false }
          index = end + 3
        } else {
          return rest.starts(with: Array("<!".utf8))
        }
      default:
        return false  // Not markup: the parser reports the syntax error.
      }
    }
    return false
  }

  private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard needle.count <= bytes.count, start <= bytes.count - needle.count else { return nil }
    var index = start
    while index <= bytes.count - needle.count {
      if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  /// An Id as it may appear in a message: identifiers only, so cut to 64 visible ASCII characters.
  private static func printableID(_ id: String) -> String {
    String(id.unicodeScalars.prefix(64).map { $0.isASCII && $0.value >= 0x21 && $0.value < 0x7F ? Character($0) : "?" })
  }
}
