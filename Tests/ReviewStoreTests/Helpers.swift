import GRDB
import HocBaModel
import HocBaSamples
import TestSupport

@testable import ReviewStore

extension ReviewDatabase {
  /// Runs raw SQL as another SQLite client would (the sqlite3 CLI): no Swift checks in the way.
  func raw<T>(_ body: (Database) throws -> T) throws -> T { try writer.write(body) }

  /// Reads with raw SQL.
  func rawRead<T>(_ body: (Database) throws -> T) throws -> T { try writer.read(body) }

  /// Inserts a sample and walks it along the allowed path up to `state`.
  func insert(_ record: SchoolYearRecord, walkingTo state: RecordState) throws -> Int64 {
    let id = try insertRecord(record, actor: "test")
    for next in RecordState.happyPath.drop(while: { $0 != .imported }).dropFirst() {
      try transition(recordID: id, to: next, actor: "test", reason: nil)
      if next == state { break }
    }
    return id
  }
}

extension RecordState {
  /// imported → in_review → reviewed → approved → signing → sealed.
  static let happyPath: [RecordState] = [.imported, .inReview, .reviewed, .approved, .signing, .sealed]
}
