internal import CXMLSec

/// Where signatures live in a hocba record: `HocBa/DSCKS/CKS/ds:Signature`.
enum RecordLayout {
  /// One `CKS` slot as found in a document.
  struct Slot {
    var node: xmlNodePtr
    var slot: SignatureSlot?
    var signature: xmlNodePtr?
    var signatureID: String? { signature.flatMap { XMLTree.attribute($0, "Id") } }
  }

  /// The `DSCKS` element, which must be the root's last child element.
  static func signatureList(in tree: XMLTree) throws(SigningError) -> xmlNodePtr {
    guard let root = tree.root, XMLTree.name(root) == "HocBa",
      XMLTree.namespace(root)?.hasPrefix(Profile.recordPrefix) == true,
      let last = XMLTree.childElements(root).last, XMLTree.name(last) == "DSCKS",
      XMLTree.namespace(last) == XMLTree.namespace(root)
    else { throw .notARecord }
    return last
  }

  /// The `CKS` children of `DSCKS`, in document order.
  static func slots(in list: xmlNodePtr) -> [Slot] {
    XMLTree.childElements(list).filter { XMLTree.name($0) == "CKS" }.map { node in
      let slot = XMLTree.attribute(node, "VaiTro").flatMap {
        SignatureSlot(role: $0, subjectCode: XMLTree.attribute(node, "Ma"))
      }
      let signature = XMLTree.childElements(node).first { XMLTree.isElement($0, "Signature", in: Profile.dsig) }
      return Slot(node: node, slot: slot, signature: signature)
    }
  }

  /// Inserts `slotText` as the last child of `DSCKS`, changing no byte before `DSCKS` (only `<DSCKS/>` becomes
  /// `<DSCKS>…</DSCKS>`). `DSCKS` must be followed by nothing but white space and the root's end tag.
  static func append(_ slotText: String, to bytes: [UInt8], listPrefix: String?) throws(SigningError) -> [UInt8] {
    let qualified = Array(((listPrefix.map { $0 + ":" }) ?? "").utf8) + Array("DSCKS".utf8)
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    var end = bytes.count
    while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
    guard end > 0, bytes[end - 1] == UInt8(ascii: ">"),
      let rootEnd = bytes[..<end].lastIndex(of: UInt8(ascii: "<")), rootEnd + 1 < end,
      bytes[rootEnd + 1] == UInt8(ascii: "/")
    else { throw .cannotAppend }
    var cursor = rootEnd
    while cursor > 0, isSpace(bytes[cursor - 1]) { cursor -= 1 }
    let insertion = Array(slotText.utf8)
    let closing = Array("</".utf8) + qualified + Array(">".utf8)
    if cursor >= closing.count, bytes[(cursor - closing.count)..<cursor].elementsEqual(closing) {
      let at = cursor - closing.count
      return Array(bytes[..<at]) + insertion + Array(bytes[at...])
    }
    let opening = Array("<".utf8) + qualified
    guard cursor >= 2, bytes[cursor - 2] == UInt8(ascii: "/"), bytes[cursor - 1] == UInt8(ascii: ">"),
      let start = lastIndex(of: opening, in: bytes, before: cursor),
      !bytes[(start + opening.count)..<(cursor - 2)].contains(where: {
        $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
      }),
      start + opening.count == cursor - 2 || isSpace(bytes[start + opening.count])
    else { throw .cannotAppend }
    return Array(bytes[..<(cursor - 2)]) + Array(">".utf8) + insertion + closing + Array(bytes[cursor...])
  }

  private static func lastIndex(of needle: [UInt8], in bytes: [UInt8], before limit: Int) -> Int? {
    var index = limit - needle.count
    while index >= 0 {
      if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index -= 1
    }
    return nil
  }
}
