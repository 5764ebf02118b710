import Foundation
public import HocBaModel

/// The four checks of seed 001 Điều 15 a–d.
public enum VerificationCheck: String, Sendable, Codable, CaseIterable {
  case signature = "a"
  case content = "b"
  case certificate = "c"
  case signingTime = "d"

  public func title(in language: Language) -> String {
    switch self {
    case .signature: language.pick("Chữ ký hợp lệ", "Signature valid")
    case .content: language.pick("Nội dung không bị thay đổi", "Content not altered")
    case .certificate: language.pick("Chứng thư số hợp lệ", "Certificate valid")
    case .signingTime: language.pick("Thời gian ký hợp lệ", "Signing time valid")
    }
  }
}

/// Why a signature failed (each belongs to one Điều 15 check), or a note that does not fail it.
public enum VerificationReason: String, Sendable, Codable, CaseIterable {
  // a — signature information
  case signatureValueInvalid, malformedSignature, weakAlgorithm, transformNotAllowed, referenceNotAllowed
  case keyValueNotAllowed, certificateMissing
  // b — content
  case contentAltered, referenceMissing
  // c — certificate
  case certificateUntrusted, certificateExpired, certificateNotYetValid, certificateRevoked
  case revocationUnknown, keyUsageNotAllowed, certificateWeakAlgorithm, certificateInvalid
  // d — signing time
  case signingTimeMissing, signingTimeMalformed, signingTimeNotSigned, signingTimeInFuture
  // notes (never fail a signature)
  case signingTimeZoneAssumed, revocationNotChecked, subjectNameMismatch, validatedAtGivenTime
  // d — RFC 3161 signature time-stamp (XAdES SignatureTimeStamp)
  case timestampMalformed, timestampInvalid, timestampImprintMismatch, timestampCertificateNotForTimestamping
  case timestampOutsideCertificateValidity, signingTimeAfterTimestamp
  // c — a certificate expired by now, and no time-stamp proves the signature is older
  case certificateExpiredWithoutTimestamp

  /// Notes inform; every other reason fails the signature.
  public var isNote: Bool {
    [.signingTimeZoneAssumed, .revocationNotChecked, .subjectNameMismatch, .validatedAtGivenTime].contains(self)
  }

  public var check: VerificationCheck {
    switch self {
    case .signatureValueInvalid, .malformedSignature, .weakAlgorithm, .transformNotAllowed, .referenceNotAllowed,
      .keyValueNotAllowed, .certificateMissing, .subjectNameMismatch:
      .signature
    case .contentAltered, .referenceMissing: .content
    case .certificateUntrusted, .certificateExpired, .certificateNotYetValid, .certificateRevoked,
      .revocationUnknown, .keyUsageNotAllowed, .certificateWeakAlgorithm, .certificateInvalid,
      .revocationNotChecked, .certificateExpiredWithoutTimestamp:
      .certificate
    case .signingTimeMissing, .signingTimeMalformed, .signingTimeNotSigned, .signingTimeInFuture,
      .signingTimeZoneAssumed, .validatedAtGivenTime, .timestampMalformed, .timestampInvalid,
      .timestampImprintMismatch, .timestampCertificateNotForTimestamping, .timestampOutsideCertificateValidity,
      .signingTimeAfterTimestamp:
      .signingTime
    }
  }

  public func message(in language: Language) -> String {
    switch self {
    case .signatureValueInvalid: language.pick("Giá trị chữ ký không đúng.", "The signature value is wrong.")
    case .malformedSignature: language.pick("Chữ ký sai cấu trúc.", "The signature is malformed.")
    case .weakAlgorithm: language.pick("Thuật toán yếu (SHA-1) bị từ chối.", "Weak algorithm (SHA-1) refused.")
    case .transformNotAllowed: language.pick("Phép biến đổi không được phép.", "A transform is not allowed.")
    case .referenceNotAllowed:
      language.pick(
        "Tham chiếu không phải Id trong cùng tài liệu.", "A reference is not a same-document Id reference.")
    case .keyValueNotAllowed:
      language.pick("Khoá công khai trần (KeyValue) không được chấp nhận.", "A bare KeyValue is not accepted.")
    case .certificateMissing: language.pick("Chữ ký không kèm chứng thư số.", "No certificate in the signature.")
    case .contentAltered: language.pick("Nội dung đã bị thay đổi sau khi ký.", "The content changed after signing.")
    case .referenceMissing:
      language.pick("Vùng dữ liệu được ký không còn trong tệp.", "A signed region is no longer in the file.")
    case .certificateUntrusted:
      language.pick("Chứng thư số không do tổ chức tin cậy cấp.", "The certificate is not from a trusted CA.")
    case .certificateExpired:
      language.pick("Chứng thư số đã hết hạn tại thời điểm ký.", "The certificate had expired at signing time.")
    case .certificateNotYetValid:
      language.pick(
        "Chứng thư số chưa có hiệu lực tại thời điểm ký.", "The certificate was not yet valid at signing time.")
    case .certificateRevoked: language.pick("Chứng thư số đã bị thu hồi.", "The certificate is revoked.")
    case .revocationUnknown:
      language.pick(
        "Không có danh sách thu hồi (CRL) của tổ chức cấp.", "No CRL from the issuing CA: revocation unknown.")
    case .keyUsageNotAllowed:
      language.pick(
        "Chứng thư số không dùng để ký (thiếu digitalSignature/nonRepudiation).",
        "The certificate is not for signing (no digitalSignature/nonRepudiation).")
    case .certificateWeakAlgorithm:
      language.pick("Chứng thư số dùng thuật toán yếu.", "The certificate uses a weak algorithm.")
    case .certificateInvalid: language.pick("Chứng thư số không hợp lệ.", "The certificate is invalid.")
    case .signingTimeMissing: language.pick("Thiếu thời gian ký.", "The signing time is missing.")
    case .signingTimeMalformed: language.pick("Thời gian ký sai định dạng.", "The signing time is malformed.")
    case .signingTimeNotSigned:
      language.pick("Thời gian ký không nằm trong phần được ký.", "The signing time is not covered by the signature.")
    case .signingTimeInFuture: language.pick("Thời gian ký ở tương lai.", "The signing time is in the future.")
    case .signingTimeZoneAssumed:
      language.pick(
        "Thời gian ký không có múi giờ: coi là giờ Việt Nam (+07:00).",
        "The signing time has no zone: read as Vietnam time (+07:00).")
    case .revocationNotChecked:
      language.pick(
        "Chưa kiểm tra thu hồi (không cấu hình CRL).", "Revocation not checked (no CRL configured).")
    case .subjectNameMismatch:
      language.pick(
        "X509SubjectName khác tên trong chứng thư số.", "X509SubjectName differs from the certificate subject.")
    case .validatedAtGivenTime:
      language.pick(
        "Chứng thư số được kiểm tra tại thời điểm chỉ định, không phải thời gian ký.",
        "The certificate was checked at the given time, not the signing time.")
    case .timestampMalformed:
      language.pick(
        "Dấu thời gian (RFC 3161) bị hỏng hoặc dùng phép chuẩn hoá không được phép.",
        "The timestamp token (RFC 3161) is damaged or uses a canonicalization that is not allowed.")
    case .timestampInvalid:
      language.pick(
        "Dấu thời gian không hợp lệ: chữ ký của TSA sai hoặc chứng thư TSA không do tổ chức tin cậy cấp.",
        "The timestamp is not valid: the TSA signature is wrong or the TSA certificate is not from a trusted CA.")
    case .timestampImprintMismatch:
      language.pick(
        "Dấu thời gian được cấp cho dữ liệu khác, không phải giá trị chữ ký này.",
        "The timestamp was issued over other data, not this signature value.")
    case .timestampCertificateNotForTimestamping:
      language.pick(
        "Chứng thư của TSA không có mục đích sử dụng timeStamping.",
        "The TSA certificate has no timeStamping extended key usage.")
    case .timestampOutsideCertificateValidity:
      language.pick(
        "Thời điểm trong dấu thời gian nằm ngoài thời hạn hiệu lực của chứng thư người ký.",
        "The timestamped time lies outside the signer certificate's validity.")
    case .signingTimeAfterTimestamp:
      language.pick(
        "Thời gian ký khai báo muộn hơn thời điểm trong dấu thời gian.",
        "The declared signing time is later than the timestamped time.")
    case .certificateExpiredWithoutTimestamp:
      language.pick(
        "Chứng thư số đã hết hạn và chữ ký không có dấu thời gian (RFC 3161) chứng minh được ký trước khi hết hạn.",
        "The certificate has expired and no timestamp (RFC 3161) proves the signature was made before it expired.")
    }
  }
}

/// The verdict on one signature.
public enum Verdict: String, Sendable, Codable {
  /// All four checks passed.
  case valid
  /// Cryptography, content, certificate or time failed.
  case invalid
  /// Refused before cryptography: outside the profile (weak algorithm, bare KeyValue, foreign reference…).
  case refused
}

/// The result for one `ds:Signature`.
public struct SignatureVerification: Sendable, Codable {
  public var id: String?
  /// The `CKS` slot holding it (nil when the signature is not in a known slot).
  public var slot: SignatureSlot?
  public var signer: String?
  public var certificateFingerprint: String?
  /// `SigningTime` as written, and as read.
  public var signingTimeText: String?
  public var signingTime: Date?
  /// Every reference URI, and those whose digest was verified by xmlsec.
  public var references: [String]
  public var verifiedReferences: [String]
  public var verdict: Verdict
  /// Failures and notes (see `VerificationReason.isNote`).
  public var reasons: [VerificationReason]
  /// The time an RFC 3161 signature time-stamp proves (nil without a valid one), and its TSA's subject.
  public var timestampTime: Date? = nil
  public var timestampAuthority: String? = nil

  /// Whether the Điều 15 check passed.
  public func passed(_ check: VerificationCheck) -> Bool {
    verdict != .refused && !reasons.contains { !$0.isNote && $0.check == check }
  }
}

/// The verification of a whole record: every signature on its own.
public struct VerificationReport: Sendable, Codable {
  public var signatures: [SignatureVerification]

  /// True when there is at least one signature and every one is valid.
  public var allValid: Bool { !signatures.isEmpty && signatures.allSatisfy { $0.verdict == .valid } }

  /// The slots whose signature is valid (the caller's policy decides which must be present).
  public var verifiedSlots: [SignatureSlot] { signatures.filter { $0.verdict == .valid }.compactMap(\.slot) }

  /// The roles with at least one valid signature.
  public var verifiedRoles: Set<SignatureRole> { Set(verifiedSlots.map(\.role)) }

  /// The result for the signature with `id`.
  public func signature(_ id: String) -> SignatureVerification? { signatures.first { $0.id == id } }

  /// Pretty, sorted JSON (dates as ISO 8601) for `--json`.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return try encoder.encode(self)
  }
}
