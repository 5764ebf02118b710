public import HocBaModel

/// Why a record could not be signed or verified. Messages never contain PINs, passwords, key material or
/// student data.
public enum SigningError: HocBaError, Equatable {
  /// The bytes are not UTF-8 XML hocba accepts (encoding, size, syntax).
  case malformedXML(line: Int)
  /// A DOCTYPE or entity declaration: refused (signing profile rule 5).
  case doctypeForbidden
  /// The root is not a hocba record (`HocBa` in `urn:hocba:xml:…`) or `DSCKS` is missing.
  case notARecord
  /// Two elements carry the same `Id` (signature-wrapping defence): refused before anything else.
  case duplicateID(String)
  /// The slot already holds a signature.
  case slotAlreadySigned(SignatureSlot)
  /// The region to sign (`#data`, `#mh-<code>`) is not in the document.
  case regionNotFound(String)
  /// The subject code is not a valid `MaMon`.
  case invalidSubjectCode
  /// `DSCKS` is not written as the last child of the root, so a signature cannot be appended without
  /// re-serialising.
  case cannotAppend
  /// SHA-1 (or another weak algorithm) was asked for.
  case weakAlgorithm(String)
  /// The signer has no certificate.
  case noCertificate
  /// A key, token or certificate operation failed.
  case crypto(CryptoError)
  /// libxmlsec1 could not start (wrong build or layout).
  case xmlsecUnavailable(String)
  /// A bug: hocba's own check of a signature it just made failed.
  case `internal`(String)
  /// The time-stamp authority could not be reached (connection, timeout, HTTP error).
  case timestampUnavailable(url: String, detail: String)
  /// The time-stamp authority answered with a token that does not prove the signature (or no token).
  case timestampRejected(url: String, problems: [TimeStampProblem])
  /// Only `http://host[:port]/path` time-stamp URLs are supported.
  case timestampURLUnsupported(url: String)

  public var kind: ErrorKind {
    switch self {
    case .malformedXML, .doctypeForbidden, .notARecord, .duplicateID, .regionNotFound, .invalidSubjectCode,
      .cannotAppend, .weakAlgorithm, .noCertificate:
      .invalidInput
    case .slotAlreadySigned: .refused
    case .crypto(let error):
      switch error {
      case .fileUnreadable: .io
      case .openSSL, .signingFailed: .internal
      default: .invalidInput
      }
    case .xmlsecUnavailable, .internal: .internal
    case .timestampUnavailable: .io
    case .timestampRejected: .refused
    case .timestampURLUnsupported: .invalidInput
    }
  }

  public func message(in language: Language) -> String {
    switch self {
    case .malformedXML(let line):
      language.pick(
        "Tệp XML không đọc được (dòng \(line)): không phải XML UTF-8 hợp lệ.",
        "The XML file cannot be read (line \(line)): not valid UTF-8 XML.")
    case .doctypeForbidden:
      language.pick(
        "Tệp XML có khai báo DOCTYPE/ENTITY: bị từ chối vì lý do an toàn.",
        "The XML file has a DOCTYPE/ENTITY declaration: refused for safety.")
    case .notARecord:
      language.pick(
        "Tệp không phải học bạ hocba (thiếu gốc HocBa hoặc danh sách chữ ký DSCKS).",
        "The file is not a hocba record (no HocBa root or no DSCKS signature list).")
    case .duplicateID(let id):
      language.pick(
        "Thuộc tính Id \"\(id)\" xuất hiện hai lần: tệp bị từ chối trước khi kiểm tra chữ ký.",
        "The Id \"\(id)\" occurs twice: the file is refused before any signature is checked.")
    case .slotAlreadySigned(let slot):
      language.pick(
        "Vị trí ký \(slot.signatureID) đã có chữ ký: không ký lần thứ hai.",
        "The slot \(slot.signatureID) is already signed: it cannot be signed twice.")
    case .regionNotFound(let id):
      language.pick(
        "Không tìm thấy vùng dữ liệu cần ký (Id=\"\(id)\").", "The region to sign (Id=\"\(id)\") is not in the file.")
    case .invalidSubjectCode:
      language.pick("Mã môn học không hợp lệ.", "The subject code is not valid.")
    case .cannotAppend:
      language.pick(
        "Không thể thêm chữ ký mà giữ nguyên các byte đã ký: DSCKS phải là phần tử cuối của HocBa.",
        "A signature cannot be appended without changing signed bytes: DSCKS must be the last element of HocBa.")
    case .weakAlgorithm(let uri):
      language.pick(
        "Thuật toán \(uri) quá yếu (SHA-1): hocba chỉ ký bằng SHA-256.",
        "The algorithm \(uri) is too weak (SHA-1): hocba signs with SHA-256 only.")
    case .noCertificate:
      language.pick("Khoá ký không kèm chứng thư số.", "The signing key comes without a certificate.")
    case .crypto(let error): Self.message(error, language)
    case .xmlsecUnavailable(let detail):
      language.pick(
        "Không khởi động được thư viện xmlsec (\(detail)): chạy scripts/setup.sh.",
        "The xmlsec library did not start (\(detail)): run scripts/setup.sh.")
    case .internal(let detail):
      language.pick(
        "Lỗi nội bộ khi ký (\(detail)): báo cho người quản trị.",
        "Internal signing error (\(detail)): report it to the administrator.")
    case .timestampUnavailable(let url, let detail):
      language.pick(
        "Không lấy được dấu thời gian từ máy chủ TSA \(url) (\(detail)): chữ ký không được tạo, không có gì được lưu. "
          + "Kiểm tra địa chỉ --tsa (hoặc HOCBA_TSA_URL) và kết nối mạng rồi ký lại.",
        "No timestamp from the TSA \(url) (\(detail)): the signature was not made and nothing was stored. "
          + "Check the --tsa address (or HOCBA_TSA_URL) and the network, then sign again.")
    case .timestampRejected(let url, let problems):
      language.pick(
        "Máy chủ TSA \(url) trả về dấu thời gian không dùng được (\(Self.describe(problems, language))): "
          + "chữ ký không được tạo. Kiểm tra máy chủ TSA và chứng thư của nó (hocba trust add).",
        "The TSA \(url) returned an unusable timestamp (\(Self.describe(problems, language))): "
          + "the signature was not made. Check the TSA and its certificate (hocba trust add).")
    case .timestampURLUnsupported(let url):
      language.pick(
        "Địa chỉ TSA \(url) không dùng được: chỉ hỗ trợ http://máy-chủ[:cổng]/đường-dẫn (dấu thời gian tự được ký).",
        "The TSA address \(url) is not usable: only http://host[:port]/path is supported (the token is signed).")
    }
  }

  /// What is wrong with a time-stamp token, in `language`.
  static func describe(_ problems: [TimeStampProblem], _ language: Language) -> String {
    problems.map { problem in
      switch problem {
      case .imprintMismatch:
        language.pick("dấu thời gian cho dữ liệu khác", "the token is over other data")
      case .nonceMismatch: language.pick("sai số nonce", "wrong nonce")
      case .notForTimestamping:
        language.pick("chứng thư TSA không có mục đích timeStamping", "the TSA certificate is not for timeStamping")
      case .untrusted(let detail):
        language.pick(
          "chữ ký TSA hoặc chuỗi chứng thư không tin cậy: \(detail)", "TSA signature or chain not trusted: \(detail)")
      case .notGranted(let status): language.pick("TSA từ chối (trạng thái \(status))", "refused (status \(status))")
      case .unreadable: language.pick("trả lời không đọc được", "unreadable reply")
      }
    }.joined(separator: "; ")
  }

  private static func message(_ error: CryptoError, _ language: Language) -> String {
    switch error {
    case .fileUnreadable(let path):
      language.pick("Không đọc được tệp \(path).", "The file \(path) cannot be read.")
    case .certificateUnreadable, .revocationListUnreadable:
      language.pick("Chứng thư số hoặc danh sách thu hồi (CRL) bị hỏng.", "A certificate or CRL is damaged.")
    case .pkcs12Unreadable:
      language.pick(
        "Không mở được tệp PKCS#12: sai mật khẩu hoặc tệp bị hỏng.",
        "The PKCS#12 file did not open: wrong password or damaged file.")
    case .keyOrCertificateMissing:
      language.pick("Không có khoá bí mật hoặc chứng thư số.", "No private key or no certificate found.")
    case .keyCertificateMismatch:
      language.pick("Khoá bí mật không khớp với chứng thư số.", "The private key does not match the certificate.")
    case .tokenUnavailable:
      language.pick(
        "Không kết nối được thiết bị ký (USB token/PKCS#11): kiểm tra thiết bị và trình điều khiển.",
        "The signing token (PKCS#11) is not available: check the device and its driver.")
    case .tokenKeyNotFound:
      language.pick(
        "Không tìm thấy khoá trên thiết bị ký, hoặc mã PIN bị từ chối.",
        "The key was not found on the token, or the PIN was refused.")
    case .unsupportedKeyType:
      language.pick("Chỉ hỗ trợ khoá RSA.", "Only RSA keys are supported.")
    case .weakAlgorithm(let uri):
      language.pick("Thuật toán \(uri) quá yếu.", "The algorithm \(uri) is too weak.")
    case .signingFailed(let detail), .openSSL(let detail):
      language.pick("Ký số thất bại (OpenSSL: \(detail)).", "Signing failed (OpenSSL: \(detail)).")
    case .timeStampUnreadable:
      language.pick("Dấu thời gian (RFC 3161) bị hỏng.", "A timestamp token (RFC 3161) is damaged.")
    case .timeStampNotGranted(let status):
      language.pick("TSA từ chối cấp dấu thời gian (trạng thái \(status)).", "The TSA refused (status \(status)).")
    case .secretTooLong(let limit):
      language.pick(
        "Mã PIN/mật khẩu đọc từ --pin-fd dài quá \(limit) byte (thiếu dòng mới hoặc kết thúc tệp): kiểm tra nguồn đọc.",
        "The PIN/password read from --pin-fd is longer than \(limit) bytes (no newline or end of file): check the source."
      )
    }
  }
}
