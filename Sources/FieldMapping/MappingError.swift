public import HocBaModel

/// A failure while loading templates or mapping a page; names the template file, key path or page, never its text.
public enum MappingError: HocBaError, Equatable {
  /// The templates directory or file could not be read.
  case unreadable(file: String)
  /// The directory holds no `*.json` template.
  case noTemplates(directory: String)
  /// The file's `version` is newer than this build reads.
  case newerVersion(file: String, version: Int, supported: Int)
  /// The file is not valid JSON or a key has the wrong type or is missing; `keyPath` says where.
  case invalidTemplate(file: String, keyPath: String, problem: TemplateProblem)
  /// Two files declare the same template id.
  case duplicateID(file: String, id: String)
  /// OCR failed while mapping a page.
  case recognitionFailed(page: String, detail: String)

  /// The failure category that decides the exit code.
  public var kind: ErrorKind {
    switch self {
    case .unreadable, .noTemplates: .notFound
    case .recognitionFailed: .internal
    default: .invalidInput
    }
  }

  /// What failed, where, and what to do, in the given language.
  public func message(in language: Language) -> String {
    switch self {
    case .unreadable(let file):
      language.pick(
        "Không đọc được tệp mẫu \(file). Kiểm tra đường dẫn và quyền đọc.",
        "Cannot read the template file \(file). Check the path and permissions.")
    case .noTemplates(let directory):
      language.pick(
        "Thư mục \(directory) không có tệp mẫu *.json nào.",
        "The directory \(directory) holds no *.json template.")
    case .newerVersion(let file, let version, let supported):
      language.pick(
        "Tệp mẫu \(file) có version \(version), mới hơn bản này đọc được (\(supported)). Hãy cập nhật hocba.",
        "Template \(file) has version \(version), newer than this build reads (\(supported)). Update hocba.")
    case .invalidTemplate(let file, let keyPath, let problem):
      language.pick(
        "Tệp mẫu \(file) sai ở khoá \(keyPath): \(problem.message(in: language)). Sửa theo Mappings/README.md.",
        "Template \(file) is invalid at key \(keyPath): \(problem.message(in: language)). See Mappings/README.md.")
    case .duplicateID(let file, let id):
      language.pick(
        "Tệp mẫu \(file) trùng mã mẫu \"\(id)\" với một tệp khác.",
        "Template \(file) repeats the template id \"\(id)\" of another file.")
    case .recognitionFailed(let page, let detail):
      language.pick(
        "Nhận dạng trang \(page) thất bại: \(detail).",
        "Recognition of page \(page) failed: \(detail).")
    }
  }
}

/// What is wrong at a key of a template file.
public enum TemplateProblem: Sendable, Equatable {
  /// The file is not JSON.
  case notJSON
  /// A required key is missing.
  case missingKey
  /// The value has the wrong type; `expected` names the type.
  case wrongType(expected: String)
  /// The value is not one of the allowed values.
  case invalidValue
  /// The named profile is not defined in `profiles`.
  case unknownProfile(String)
  /// The named lexicon is not defined in `lexicons`.
  case unknownLexicon(String)
  /// A field must give exactly one of `label`, `phrase` and `below`.
  case locator

  /// The problem in the given language.
  public func message(in language: Language) -> String {
    switch self {
    case .notJSON: language.pick("không phải JSON hợp lệ", "not valid JSON")
    case .missingKey: language.pick("thiếu khoá bắt buộc", "a required key is missing")
    case .wrongType(let expected): language.pick("sai kiểu, cần \(expected)", "wrong type, expected \(expected)")
    case .invalidValue: language.pick("giá trị không hợp lệ", "invalid value")
    case .unknownProfile(let name):
      language.pick("không có profile \"\(name)\" trong profiles", "no profile \"\(name)\" in profiles")
    case .unknownLexicon(let name):
      language.pick("không có lexicon \"\(name)\" trong lexicons", "no lexicon \"\(name)\" in lexicons")
    case .locator:
      language.pick(
        "trường phải có đúng một trong label, phrase, below", "a field needs exactly one of label, phrase, below")
    }
  }
}
