public import HocBaModel

/// Why a package (or its ZIP container) is refused as a whole. Names paths inside the archive, never field values.
public enum PackageError: HocBaError, Equatable {
  case malformed(String)
  case unsafePath(String)
  case notRegularFile(String)
  case duplicateEntry(String)
  case encrypted(String)
  case compressed(String)
  case sizeMismatch(String)
  case checksumMismatch(String)
  case tooManyEntries(Int, limit: Int)
  case entryTooLarge(String, limit: Int)
  case archiveTooLarge(limit: Int)
  case manifestMissing
  case manifestUnreadable(String)

  public var kind: ErrorKind {
    switch self {
    case .unsafePath, .notRegularFile, .encrypted, .compressed, .tooManyEntries, .entryTooLarge, .archiveTooLarge:
      .refused
    default: .integrity
    }
  }

  public func message(in language: Language) -> String {
    let what = language.pick("Gói hồ sơ bị từ chối: ", "Package refused: ")
    let fix = language.pick(
      " Hãy xin đơn vị gửi xuất lại gói bằng \"hocba export --package\".",
      " Ask the sender to export the package again with \"hocba export --package\".")
    return what + detail(in: language) + fix
  }

  private func detail(in language: Language) -> String {
    switch self {
    case .malformed(let part):
      language.pick("tệp ZIP hỏng hoặc bị cắt (\(part)).", "the ZIP file is damaged or truncated (\(part)).")
    case .unsafePath(let path):
      language.pick(
        "mục \"\(path)\" có đường dẫn không an toàn (tuyệt đối, \"..\" hoặc ký tự lạ).",
        "entry \"\(path)\" has an unsafe path (absolute, \"..\" or odd characters).")
    case .notRegularFile(let path):
      language.pick(
        "mục \"\(path)\" không phải tệp thường (liên kết hoặc thư mục).",
        "entry \"\(path)\" is not a regular file (a link or folder).")
    case .duplicateEntry(let path):
      language.pick("mục \"\(path)\" xuất hiện hai lần.", "entry \"\(path)\" appears twice.")
    case .encrypted(let path): language.pick("mục \"\(path)\" bị mã hoá.", "entry \"\(path)\" is encrypted.")
    case .compressed(let path):
      language.pick(
        "mục \"\(path)\" bị nén (gói của hocba không nén).", "entry \"\(path)\" is compressed (hocba packages are not)."
      )
    case .sizeMismatch(let path):
      language.pick("kích thước khai báo của \"\(path)\" không khớp.", "the declared sizes of \"\(path)\" disagree.")
    case .checksumMismatch(let path):
      language.pick("nội dung \"\(path)\" sai mã kiểm tra CRC-32.", "the content of \"\(path)\" fails its CRC-32.")
    case .tooManyEntries(let count, let limit):
      language.pick("có \(count) mục, quá giới hạn \(limit).", "it has \(count) entries, over the limit of \(limit).")
    case .entryTooLarge(let path, let limit):
      language.pick(
        "mục \"\(path)\" lớn hơn giới hạn \(limit) byte.", "entry \"\(path)\" is larger than the \(limit)-byte limit.")
    case .archiveTooLarge(let limit):
      language.pick(
        "tổng dung lượng vượt giới hạn \(limit) byte.", "the total size is over the \(limit)-byte limit.")
    case .manifestMissing: language.pick("thiếu manifest.json.", "manifest.json is missing.")
    case .manifestUnreadable(let reason):
      language.pick("manifest.json không đọc được (\(reason)).", "manifest.json cannot be read (\(reason)).")
    }
  }
}
