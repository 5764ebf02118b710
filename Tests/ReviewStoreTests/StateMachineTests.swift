import GRDB
import HocBaModel
import HocBaSamples
import TestSupport
import Testing

@testable import ReviewStore

@Suite("Record state machine")
struct StateMachineTests {
  @Test("the whole allowed path imported → … → sealed succeeds", arguments: StoreKind.allCases)
  func happyPath(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let id = try database.insertRecord(SampleRecords.tt22Secondary, actor: "hoc-vu")
      #expect(try database.record(id: id)?.state == .imported)
      for next in RecordState.happyPath.dropFirst() {
        try database.transition(recordID: id, to: next, actor: "hoc-vu", reason: nil)
        #expect(try database.record(id: id)?.state == next)
      }
    }
  }

  @Test("review loops back: reviewed → in review and approved → in review", arguments: StoreKind.allCases)
  func loopsBack(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let id = try database.insert(SampleRecords.tt22Upper, walkingTo: .reviewed)
      try database.transition(recordID: id, to: .inReview, actor: "hoc-vu", reason: "sai điểm")
      try database.transition(recordID: id, to: .reviewed, actor: "hoc-vu", reason: nil)
      try database.transition(recordID: id, to: .approved, actor: "hieu-truong", reason: nil)
      try database.transition(recordID: id, to: .inReview, actor: "hieu-truong", reason: "xem lại")
      #expect(try database.record(id: id)?.state == .inReview)
    }
  }

  @Test("forbidden transitions throw transitionRefused and change nothing", arguments: StoreKind.allCases)
  func refused(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let id = try database.insertRecord(SampleRecords.tt22Secondary, actor: "hoc-vu")
      let auditBefore = try database.auditHead()
      #expect(throws: StoreError.transitionRefused(recordID: id, from: .imported, to: .approved)) {
        try database.transition(recordID: id, to: .approved, actor: "x", reason: nil)
      }
      #expect(throws: StoreError.transitionRefused(recordID: id, from: .imported, to: .imported)) {
        try database.transition(recordID: id, to: .imported, actor: "x", reason: nil)
      }
      #expect(try database.auditHead() == auditBefore)
      #expect(try database.record(id: id)?.state == .imported)

      let sealed = try database.insert(SampleRecords.tt58Secondary, walkingTo: .sealed)
      for next in RecordState.allCases {
        #expect(throws: StoreError.transitionRefused(recordID: sealed, from: .sealed, to: next)) {
          try database.transition(recordID: sealed, to: next, actor: "x", reason: nil)
        }
      }
      #expect(throws: StoreError.notFound(recordID: 999)) {
        try database.transition(recordID: 999, to: .inReview, actor: "x", reason: nil)
      }
    }
  }

  @Test("raw SQL UPDATE to a forbidden state is refused by the trigger itself", arguments: StoreKind.allCases)
  func triggerRefusesRawUpdate(kind: StoreKind) throws {
    try kind.withDatabase { database in
      let id = try database.insertRecord(SampleRecords.tt22Secondary, actor: "hoc-vu")
      let error = #expect(throws: DatabaseError.self) {
        try database.raw { try $0.execute(sql: "UPDATE record SET state = 'approved' WHERE id = ?", arguments: [id]) }
      }
      #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER)
      #expect(error?.message == "hocba:transition-refused")
      #expect(try database.record(id: id)?.state == .imported)
    }
  }

  @Test("the trigger allows exactly the pairs Swift allows (every from × to)")
  func triggerMatchesSwiftForEveryPair() throws {
    let database = try ReviewDatabase.makeInMemory()
    for from in RecordState.allCases {
      for to in RecordState.allCases {
        let id = try database.insertRecord(SampleRecords.tt22Secondary, state: from, actor: "test")
        let sqlAllowed: Bool
        do {
          try database.raw { try $0.execute(literal: "UPDATE record SET state = \(to.rawValue) WHERE id = \(id)") }
          sqlAllowed = true
        } catch let error as DatabaseError {
          #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER)
          sqlAllowed = false
        }
        let swiftAllowed = from != .sealed && (from == to || from.canMove(to: to))
        #expect(sqlAllowed == swiftAllowed, "\(from.rawValue) → \(to.rawValue)")
        // Clean up so the next iteration can insert the same student and year again.
        if try database.record(id: id)?.state != .sealed {
          try database.raw { try $0.execute(sql: "DELETE FROM record WHERE id = ?", arguments: [id]) }
        } else {
          try database.raw { db in
            try db.execute(sql: "DROP TRIGGER record_sealed_delete")
            try db.execute(sql: "DELETE FROM record WHERE id = ?", arguments: [id])
            try db.execute(sql: TriggerSQL.sealedRecord[1])
          }
        }
      }
    }
  }
}
