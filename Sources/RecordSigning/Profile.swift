// RecordSigning signs and verifies hocba XML records on their bytes, following the signing profile
// (shared/signing-profile.md, docs/FORMAT.md "Signatures"). OpenSSL enters through HocBaCrypto; libxml2 and
// xmlsec through CXMLSec.
@_exported import HocBaCrypto

/// Namespaces and algorithm URIs of the signing profile.
enum Profile {
  static let dsig = "http://www.w3.org/2000/09/xmldsig#"
  static let record = "urn:hocba:xml:1.0"
  static let recordPrefix = "urn:hocba:xml:"
  /// `SigningTime` lives in hocba's own namespace so `SignatureProperty` stays XML-DSig-schema-valid.
  public static let signingTimeNamespace = "urn:hocba:xml:signing:1.0"
  static let exclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
  static let inclusiveC14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
  static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"
  static let sha1 = "http://www.w3.org/2000/09/xmldsig#sha1"
  static let rsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
  static let ecdsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
  static let rsaSHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
  /// XAdES 1.3.2: the unsigned `SignatureTimeStamp` (RFC 3161 token over the canonical `SignatureValue`).
  static let xades = "http://uri.etsi.org/01903/v1.3.2#"
  static let signaturePropertiesType = "http://www.w3.org/2000/09/xmldsig#SignatureProperties"

  /// Transforms and canonicalisation methods a verified signature may use.
  static let allowedTransforms: Set<String> = [exclusiveC14N, inclusiveC14N]
  /// Signature methods at or above the SHA-256 floor.
  static let strongSignatureMethods: Set<String> = [rsaSHA256, ecdsaSHA256]

  /// Whether `text` is an XML NCName made of ASCII letters, digits, `-`, `_` and `.` (hocba's Ids).
  static func isSimpleNCName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
    return text.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
    }
  }
}
