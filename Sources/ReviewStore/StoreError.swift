internal import GRDB
import HocBaModel

/// Why a review-database operation failed; messages name record ids and states, never student data or SQL arguments.
public enum StoreError: HocBaError, Equatable {
  /// The database file could not be opened or migrated.
  case cannotOpen(path: String)
  /// The database file at `path` could not be opened, for the named `problem`.
  case openFailed(path: String, problem: DatabaseOpenProblem)
  /// The record is sealed (signed): the database refuses every change to it and to its fields and findings.
  case sealed(recordID: Int64)
  /// The state machine does not allow moving the record from `from` to `to`.
  case transitionRefused(recordID: Int64, from: RecordState, to: RecordState)
  /// A record for the same student and school year already exists.
  case duplicateRecord(existingRecordID: Int64)
  /// No record has this id.
  case notFound(recordID: Int64)
  /// No staff member has this id.
  case staffNotFound(staffID: Int64)
  /// No field observation has this id.
  case fieldNotFound(fieldID: Int64)
  /// A staff member marked inactive needs the date they left.
  case departureDateMissing
  /// The stored JSON of a record could not be read back.
  case payloadUnreadable(recordID: Int64)
  /// SQLite reported an error; `code` is the extended result code and `context` the store operation.
  case database(code: Int32, context: String)

  /// The failure category that decides the exit code.
  public var kind: ErrorKind {
    switch self {
    case .sealed, .transitionRefused, .duplicateRecord: .refused
    case .notFound, .staffNotFound, .fieldNotFound: .notFound
    case .departureDateMissing: .invalidInput
    case .payloadUnreadable: .integrity
    case .cannotOpen, .openFailed: .io
    case .database(let code, _): DatabaseFailure(code: code) == .constraint ? .internal : .io
    }
  }

  /// What failed and what to do, in the given language.
  public func message(in language: Language) -> String {
    switch self {
    case .cannotOpen(let path):
      language.pick(
        "Không mở được cơ sở dữ liệu rà soát tại \(path): kiểm tra đường dẫn, quyền ghi và dung lượng đĩa.",
        "Cannot open the review database at \(path): check the path, write permission and free disk space.")
    case .openFailed(let path, let problem):
      problem.message(path: path, in: language)
    case .sealed(let id):
      language.pick(
        "Hồ sơ #\(id) đã niêm phong (đã ký số) nên không thể sửa hay xoá: nếu cần đính chính, hãy lập hồ sơ đính chính mới.",
        "Record #\(id) is sealed (signed) and cannot be changed or deleted: create a correction record instead.")
    case .transitionRefused(let id, let from, let to):
      language.pick(
        "Không thể chuyển hồ sơ #\(id) từ “\(from.label(in: language))” sang “\(to.label(in: language))”: "
          + "chỉ được chuyển theo quy trình mới nhập → đang rà soát → đã rà soát → đã phê duyệt → đang ký số → đã niêm phong.",
        "Cannot move record #\(id) from “\(from.label(in: language))” to “\(to.label(in: language))”: "
          + "records move imported → in review → reviewed → approved → signing → sealed.")
    case .duplicateRecord(let existing):
      language.pick(
        "Học sinh này đã có hồ sơ cho năm học này (hồ sơ #\(existing)): hãy sửa hồ sơ đó thay vì nhập lại.",
        "This student already has a record for this school year (record #\(existing)): edit that record instead.")
    case .notFound(let id):
      language.pick(
        "Không có hồ sơ #\(id) trong cơ sở dữ liệu: kiểm tra lại mã hồ sơ (lệnh liệt kê hồ sơ).",
        "There is no record #\(id) in the database: check the record id (list the records).")
    case .staffNotFound(let id):
      language.pick(
        "Không có cán bộ, giáo viên #\(id) trong danh sách: kiểm tra lại mã nhân sự.",
        "There is no staff member #\(id): check the staff id.")
    case .fieldNotFound(let id):
      language.pick(
        "Không có ô dữ liệu #\(id): kiểm tra lại mã ô dữ liệu.",
        "There is no field #\(id): check the field id.")
    case .departureDateMissing:
      language.pick(
        "Giáo viên đã nghỉ phải có ngày nghỉ việc: nhập ngày nghỉ việc (dd/mm/yyyy).",
        "A staff member who has left needs a departure date: enter the date they left (dd/mm/yyyy).")
    case .payloadUnreadable(let id):
      language.pick(
        "Không đọc được nội dung đã lưu của hồ sơ #\(id): dữ liệu có thể đã bị sửa ngoài phần mềm; kiểm tra nhật ký kiểm toán.",
        "The stored content of record #\(id) cannot be read: it may have been edited outside hocba; verify the audit log."
      )
    case .database(let code, let context):
      DatabaseFailure(code: code).message(code: code, context: context, in: language)
    }
  }
}

/// The kind of an SQLite failure, from its primary result code, and the step that helps for each.
enum DatabaseFailure: Equatable {
  case constraint, busy, full, readOnly, damaged, diskIO, other

  init(code: Int32) {
    switch code & 0xFF {
    case 19: self = .constraint
    case 5, 6: self = .busy
    case 13: self = .full
    case 8: self = .readOnly
    case 11, 26: self = .damaged
    case 10: self = .diskIO
    default: self = .other
    }
  }

  /// What failed and the one step that can help; a constraint failure is a bug, so retrying is never suggested.
  func message(code: Int32, context: String, in language: Language) -> String {
    switch self {
    case .constraint:
      language.pick(
        "Lỗi nội bộ của hocba khi \(context) (vi phạm ràng buộc dữ liệu, mã SQLite \(code)): thao tác đã huỷ, không có gì "
          + "bị ghi dở; chạy lại sẽ không giúp được. Hãy báo lỗi này cho người phát triển, kèm tên thao tác.",
        "Internal error in hocba during \(context) (a database constraint failed, SQLite code \(code)): the operation "
          + "was rolled back and nothing was half-written; running it again will not help. Please report it, with the operation."
      )
    case .busy:
      language.pick(
        "Cơ sở dữ liệu đang bị một chương trình khác ghi khi \(context) (mã SQLite \(code)): đợi chương trình đó "
          + "(một hocba khác, một trình xem SQLite) xong hoặc đóng nó, rồi chạy lại.",
        "The database is being written by another program during \(context) (SQLite code \(code)): wait for it "
          + "(another hocba, an SQLite viewer) to finish or close it, then run again.")
    case .full:
      language.pick(
        "Đĩa đầy khi \(context) (mã SQLite \(code)): thao tác đã huỷ, không có gì bị ghi dở; giải phóng dung lượng "
          + "đĩa rồi chạy lại.",
        "The disk is full during \(context) (SQLite code \(code)): the operation was rolled back, nothing was "
          + "half-written; free disk space, then run again.")
    case .readOnly:
      language.pick(
        "Tệp cơ sở dữ liệu chỉ cho đọc khi \(context) (mã SQLite \(code)): cấp quyền ghi cho tệp và thư mục chứa nó.",
        "The database file is read-only during \(context) (SQLite code \(code)): give write permission on the file "
          + "and its folder.")
    case .damaged:
      language.pick(
        "Tệp cơ sở dữ liệu bị hỏng (mã SQLite \(code), khi \(context)): không ghi thêm vào tệp này; khôi phục từ "
          + "bản sao lưu gần nhất.",
        "The database file is damaged (SQLite code \(code), during \(context)): do not write to it again; restore "
          + "the latest backup.")
    case .diskIO:
      language.pick(
        "Lỗi đọc/ghi đĩa khi \(context) (mã SQLite \(code)): kiểm tra ổ đĩa (ổ mạng, USB đã rút?) rồi chạy lại.",
        "Disk read/write error during \(context) (SQLite code \(code)): check the drive (a network share, a removed "
          + "USB drive?), then run again.")
    case .other:
      language.pick(
        "Lỗi cơ sở dữ liệu khi \(context) (mã SQLite \(code)): sao lưu tệp cơ sở dữ liệu và báo lỗi này cho người "
          + "phát triển, kèm tên thao tác.",
        "Database error during \(context) (SQLite code \(code)): back up the database file and report this error, "
          + "with the operation.")
    }
  }
}

/// The messages the schema's triggers raise; Swift maps them to `StoreError` cases.
enum TriggerMessage {
  static let sealed = "hocba:sealed"
  static let transitionRefused = "hocba:transition-refused"
  static let auditAppendOnly = "hocba:audit-append-only"
}

extension StoreError {
  /// Maps any error thrown inside a database access to a `StoreError`, keeping SQL arguments out of it.
  static func from(_ error: any Error, context: String, recordID: Int64? = nil) -> StoreError {
    if let error = error as? StoreError { return error }
    if let error = error as? DatabaseError {
      if error.message == TriggerMessage.sealed, let recordID { return .sealed(recordID: recordID) }
      return .database(code: error.extendedResultCode.rawValue, context: context)
    }
    if error is DecodingError, let recordID { return .payloadUnreadable(recordID: recordID) }
    return .database(code: -1, context: context)
  }
}
