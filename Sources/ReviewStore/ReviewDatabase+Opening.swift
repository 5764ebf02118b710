import Foundation
internal import GRDB
import HocBaModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ReviewDatabase {
  /// Opens (creating if needed) the database file at `path` in WAL mode, checks its pages (`PRAGMA quick_check`)
  /// and brings its schema up to date. Another program's write lock is waited for up to `lockWait.seconds`,
  /// reporting the countdown to `lockWait.report`. On failure the problem is named (read-only file or folder,
  /// locked, damaged, not a database, disk full) and no `-wal`/`-shm` file created by this attempt is left behind.
  public static func open(path: String, lockWait: LockWait = .standard) throws(StoreError) -> ReviewDatabase {
    let companions = DatabaseCompanions(path: path)
    companions.removeStale()
    if let problem = companions.permissionProblem() { throw .openFailed(path: path, problem: problem) }
    var pool: DatabasePool?
    do {
      // Check the pages on a read-only connection first: opening the pool already writes (GRDB fills the WAL).
      if DatabaseCompanions.size(path) > 0 { try requireIntact(path: path, lockWait: lockWait) }
      let opened = try DatabasePool(path: path, configuration: configuration(lockWait: lockWait))
      pool = opened
      return try ReviewDatabase(writer: opened)
    } catch {
      try? pool?.close()
      pool = nil
      companions.removeCreated()
      throw .openFailed(path: path, problem: diagnose(error, companions: companions, lockWait: lockWait))
    }
  }

  /// Runs `PRAGMA quick_check` on a read-only connection to the file at `path`; throws when a page is damaged.
  private static func requireIntact(path: String, lockWait: LockWait) throws {
    var configuration = configuration(lockWait: lockWait)
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    let check = try queue.read { try String.fetchAll($0, sql: "PRAGMA quick_check(1)") }
    guard check == ["ok"] else { throw QuickCheckFailure() }
  }

  /// The named problem behind a failed open, from SQLite's primary result code and the file permissions.
  static func diagnose(_ error: any Error, companions: DatabaseCompanions, lockWait: LockWait)
    -> DatabaseOpenProblem
  {
    if error is QuickCheckFailure { return .damaged }
    guard let error = error as? DatabaseError else { return .other(code: -1) }
    let code = error.extendedResultCode.rawValue
    switch code & 0xFF {
    case 5, 6: return .locked(seconds: lockWait.seconds, holders: companions.writeLockHolders())
    case 8: return companions.permissionProblem() ?? .readOnlyFile(file: companions.path)
    case 14:
      if !FileManager.default.fileExists(atPath: companions.folder) { return .folderMissing(folder: companions.folder) }
      return companions.permissionProblem() ?? .other(code: code)
    case 11: return .damaged
    case 26: return .notADatabase
    case 13: return .diskFull
    default: return .other(code: code)
    }
  }

  /// The busy handler that waits for another program's lock, about once a second telling `lockWait.report`.
  static func busyMode(_ lockWait: LockWait) -> Database.BusyMode {
    let ticksPerSecond = 10
    return .callback { tries in
      guard tries < lockWait.seconds * ticksPerSecond else { return false }
      if tries % ticksPerSecond == 0 { lockWait.report?(lockWait.seconds - tries / ticksPerSecond) }
      Thread.sleep(forTimeInterval: 1 / Double(ticksPerSecond))
      return true
    }
  }
}

/// `PRAGMA quick_check` found damaged pages.
struct QuickCheckFailure: Error {}

/// The database file and the `-wal`/`-shm` files SQLite keeps next to it, remembered as they were before an open.
struct DatabaseCompanions {
  let path: String
  let existedBefore: Set<String>

  init(path: String) {
    self.path = path
    existedBefore = Set([path + "-wal", path + "-shm"].filter { FileManager.default.fileExists(atPath: $0) })
  }

  var folder: String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  private var wal: String { path + "-wal" }
  private var shm: String { path + "-shm" }

  /// A read-only file or folder that would make the open fail; nil when permissions look right.
  func permissionProblem() -> DatabaseOpenProblem? {
    let manager = FileManager.default
    for file in [path, wal, shm] where manager.fileExists(atPath: file) && Self.denied(file) {
      return .readOnlyFile(file: file)
    }
    let companionsMissing = !manager.fileExists(atPath: wal) || !manager.fileExists(atPath: shm)
    if companionsMissing && Self.denied(folder) { return .readOnlyFolder(folder: folder) }
    return nil
  }

  /// Removes read-only `-wal`/`-shm` files left by an earlier failed open (they take the permissions of a
  /// read-only database and then block every later open): only when the WAL holds nothing and no other
  /// program has them open (an index in `-shm` is rebuilt by SQLite from the WAL).
  func removeStale() {
    guard FileManager.default.fileExists(atPath: shm), !Self.denied(path), Self.denied(shm) || Self.denied(wal)
    else { return }
    removeIfUnused()
  }

  /// Removes the `-wal`/`-shm` files this open created, after it failed and closed its connections.
  func removeCreated() {
    guard !existedBefore.contains(wal) || !existedBefore.contains(shm) else { return }
    removeIfUnused()
  }

  private func removeIfUnused() {
    guard Self.size(wal) == 0, !Self.lockedByAnotherProcess(shm) else { return }
    for file in [shm, wal] where !existedBefore.contains(file) || Self.denied(file) {
      unlink(file)
    }
  }

  /// The programs other than this one holding a write lock on the database or its `-shm` file, as
  /// "name (PID n)", read from Linux's `/proc/locks`; empty when that cannot be known.
  func writeLockHolders() -> [String] {
    let inodes = Set(
      [path, shm].compactMap { file -> String? in
        var info = stat()
        return stat(file, &info) == 0 ? String(info.st_ino) : nil
      })
    guard let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return [] }
    var holders: [String] = []
    for line in table.split(separator: "\n") {
      let fields = line.split(separator: " ").filter { $0 != "->" }
      guard fields.count >= 6, fields[3] == "WRITE", let pid = Int32(fields[4]), pid > 0, pid != getpid(),
        let inode = fields[5].split(separator: ":").last, inodes.contains(String(inode))
      else { continue }
      let name =
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
      let holder = "\(name) (PID \(pid))"
      if !holders.contains(holder) { holders.append(holder) }
    }
    return holders
  }

  /// True when `access(W_OK)` fails for want of permission (a missing file is not "denied").
  static func denied(_ file: String) -> Bool {
    guard access(file, W_OK) != 0 else { return false }
    return errno == EACCES || errno == EROFS || errno == EPERM
  }

  /// The size of `file`, 0 when it does not exist.
  static func size(_ file: String) -> Int {
    var info = stat()
    return stat(file, &info) == 0 ? Int(info.st_size) : 0
  }

  /// True when another process holds any POSIX lock on `file` (SQLite locks `-shm` while a connection is open).
  static func lockedByAnotherProcess(_ file: String) -> Bool {
    let descriptor = Glibc.open(file, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var lock = flock()
    lock.l_type = Int16(F_WRLCK)
    lock.l_whence = Int16(SEEK_SET)
    lock.l_start = 0
    lock.l_len = 0
    guard fcntl(descriptor, F_GETLK, &lock) == 0 else { return true }
    return lock.l_type != Int16(F_UNLCK)
  }
}
