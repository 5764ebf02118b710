import HocBaModel

/// Why a record could not be exported to, or read from, hocba XML; messages never contain student data.
public enum RecordXMLError: HocBaError, Equatable {
  /// The record holds a control character (other than tab, newline, carriage return) in the named element.
  case controlCharacter(element: String)
  /// The record's regime (CheDo) and its summary block (TongKet) belong to different regimes.
  case regimeMismatch(source: String?)
  /// The exported document does not satisfy the schema: the record holds a value the format cannot carry.
  case recordNotExportable(issues: [RecordXMLIssue])
  /// The file is larger than `limit` bytes.
  case tooLarge(source: String, limit: Int)
  /// The file is not UTF-8 text.
  case notUTF8(source: String)
  /// The file contains a DOCTYPE, DTD or entity declaration (refused: entity expansion, external files).
  case doctypeForbidden(source: String)
  /// The file is not well-formed XML; `line` is 0 when unknown.
  case malformed(source: String, line: Int, problem: MalformedProblem)
  /// The root element is not `HocBa` in the hocba namespace.
  case wrongRoot(source: String, found: String)
  /// The file was written in a newer format version than this hocba reads.
  case newerVersion(source: String, found: String)
  /// The file declares a version this hocba does not know.
  case unsupportedVersion(source: String, found: String)
  /// Two elements carry the same `Id` (the value is an identifier, not personal data).
  case duplicateID(source: String, id: String, line: Int)
  /// The file violates the schema.
  case schemaInvalid(source: String, issues: [RecordXMLIssue])
  /// A value passed the schema but is not valid in the model (e.g. an unknown province code in MDDanh).
  case invalidValue(source: String, element: String, line: Int)
  /// The file holds content this version of hocba cannot keep yet (e.g. DGNLPC entries).
  case unsupportedContent(source: String, element: String)
  /// A bug or a libxml2 failure inside hocba.
  case `internal`(String)

  /// What kind of failure this is.
  public var kind: ErrorKind {
    if case .internal = self { return .internal }
    return .invalidInput
  }

  /// What failed, where, and what to do, in the given language.
  public func message(in language: Language) -> String {
    switch self {
    case .controlCharacter(let element):
      language.pick(
        "Trường \(element) chứa ký tự điều khiển không được phép trong XML: sửa lại nội dung trường này khi rà soát.",
        "Field \(element) contains a control character XML cannot carry: correct this field in review.")
    case .regimeMismatch(let source):
      language.pick(
        "\(Self.filePrefix(source, .vietnamese))chế độ đánh giá (CheDo) không khớp với khối tổng kết (TongKet): "
          + "kiểm tra lại chế độ TT22/TT58 của năm học.",
        "\(Self.filePrefix(source, .english))the regime (CheDo) does not match the summary block (TongKet): "
          + "check the TT22/TT58 regime of the school year.")
    case .recordNotExportable(let issues):
      language.pick(
        "Hồ sơ chưa thể xuất ra XML hocba 1.0 vì có giá trị không hợp lệ: \(Self.list(issues, language)). "
          + "Sửa các trường này khi rà soát rồi xuất lại.",
        "The record cannot be exported to hocba XML 1.0 because of invalid values: \(Self.list(issues, language)). "
          + "Correct these fields in review and export again.")
    case .tooLarge(let source, let limit):
      language.pick(
        "Tệp \(source) lớn hơn giới hạn \(limit / 1_048_576) MB cho một năm học bạ: tệp này không phải "
          + "học bạ hocba hợp lệ, hãy kiểm tra lại nguồn tệp.",
        "File \(source) is larger than the \(limit / 1_048_576) MB limit for one school year: it is not a valid "
          + "hocba record, check where it came from.")
    case .notUTF8(let source):
      language.pick(
        "Tệp \(source) không phải văn bản UTF-8: hãy xuất lại tệp bằng hocba.",
        "File \(source) is not UTF-8 text: export it again with hocba.")
    case .doctypeForbidden(let source):
      language.pick(
        "Tệp \(source) có khai báo DOCTYPE/DTD hoặc thực thể (ENTITY), điều mà định dạng hocba không cho phép "
          + "vì lý do an toàn: tệp đã bị từ chối, không đọc nội dung. Hãy dùng tệp gốc do hocba xuất.",
        "File \(source) contains a DOCTYPE/DTD or an entity declaration, which the hocba format forbids for "
          + "safety: it was refused without reading its content. Use the original file exported by hocba.")
    case .malformed(let source, let line, let problem):
      language.pick(
        "Tệp \(source) không phải XML hợp lệ (\(problem.text(language)))\(Self.atLine(line, language)): "
          + "tệp có thể bị hỏng hoặc bị sửa tay; hãy dùng bản do hocba xuất.",
        "File \(source) is not well-formed XML (\(problem.text(language)))\(Self.atLine(line, language)): "
          + "it may be damaged or edited by hand; use the copy exported by hocba.")
    case .wrongRoot(let source, let found):
      language.pick(
        "Tệp \(source) không phải học bạ hocba: phần tử gốc là \(found), cần HocBa trong không gian tên "
          + "\(RecordXML.namespace). Hãy chọn đúng tệp.",
        "File \(source) is not a hocba record: the root element is \(found), expected HocBa in namespace "
          + "\(RecordXML.namespace). Choose the right file.")
    case .newerVersion(let source, let found):
      language.pick(
        "Tệp \(source) được tạo bởi phiên bản hocba mới hơn (định dạng \(found), bản này đọc được "
          + "\(RecordXML.schemaVersion)): hãy cập nhật hocba rồi mở lại.",
        "File \(source) was made by a newer hocba (format \(found), this one reads \(RecordXML.schemaVersion)): "
          + "update hocba and open it again.")
    case .unsupportedVersion(let source, let found):
      language.pick(
        "Tệp \(source) khai báo phiên bản định dạng \(found) mà hocba không hỗ trợ: hãy xuất lại tệp bằng hocba.",
        "File \(source) declares format version \(found), which hocba does not support: export it again with hocba.")
    case .duplicateID(let source, let id, let line):
      language.pick(
        "Tệp \(source) có hai phần tử cùng Id=\"\(id)\"\(Self.atLine(line, language)): tệp có thể đã bị chèn "
          + "dữ liệu giả mạo (tấn công bao gói chữ ký); không dùng tệp này, hãy lấy lại bản gốc.",
        "File \(source) has two elements with Id=\"\(id)\"\(Self.atLine(line, language)): it may have been "
          + "tampered with (signature wrapping); do not use it, get the original again.")
    case .schemaInvalid(let source, let issues):
      language.pick(
        "Tệp \(source) không đúng lược đồ hocba \(RecordXML.schemaVersion): \(Self.list(issues, language)). "
          + "Hãy sửa các phần tử này hoặc xuất lại tệp bằng hocba.",
        "File \(source) does not match the hocba \(RecordXML.schemaVersion) schema: \(Self.list(issues, language)). "
          + "Correct these elements or export the file again with hocba.")
    case .invalidValue(let source, let element, let line):
      language.pick(
        "Tệp \(source): giá trị của \(element)\(Self.atLine(line, language)) không hợp lệ (ví dụ ngày không tồn "
          + "tại, mã tỉnh sai, Id không khớp mã môn): hãy sửa phần tử này theo bản giấy.",
        "File \(source): the value of \(element)\(Self.atLine(line, language)) is not valid (e.g. a date that does "
          + "not exist, a wrong province code, an Id that does not match the subject code): correct it from the paper.")
    case .unsupportedContent(let source, let element):
      language.pick(
        "Tệp \(source) có nội dung \(element) mà phiên bản hocba này chưa lưu được: hãy cập nhật hocba.",
        "File \(source) holds \(element) content this version of hocba cannot keep yet: update hocba.")
    case .internal(let detail):
      language.pick(
        "Lỗi nội bộ của hocba khi xử lý XML (\(detail)): hãy báo cho người quản trị kèm tệp nhật ký.",
        "Internal hocba error while handling XML (\(detail)): report it to the administrator with the log.")
    }
  }

  private static func filePrefix(_ source: String?, _ language: Language) -> String {
    guard let source else { return "" }
    return language.pick("Tệp \(source): ", "File \(source): ")
  }

  private static func atLine(_ line: Int, _ language: Language) -> String {
    line > 0 ? language.pick(" ở dòng \(line)", " at line \(line)") : ""
  }

  private static func list(_ issues: [RecordXMLIssue], _ language: Language) -> String {
    let shown = issues.prefix(5).map { $0.text(language) }.joined(separator: "; ")
    let rest = issues.count - 5
    let more = rest > 0 ? language.pick(" (và \(rest) lỗi khác)", " (and \(rest) more)") : ""
    return shown + more
  }
}

/// One schema violation: the element (never its value), the line, and what is wrong.
public struct RecordXMLIssue: Sendable, Hashable {
  /// Line number in the document, 0 when unknown.
  public let line: Int
  /// Local name of the element (or "Element/@attribute") the problem is on.
  public let element: String
  /// The kind of problem.
  public let problem: Problem
  /// Expected child elements, for a missing or unexpected element (names only), else empty.
  public let expected: [String]

  /// The kinds of schema problems hocba distinguishes.
  public enum Problem: String, Sendable, Hashable {
    /// The value does not have the required form (pattern, type, length).
    case badValue
    /// The value is not one of the allowed codes.
    case notAllowedCode
    /// A required child element is missing.
    case missingChild
    /// An element appears where it is not allowed.
    case unexpectedElement
    /// An attribute is missing, unknown or invalid.
    case badAttribute
    /// Any other schema rule.
    case other
  }

  /// Creates an issue.
  public init(line: Int, element: String, problem: Problem, expected: [String] = []) {
    self.line = line
    self.element = element
    self.problem = problem
    self.expected = expected
  }

  /// A short description naming the element and line, without the value.
  public func text(_ language: Language) -> String {
    let lineText = line > 0 ? language.pick(" (dòng \(line))", " (line \(line))") : ""
    let expectedText =
      expected.isEmpty ? "" : language.pick(", cần ", ", expected ") + expected.joined(separator: " | ")
    let what: String =
      switch problem {
      case .badValue: language.pick("giá trị sai dạng", "malformed value")
      case .notAllowedCode: language.pick("mã không thuộc danh mục", "code not in the list")
      case .missingChild: language.pick("thiếu phần tử con", "missing child element")
      case .unexpectedElement: language.pick("phần tử không đúng chỗ", "element not allowed here")
      case .badAttribute: language.pick("thuộc tính sai", "invalid attribute")
      case .other: language.pick("vi phạm lược đồ", "schema violation")
      }
    return "\(element)\(lineText): \(what)\(expectedText)"
  }
}

/// A well-formedness problem, named without echoing document content.
public enum MalformedProblem: String, Sendable, Hashable {
  /// The document is empty or has no root element.
  case empty
  /// A start tag and an end tag do not match, or the document ends inside an element.
  case unbalancedTags
  /// An entity reference that is not one of the five predefined ones.
  case undefinedEntity
  /// A character that XML does not allow, or bad UTF-8.
  case invalidCharacter
  /// Content after the root element.
  case trailingContent
  /// Any other syntax error.
  case syntax

  /// A short description in the given language.
  public func text(_ language: Language) -> String {
    switch self {
    case .empty: language.pick("tệp rỗng hoặc không có phần tử gốc", "empty file or no root element")
    case .unbalancedTags: language.pick("thẻ mở và thẻ đóng không khớp", "start and end tags do not match")
    case .undefinedEntity: language.pick("tham chiếu thực thể không được định nghĩa", "undefined entity reference")
    case .invalidCharacter: language.pick("ký tự không hợp lệ", "invalid character")
    case .trailingContent: language.pick("có nội dung sau phần tử gốc", "content after the root element")
    case .syntax: language.pick("lỗi cú pháp", "syntax error")
    }
  }
}
