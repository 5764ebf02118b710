internal import GRDB
import HocBaModel

/// Why a review-database operation failed; messages name record ids and states, never student data or SQL arguments.
public enum StoreError: HocBaError, Equatable {
  /// The database file could not be opened or migrated.
  case cannotOpen(path: String)
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
    case .cannotOpen, .database: .io
    }
  }

  /// What failed and what to do, in the given language.
  public func message(in language: Language) -> String {
    switch self {
    case .cannotOpen(let path):
      language.pick(
        "Không mở được cơ sở dữ liệu rà soát tại \(path): kiểm tra đường dẫn, quyền ghi và dung lượng đĩa.",
        "Cannot open the review database at \(path): check the path, write permission and free disk space.")
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
      language.pick(
        "Lỗi cơ sở dữ liệu khi \(context) (mã SQLite \(code)): thử lại; nếu lỗi lặp lại, sao lưu tệp cơ sở dữ liệu và báo cho quản trị.",
        "Database error during \(context) (SQLite code \(code)): retry; if it persists, back up the database file and report it."
      )
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
