import ArgumentParser
import Foundation
import HocBaModel
import ReviewStore

/// Options every subcommand shares: the database, the message language and the acting staff member.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      help(
        "Tệp cơ sở dữ liệu (mặc định: $HOCBA_DB hoặc ./hocba.sqlite).",
        "Database file (default: $HOCBA_DB or ./hocba.sqlite)."),
      valueName: "path"))
  var db: String?

  @Option(
    name: .long,
    help: ArgumentHelp(help("Ngôn ngữ thông báo: vi hoặc en.", "Message language: vi or en."), valueName: "vi|en"))
  var lang: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      help(
        "Người thực hiện, ghi vào nhật ký (mặc định: $HOCBA_ACTOR hoặc $USER).",
        "Who acts, written to the audit log (default: $HOCBA_ACTOR or $USER)."), valueName: "name"))
  var actor: String?

  func validate() throws {
    if let lang, Language(rawValue: lang.lowercased()) == nil {
      throw ValidationError(help("--lang chỉ nhận vi hoặc en.", "--lang accepts vi or en only."))
    }
  }

  private var environment: [String: String] { ProcessInfo.processInfo.environment }

  /// The resolved message language.
  var language: Language { Language.resolve(flag: lang, environment: environment) }

  /// The resolved database path.
  var databasePath: String {
    if let db, !db.isEmpty { return db }
    if let path = environment["HOCBA_DB"], !path.isEmpty { return path }
    return "hocba.sqlite"
  }

  /// The resolved actor name for the audit log.
  var actorName: String {
    for candidate in [actor, environment["HOCBA_ACTOR"], environment["USER"]] {
      if let candidate, !candidate.isEmpty { return candidate }
    }
    return "hocba"
  }

  /// Opens the database, which must already exist unless `create` is true.
  func openDatabase(create: Bool = false) throws -> ReviewDatabase {
    if !create && !FileManager.default.fileExists(atPath: databasePath) {
      throw CommandError.databaseMissing(path: databasePath)
    }
    let wait = LockCountdown.lockWait(
      seconds: LockCountdown.seconds(environment: environment), path: databasePath, language: language)
    return try ReviewDatabase.open(path: databasePath, lockWait: wait)
  }
}

/// Errors the executable itself raises.
enum CommandError: HocBaError {
  case databaseMissing(path: String)
  case fileMissing(path: String)
  case cannotWrite(path: String)
  case recordMissing(id: Int64)
  case auditBroken(rowID: Int64, reason: String)
  case notPrincipal(actor: String)

  var kind: ErrorKind {
    switch self {
    case .databaseMissing, .fileMissing, .recordMissing: .notFound
    case .cannotWrite: .io
    case .auditBroken: .integrity
    case .notPrincipal: .refused
    }
  }

  func message(in language: Language) -> String {
    switch self {
    case .databaseMissing(let path):
      language.pick(
        "Không tìm thấy cơ sở dữ liệu \(path). Chạy \"hocba init\" để tạo, hoặc chỉ đúng tệp bằng --db.",
        "Database \(path) not found. Run \"hocba init\" to create it, or point to it with --db.")
    case .fileMissing(let path):
      language.pick("Không tìm thấy tệp \(path): kiểm tra lại đường dẫn.", "File \(path) not found: check the path.")
    case .cannotWrite(let path):
      language.pick(
        "Không ghi được vào \(path): kiểm tra quyền ghi và dung lượng đĩa.",
        "Cannot write to \(path): check permissions and free disk space.")
    case .recordMissing(let id):
      language.pick(
        "Không có hồ sơ số \(id). Xem danh sách bằng \"hocba status\".",
        "There is no record \(id). List them with \"hocba status\".")
    case .notPrincipal(let actor):
      language.pick(
        "\(actor) không phải hiệu trưởng/phó hiệu trưởng đang công tác trong danh sách cán bộ: "
          + "chỉ hiệu trưởng mới phê duyệt (đăng ký bằng \"hocba staff add --role principal\").",
        "\(actor) is not an active principal or vice-principal in the staff registry: only they approve "
          + "(register with \"hocba staff add --role principal\").")
    case .auditBroken(let rowID, let reason):
      language.pick(
        "Nhật ký thay đổi bị sửa hoặc hỏng tại dòng \(rowID) (\(reason)). Không dùng cơ sở dữ liệu này để ký; "
          + "khôi phục từ bản sao lưu và báo cho hiệu trưởng.",
        "The audit log was altered or damaged at row \(rowID) (\(reason)). Do not sign from this database; "
          + "restore a backup and inform the principal.")
    }
  }
}
