import HocBaModel

/// Why the review database could not be opened, found after the failure (or before it, from permissions); each
/// case says the one step that helps.
public enum DatabaseOpenProblem: Sendable, Equatable {
  /// The database file (or, for `file` other than the database, one of its `-wal`/`-shm` companions) is read-only.
  case readOnlyFile(file: String)
  /// The folder is not writable, and SQLite must create the `-wal` and `-shm` files next to the database there.
  case readOnlyFolder(folder: String)
  /// Another program held a write lock for the whole wait of `seconds`; `holders` names it ("sqlite3 (PID 812)")
  /// when the system says (Linux `/proc/locks`), else is empty.
  case locked(seconds: Int, holders: [String])
  /// The file is an SQLite database whose pages fail `PRAGMA quick_check`, or SQLite reported it corrupt.
  case damaged
  /// The file is not an SQLite database at all.
  case notADatabase
  /// The disk is full.
  case diskFull
  /// Another SQLite failure; `code` is the extended result code.
  case other(code: Int32)
  /// The folder that should hold the database does not exist.
  case folderMissing(folder: String)

  /// What failed and what to do, in the given language; `path` is the database file.
  func message(path: String, in language: Language) -> String {
    switch self {
    case .readOnlyFile(let file) where file == path:
      language.pick(
        "Không mở được cơ sở dữ liệu \(path): tệp chỉ cho đọc. Cấp quyền ghi cho tệp (chmod u+w \(path)) "
          + "hoặc chạy bằng tài khoản sở hữu tệp, rồi chạy lại.",
        "Cannot open the database \(path): the file is read-only. Give write permission on it "
          + "(chmod u+w \(path)) or run as the account that owns it, then run again.")
    case .readOnlyFile(let file):
      language.pick(
        "Không mở được cơ sở dữ liệu \(path): tệp đi kèm \(file) chỉ cho đọc. Cấp quyền ghi cho tệp đó "
          + "(hoặc chạy bằng tài khoản sở hữu nó), rồi chạy lại.",
        "Cannot open the database \(path): its companion file \(file) is read-only. Give write permission on it "
          + "(or run as the account that owns it), then run again.")
    case .readOnlyFolder(let folder):
      language.pick(
        "Không mở được cơ sở dữ liệu \(path): thư mục \(folder) không cho ghi, mà SQLite cần tạo tệp -wal và -shm "
          + "bên cạnh cơ sở dữ liệu. Cấp quyền ghi cho thư mục, hoặc chép cơ sở dữ liệu sang thư mục ghi được.",
        "Cannot open the database \(path): the folder \(folder) is not writable, and SQLite must create the -wal "
          + "and -shm files next to the database. Give write permission on the folder, or copy the database to one.")
    case .locked(let seconds, let holders):
      language.pick(
        "Cơ sở dữ liệu \(path) đang bị \(holders.isEmpty ? "một chương trình khác" : holders.joined(separator: ", ")) "
          + "khoá ghi (đã chờ \(seconds) giây): đợi chương trình đó (một hocba khác, một trình xem SQLite) xong hoặc "
          + "đóng nó, rồi chạy lại; HOCBA_LOCK_WAIT=giây để chờ lâu hơn.",
        "The database \(path) is locked for writing by "
          + "\(holders.isEmpty ? "another program" : holders.joined(separator: ", ")) (waited \(seconds) s): wait for "
          + "it (another hocba, an SQLite viewer) to finish or close it, then run again; HOCBA_LOCK_WAIT=seconds "
          + "waits longer.")
    case .damaged:
      language.pick(
        "Cơ sở dữ liệu \(path) bị hỏng (kiểm tra toàn vẹn của SQLite không đạt): không ghi thêm vào tệp này; "
          + "giữ lại một bản sao của nó để kiểm tra và khôi phục từ bản sao lưu gần nhất.",
        "The database \(path) is damaged (SQLite's integrity check fails): do not write to it again; keep a copy "
          + "for inspection and restore the latest backup.")
    case .notADatabase:
      language.pick(
        "Tệp \(path) không phải cơ sở dữ liệu SQLite (đã bị ghi đè hoặc không phải tệp của hocba): kiểm tra --db; "
          + "nếu đúng là tệp của trường thì khôi phục từ bản sao lưu gần nhất.",
        "\(path) is not an SQLite database (overwritten, or not a hocba file): check --db; if it is the school's "
          + "file, restore the latest backup.")
    case .diskFull:
      language.pick(
        "Đĩa đầy khi mở cơ sở dữ liệu \(path): không có gì bị ghi dở; giải phóng dung lượng đĩa rồi chạy lại.",
        "The disk is full while opening the database \(path): nothing was half-written; free disk space, then "
          + "run again.")
    case .folderMissing(let folder):
      language.pick(
        "Không mở được cơ sở dữ liệu \(path): thư mục \(folder) không tồn tại. Tạo thư mục đó hoặc sửa --db.",
        "Cannot open the database \(path): the folder \(folder) does not exist. Create it or correct --db.")
    case .other(let code):
      language.pick(
        "Không mở được cơ sở dữ liệu \(path) (mã SQLite \(code)): kiểm tra đường dẫn và thư mục, rồi báo lỗi này "
          + "cho người phát triển nếu vẫn còn.",
        "Cannot open the database \(path) (SQLite code \(code)): check the path and its folder, then report this "
          + "error if it persists.")
    }
  }
}

/// How long opening (and every later access) waits for another program's write lock, and who hears about it.
public struct LockWait: Sendable {
  /// The longest wait, in seconds, before the access fails as locked.
  public var seconds: Int
  /// Called about once a second while waiting, with the seconds left; the library never prints, the CLI renders it.
  public var report: (@Sendable (_ secondsLeft: Int) -> Void)?

  /// A wait of `seconds` reporting to `report`.
  public init(seconds: Int, report: (@Sendable (_ secondsLeft: Int) -> Void)? = nil) {
    self.seconds = max(0, seconds)
    self.report = report
  }

  /// Thirty seconds, silently.
  public static let standard = LockWait(seconds: 30)
}
