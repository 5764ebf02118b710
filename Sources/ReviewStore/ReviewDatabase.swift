// ReviewStore owns the SQLite review database (through GRDB): schema and migrations, the record state machine,
// sealed-record immutability, the staff registry and the hash-chained audit log. It never prints.
import Foundation
internal import GRDB
import HocBaModel

/// The review database: one owner of the SQLite connection(s), exposing intention-revealing reads and writes.
public final class ReviewDatabase: Sendable {
  /// The connection pool (on disk) or queue (in memory); every write goes through it, serialised.
  let writer: any DatabaseWriter

  init(writer: any DatabaseWriter) throws {
    self.writer = writer
    try Self.migrator.migrate(writer)
  }

  /// Creates an empty database in memory, for tests and dry runs.
  public static func inMemory() throws(StoreError) -> ReviewDatabase {
    do {
      let queue = try DatabaseQueue(configuration: configuration())
      return try ReviewDatabase(writer: queue)
    } catch {
      throw .cannotOpen(path: ":memory:")
    }
  }

  static func configuration(lockWait: LockWait = .standard) -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = busyMode(lockWait)
    // Statement arguments are student data: GRDB keeps them out of error descriptions by default; say so here.
    configuration.publicStatementArguments = false
    configuration.label = "hocba.review"
    return configuration
  }

  // MARK: - Access helpers

  /// Runs `body` in one write transaction, mapping every failure to a `StoreError`.
  func write<T>(
    _ context: String, recordID: Int64? = nil, _ body: (Database) throws -> T
  ) throws(StoreError) -> T {
    do {
      return try writer.write(body)
    } catch {
      throw StoreError.from(error, context: context, recordID: recordID)
    }
  }

  /// Runs `body` in a read-only access, mapping every failure to a `StoreError`.
  func read<T>(
    _ context: String, recordID: Int64? = nil, _ body: (Database) throws -> T
  ) throws(StoreError) -> T {
    do {
      return try writer.read(body)
    } catch {
      throw StoreError.from(error, context: context, recordID: recordID)
    }
  }

  /// The current time as ISO-8601 UTC with milliseconds, the form of every stored timestamp.
  static func timestamp(_ date: Date = Date()) -> String {
    date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
  }
}
