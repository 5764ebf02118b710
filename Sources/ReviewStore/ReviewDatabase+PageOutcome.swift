import Foundation
internal import GRDB

extension ReviewDatabase {
  /// The outcome stored for a page: `savePage` may store `duplicate` where the evidence said blank or mapped
  /// (an identical page is already saved), and the import summary counts what is stored.
  public func storedOutcome(pageID: Int64) throws(StoreError) -> PageOutcome? {
    try read("storedOutcome") { db in
      try String.fetchOne(db, sql: "SELECT outcome FROM page WHERE id = ?", arguments: [pageID])
        .flatMap(PageOutcome.init(rawValue:))
    }
  }
}
