import Foundation

/// Writes the text of one `ds:Signature` of the profile. Every element is written in exclusive-C14N form
/// (no empty-element tags, attributes in canonical order), so the bytes in the file are the bytes signed.
public struct XMLSignatureBuilder: Sendable {
  /// One `Reference`: an `Id` in the same document, its digest and an optional `Type`.
  public struct Reference: Sendable, Equatable {
    public var id: String
    public var type: String?
    public var digest: [UInt8]
  }

  public var signatureID: String
  public var signingTime: String
  public var references: [Reference] = []

  public init(signatureID: String, signingTime: String) {
    self.signatureID = signatureID
    self.signingTime = signingTime
  }

  /// The `Id` of the `Object` that carries the signing time.
  public var objectID: String { "st-\(signatureID)" }

  /// `Object/SignatureProperties/SignatureProperty/SigningTime`.
  public var object: String {
    "<Object Id=\"\(objectID)\"><SignatureProperties><SignatureProperty Target=\"#\(signatureID)\">"
      + "<SigningTime xmlns=\"\(Profile.signingTimeNamespace)\">\(Self.escape(signingTime))</SigningTime>"
      + "</SignatureProperty></SignatureProperties></Object>"
  }

  /// `SignedInfo`: exclusive C14N, RSA-SHA256, one SHA-256 reference per entry with the exc-c14n transform.
  public var signedInfo: String {
    var text =
      "<SignedInfo><CanonicalizationMethod Algorithm=\"\(Profile.exclusiveC14N)\"></CanonicalizationMethod>"
      + "<SignatureMethod Algorithm=\"\(Profile.rsaSHA256)\"></SignatureMethod>"
    for reference in references {
      let type = reference.type.map { " Type=\"\(Self.escape($0))\"" } ?? ""
      text +=
        "<Reference\(type) URI=\"#\(reference.id)\"><Transforms><Transform Algorithm=\"\(Profile.exclusiveC14N)\">"
        + "</Transform></Transforms><DigestMethod Algorithm=\"\(Profile.sha256)\"></DigestMethod>"
        + "<DigestValue>\(Data(reference.digest).base64EncodedString())</DigestValue></Reference>"
    }
    return text + "</SignedInfo>"
  }

  /// A `Signature` element around `inner`, declaring the XML-DSig namespace as the default.
  func signatureElement(_ inner: String) -> String {
    "<Signature xmlns=\"\(Profile.dsig)\" Id=\"\(signatureID)\">\(inner)</Signature>"
  }

  /// `SignatureValue` as written in the signature (base64 on one line).
  static func signatureValueElement(_ value: [UInt8]) -> String {
    "<SignatureValue>\(Data(value).base64EncodedString())</SignatureValue>"
  }

  /// The unsigned XAdES-T `Object`: `QualifyingProperties/UnsignedProperties/UnsignedSignatureProperties/
  /// SignatureTimeStamp` with the exclusive C14N method and the RFC 3161 token. No reference covers it: it is
  /// added after `SignatureValue` exists (a later seal over this signature covers it).
  func timestampObject(_ token: [UInt8]) -> String {
    "<Object><xades:QualifyingProperties xmlns:xades=\"\(Profile.xades)\" Target=\"#\(signatureID)\">"
      + "<xades:UnsignedProperties><xades:UnsignedSignatureProperties><xades:SignatureTimeStamp>"
      + "<CanonicalizationMethod Algorithm=\"\(Profile.exclusiveC14N)\"></CanonicalizationMethod>"
      + "<xades:EncapsulatedTimeStamp>\(Data(token).base64EncodedString())</xades:EncapsulatedTimeStamp>"
      + "</xades:SignatureTimeStamp></xades:UnsignedSignatureProperties></xades:UnsignedProperties>"
      + "</xades:QualifyingProperties></Object>"
  }

  /// The complete signature: SignedInfo, SignatureValue, KeyInfo (X509SubjectName, then the certificates),
  /// the signed Object, then the unsigned time-stamp Object when there is a token.
  func complete(signatureValue: [UInt8], chain: [Certificate], timestamp: [UInt8]? = nil) -> String {
    var keyInfo = "<KeyInfo><X509Data><X509SubjectName>\(Self.escape(chain[0].subject))</X509SubjectName>"
    for certificate in chain {
      keyInfo += "<X509Certificate>\(Data(certificate.der).base64EncodedString())</X509Certificate>"
    }
    keyInfo += "</X509Data></KeyInfo>"
    return signatureElement(
      signedInfo + Self.signatureValueElement(signatureValue) + keyInfo + object
        + (timestamp.map(timestampObject) ?? ""))
  }

  /// Escapes text and attribute values as C14N writes them.
  static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\r": result += "&#xD;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `xs:dateTime` with the zone's offset, e.g. `2026-06-02T10:00:00+07:00`.
  public static func dateTime(_ date: Date, timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let offset = timeZone.secondsFromGMT(for: date)
    let sign = offset < 0 ? "-" : "+"
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let year = String(parts.year ?? 0)
    return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(parts.month ?? 0))-"
      + "\(two(parts.day ?? 0))T\(two(parts.hour ?? 0)):\(two(parts.minute ?? 0)):\(two(parts.second ?? 0))"
      + "\(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) % 3600 / 60))"
  }
}
