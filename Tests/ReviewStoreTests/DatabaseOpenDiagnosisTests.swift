import Foundation
import GRDB
import HocBaModel
import HocBaSamples
import Synchronization
import Testing

@testable import ReviewStore

/// `ReviewDatabase.open` names why it failed, on real files; the lock wait is reported, never printed.
@Suite struct DatabaseOpenDiagnosisTests {
  func freshFile() throws -> (folder: URL, path: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-open-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("d.sqlite").path
    _ = try ReviewDatabase.open(path: path)
    return (folder, path)
  }

  @Test func aWriteLockHeldByAnotherConnectionIsWaitedForAndReported() throws {
    let (folder, path) = try freshFile()
    defer { try? FileManager.default.removeItem(at: folder) }
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let other = try DatabaseQueue(path: path, configuration: configuration)
    try other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
    let reports = Mutex<[Int]>([])
    let wait = LockWait(seconds: 2) { left in reports.withLock { $0.append(left) } }
    // The holder is this process (another connection), which /proc/locks does not count as another program.
    #expect(throws: StoreError.openFailed(path: path, problem: .locked(seconds: 2, holders: []))) {
      try ReviewDatabase.open(path: path, lockWait: wait)
    }
    #expect(reports.withLock { $0 } == [2, 1])
    try other.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
    _ = try ReviewDatabase.open(path: path, lockWait: LockWait(seconds: 0))
  }

  @Test func aDamagedPageIsFoundBeforeAnythingIsWritten() throws {
    let (folder, path) = try freshFile()
    defer { try? FileManager.default.removeItem(at: folder) }
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    try handle.seek(toOffset: 2 * 4096)
    try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
    try handle.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(throws: StoreError.openFailed(path: path, problem: .damaged)) { try ReviewDatabase.open(path: path) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the damaged file is left as it was")
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(left == ["d.sqlite"], "no -wal/-shm left behind")
  }

  @Test func aTextFileIsNotADatabase() throws {
    let (folder, path) = try freshFile()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
    #expect(throws: StoreError.openFailed(path: path, problem: .notADatabase)) { try ReviewDatabase.open(path: path) }
  }

  /// A full disk, made real with `max_page_count` on the writer connection: SQLite answers SQLITE_FULL.
  @Test func aFullDiskIsSaidAndNothingIsHalfWritten() throws {
    let (folder, path) = try freshFile()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try ReviewDatabase.open(path: path)
    let pages = try database.raw { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
    _ = try database.raw { try Int.fetchOne($0, sql: "PRAGMA max_page_count = \(pages)") }
    do {
      _ = try database.insertRecord(SampleRecords.tt22Secondary, actor: "test")
      Issue.record("the write must fail on a full disk")
    } catch {
      #expect(error.kind == .io)
      #expect(error.message(in: .vietnamese).contains("Đĩa đầy"), "\(error.message(in: .vietnamese))")
      #expect(error.message(in: .english).contains("nothing was half-written"))
    }
    #expect(try database.rawRead { try Int.fetchOne($0, sql: "SELECT count(*) FROM record") } == 0)
    #expect(try database.verifyAuditChain() == .intact(rows: 0))
  }

  @Test func sqliteResultCodesMapToNamedProblems() {
    let companions = DatabaseCompanions(path: "/tmp/none-\(UUID().uuidString)/d.sqlite")
    func problem(_ code: ResultCode) -> DatabaseOpenProblem {
      ReviewDatabase.diagnose(DatabaseError(resultCode: code), companions: companions, lockWait: LockWait(seconds: 7))
    }
    #expect(problem(.SQLITE_FULL) == .diskFull)
    #expect(problem(.SQLITE_BUSY) == .locked(seconds: 7, holders: []))
    #expect(problem(.SQLITE_CORRUPT) == .damaged)
    #expect(problem(.SQLITE_NOTADB) == .notADatabase)
  }

  @Test func everyProblemHasItsOwnMessageInBothLanguagesNamingTheFile() {
    let problems: [DatabaseOpenProblem] = [
      .readOnlyFile(file: "/d/x.sqlite"), .readOnlyFile(file: "/d/x.sqlite-shm"), .readOnlyFolder(folder: "/d"),
      .locked(seconds: 30, holders: []), .locked(seconds: 30, holders: ["sqlite3 (PID 9)"]), .damaged, .notADatabase,
      .diskFull, .other(code: 1), .folderMissing(folder: "/d"),
    ]
    for language in Language.allCases {
      let messages = problems.map { StoreError.openFailed(path: "/d/x.sqlite", problem: $0).message(in: language) }
      #expect(Set(messages).count == problems.count)
      #expect(messages.allSatisfy { $0.contains("/d/x.sqlite") })
    }
    #expect(StoreError.openFailed(path: "x", problem: .diskFull).kind == .io)
    #expect(StoreError.openFailed(path: "x", problem: .diskFull).message(in: .vietnamese).contains("Đĩa đầy"))
  }
}
