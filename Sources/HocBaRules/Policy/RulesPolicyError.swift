import HocBaModel

/// Why a policy file was refused. Messages name the key path and say what to do.
public enum RulesPolicyError: HocBaError, Equatable {
  /// The file cannot be read.
  case unreadable(path: String)
  /// The file is not JSON, or its top level is not an object.
  case notJSON
  /// The file was written for a newer hocba.
  case newerVersion(found: Int, supported: Int)
  /// A key is missing, has the wrong type, or an invalid value.
  case invalidValue(keyPath: String, reason: String)
  /// A key is not part of the policy format (a typo would otherwise be ignored silently).
  case unknownKey(keyPath: String)

  /// The failure category.
  public var kind: ErrorKind {
    switch self {
    case .unreadable: .io
    default: .invalidInput
    }
  }

  /// What failed, where, and what to do.
  public func message(in language: Language) -> String {
    switch self {
    case .unreadable(let path):
      language.pick(
        "Không đọc được tệp chính sách kiểm tra \(path): kiểm tra đường dẫn và quyền đọc.",
        "Cannot read the rules policy file \(path): check the path and the read permission.")
    case .notJSON:
      language.pick(
        "Tệp chính sách kiểm tra không phải JSON hợp lệ (cần một đối tượng {…}): sửa theo Mappings/policy/README.md.",
        "The rules policy file is not valid JSON (an object {…} is expected): fix it per Mappings/policy/README.md.")
    case .newerVersion(let found, let supported):
      language.pick(
        "Tệp chính sách có phiên bản \(found), bản hocba này chỉ hiểu đến phiên bản \(supported): cập nhật hocba.",
        "The policy file has version \(found); this hocba understands up to version \(supported): update hocba.")
    case .invalidValue(let keyPath, let reason):
      language.pick(
        "Khoá \"\(keyPath)\" trong tệp chính sách không hợp lệ (\(reason)): sửa theo Mappings/policy/README.md.",
        "Key \"\(keyPath)\" in the policy file is invalid (\(reason)): fix it per Mappings/policy/README.md.")
    case .unknownKey(let keyPath):
      language.pick(
        "Khoá \"\(keyPath)\" không có trong định dạng tệp chính sách (gõ nhầm?): xem Mappings/policy/README.md.",
        "Key \"\(keyPath)\" is not part of the policy format (a typo?): see Mappings/policy/README.md.")
    }
  }
}
