import Foundation
import ReviewStore

extension ReviewDatabase {
  /// An empty in-memory review database, for tests.
  public static func makeInMemory() throws -> ReviewDatabase { try inMemory() }
}

/// Where a test's review database lives: tests run once per kind.
public enum StoreKind: String, Sendable, CaseIterable, CustomStringConvertible {
  /// A DatabaseQueue in memory.
  case inMemory = "in-memory"
  /// A DatabasePool (WAL) in a temporary directory.
  case onDisk = "on-disk"

  /// The kind's name, shown in parameterised test results.
  public var description: String { rawValue }

  /// Creates an empty, migrated database of this kind.
  public func make() throws -> StoreFixture {
    switch self {
    case .inMemory:
      return StoreFixture(database: try ReviewDatabase.makeInMemory(), directory: nil, path: nil)
    case .onDisk:
      let directory = try TemporaryDirectory()
      let path = directory.path("review.sqlite")
      return StoreFixture(database: try ReviewDatabase.open(path: path), directory: directory, path: path)
    }
  }
}

/// A test database together with the temporary directory that holds it (kept alive as long as the fixture).
public struct StoreFixture: Sendable {
  /// The database under test.
  public let database: ReviewDatabase
  /// The directory of an on-disk database, nil in memory.
  public let directory: TemporaryDirectory?
  /// The database file's path, nil in memory.
  public let path: String?
}

extension StoreKind {
  /// Runs `body` with an empty database of this kind, keeping its temporary directory until `body` returns.
  public func withDatabase<T>(_ body: (ReviewDatabase) throws -> T) throws -> T {
    let fixture = try make()
    return try withExtendedLifetime(fixture) { try body(fixture.database) }
  }
}
