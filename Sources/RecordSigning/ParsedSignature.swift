internal import CXMLSec
import Foundation

/// What one `ds:Signature` element says, read with libxml2 before any cryptography, so that profile
/// violations (algorithms, transforms, references, key data) are refused up front.
struct ParsedSignature {
  struct Reference {
    var uri: String?
    var type: String?
    var transforms: [String]
    var digestMethod: String?
  }

  var id: String?
  var canonicalization: String?
  var signatureMethod: String?
  var references: [Reference] = []
  /// DER of every `X509Data/X509Certificate`, in document order.
  var certificates: [[UInt8]] = []
  var subjectName: String?
  /// Local names of `KeyInfo` children other than `X509Data`.
  var otherKeyInfo: [String] = []
  /// `SigningTime` text of the `SignatureProperty` whose `Target` is this signature, and its `Object` Id.
  var signingTime: String?
  var signingTimeObjectID: String?
  var hasManifest = false
  /// The `SignatureValue` element (what a XAdES signature time-stamp covers).
  var signatureValue: xmlNodePtr?
  /// Every XAdES `SignatureTimeStamp` of `QualifyingProperties` targeting this signature.
  var timestamps: [Timestamp] = []

  /// One `SignatureTimeStamp`: its canonicalisation method (XAdES default: inclusive C14N) and token DER
  /// (nil when `EncapsulatedTimeStamp` is missing or not base64).
  struct Timestamp {
    var canonicalization: String?
    var token: [UInt8]?
  }

  init(_ signature: xmlNodePtr) {
    id = XMLTree.attribute(signature, "Id")
    let ds = Profile.dsig
    if let info = XMLTree.children(signature, "SignedInfo", in: ds).first {
      canonicalization = XMLTree.children(info, "CanonicalizationMethod", in: ds).first
        .flatMap { XMLTree.attribute($0, "Algorithm") }
      signatureMethod = XMLTree.children(info, "SignatureMethod", in: ds).first
        .flatMap { XMLTree.attribute($0, "Algorithm") }
      for node in XMLTree.children(info, "Reference", in: ds) {
        let transforms = XMLTree.children(node, "Transforms", in: ds).flatMap {
          XMLTree.children($0, "Transform", in: ds).map { XMLTree.attribute($0, "Algorithm") ?? "" }
        }
        references.append(
          Reference(
            uri: XMLTree.attribute(node, "URI"), type: XMLTree.attribute(node, "Type"), transforms: transforms,
            digestMethod: XMLTree.children(node, "DigestMethod", in: ds).first
              .flatMap { XMLTree.attribute($0, "Algorithm") }))
      }
    }
    for keyInfo in XMLTree.children(signature, "KeyInfo", in: ds) {
      for child in XMLTree.childElements(keyInfo) {
        guard XMLTree.isElement(child, "X509Data", in: ds) else {
          otherKeyInfo.append(XMLTree.name(child))
          continue
        }
        for certificate in XMLTree.children(child, "X509Certificate", in: ds) {
          let text = XMLTree.text(certificate).filter { !$0.isWhitespace }
          certificates.append(Data(base64Encoded: text).map { [UInt8]($0) } ?? [])
        }
        if subjectName == nil {
          subjectName = XMLTree.children(child, "X509SubjectName", in: ds).first.map(XMLTree.text)
        }
      }
    }
    signatureValue = XMLTree.children(signature, "SignatureValue", in: ds).first
    for object in XMLTree.children(signature, "Object", in: ds) {
      if !XMLTree.children(object, "Manifest", in: ds).isEmpty { hasManifest = true }
      if let id { timestamps += Self.timestamps(in: object, target: "#\(id)") }
      for properties in XMLTree.childElements(object) where XMLTree.name(properties) == "SignatureProperties" {
        for property in XMLTree.childElements(properties) where XMLTree.name(property) == "SignatureProperty" {
          guard let id, XMLTree.attribute(property, "Target") == "#\(id)",
            let time = XMLTree.childElements(property).first(where: { XMLTree.name($0) == "SigningTime" })
          else { continue }
          signingTime = XMLTree.text(time).trimmingCharacters(in: .whitespacesAndNewlines)
          signingTimeObjectID = XMLTree.attribute(object, "Id")
        }
      }
    }
  }

  /// `QualifyingProperties[Target]/UnsignedProperties/UnsignedSignatureProperties/SignatureTimeStamp` in `object`.
  private static func timestamps(in object: xmlNodePtr, target: String) -> [Timestamp] {
    let xades = Profile.xades
    var found: [Timestamp] = []
    for properties in XMLTree.children(object, "QualifyingProperties", in: xades)
    where XMLTree.attribute(properties, "Target") == target {
      let stamps = XMLTree.children(properties, "UnsignedProperties", in: xades)
        .flatMap { XMLTree.children($0, "UnsignedSignatureProperties", in: xades) }
        .flatMap { XMLTree.children($0, "SignatureTimeStamp", in: xades) }
      for stamp in stamps {
        let method = XMLTree.children(stamp, "CanonicalizationMethod", in: Profile.dsig).first
          .flatMap { XMLTree.attribute($0, "Algorithm") }
        let text = XMLTree.children(stamp, "EncapsulatedTimeStamp", in: xades).first
          .map { XMLTree.text($0).filter { !$0.isWhitespace } }
        found.append(
          Timestamp(canonicalization: method, token: text.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }))
      }
    }
    return found
  }

  /// The Ids the references point to (`#id` → `id`), nil for any other URI form.
  var referencedIDs: [String?] {
    references.map { reference in
      guard let uri = reference.uri, uri.hasPrefix("#") else { return nil }
      let id = String(uri.dropFirst())
      return Profile.isSimpleNCName(id) ? id : nil
    }
  }
}

/// Reads `xs:dateTime`: with an offset or `Z`, or zoneless (then +07:00 is assumed and reported).
enum SigningTimeParser {
  static func parse(_ text: String) -> (date: Date, zoneAssumed: Bool)? {
    let pattern = #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$"#
    guard let match = text.range(of: pattern, options: .regularExpression), match == text.startIndex..<text.endIndex
    else { return nil }
    let digits = text.split(whereSeparator: { "-T:.Z+".contains($0) }).map(String.init)
    let numbers = digits.prefix(6).compactMap { Int($0) }
    guard numbers.count == 6 else { return nil }
    var offset = 7 * 3600
    var assumed = true
    if text.hasSuffix("Z") {
      offset = 0
      assumed = false
    } else if text.count >= 6, let signIndex = text.index(text.endIndex, offsetBy: -6, limitedBy: text.startIndex),
      "+-".contains(text[signIndex])
    {
      let zone = text[text.index(after: signIndex)...].split(separator: ":").compactMap { Int($0) }
      guard zone.count == 2, zone[0] <= 14, zone[1] < 60 else { return nil }
      offset = (zone[0] * 3600 + zone[1] * 60) * (text[signIndex] == "-" ? -1 : 1)
      assumed = false
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? .vietnam
    let components = DateComponents(
      year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4], second: numbers[5])
    guard (1...12).contains(numbers[1]), (1...31).contains(numbers[2]), numbers[3] < 24, numbers[4] < 60,
      numbers[5] < 61, let date = calendar.date(from: components)
    else { return nil }
    return (date, assumed)
  }
}
