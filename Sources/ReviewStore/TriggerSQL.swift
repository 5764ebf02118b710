import HocBaModel

/// The triggers that make the database itself enforce the record state machine, sealed-record immutability and
/// the append-only audit log, whatever client (hocba or the sqlite3 CLI) writes to it.
enum TriggerSQL {
  /// The statements of migration "v1-triggers" (shipped: see the note in ReviewDatabase+Migrations.swift).
  static var v1: [String] {
    [stateMachine] + sealedRecord + sealedRecordReplace + sealedChildren(table: "field")
      + sealedChildren(table: "finding") + auditLog
  }

  /// `(OLD.state = 'a' AND NEW.state = 'b') OR …`, generated from `RecordState.allowedTransitions`.
  static var allowedTransitionCondition: String {
    RecordState.allowedTransitions.map { pair in
      "(OLD.state = \(SQLList.literal(pair.from.rawValue)) AND NEW.state = \(SQLList.literal(pair.to.rawValue)))"
    }.joined(separator: " OR ")
  }

  /// Refuses a change of state that is not an allowed pair; an unchanged state passes.
  static var stateMachine: String {
    """
    CREATE TRIGGER record_state_machine BEFORE UPDATE OF state ON record
    WHEN OLD.state IS NOT NEW.state AND NOT (\(allowedTransitionCondition))
    BEGIN SELECT RAISE(ABORT, '\(TriggerMessage.transitionRefused)'); END
    """
  }

  private static let sealedLiteral = SQLList.literal(RecordState.sealed.rawValue)

  /// `CREATE TRIGGER <name> BEFORE <event> ON <table> WHEN <condition>` raising the sealed message.
  private static func refusal(_ name: String, _ event: String, _ table: String, when condition: String) -> String {
    """
    CREATE TRIGGER \(name) BEFORE \(event) ON \(table)
    WHEN \(condition)
    BEGIN SELECT RAISE(ABORT, '\(TriggerMessage.sealed)'); END
    """
  }

  /// Refuses UPDATE and DELETE of a sealed record row.
  static var sealedRecord: [String] {
    ["UPDATE", "DELETE"].map { event in
      refusal("record_sealed_\(event.lowercased())", event, "record", when: "OLD.state = \(sealedLiteral)")
    }
  }

  /// Refuses `INSERT OR REPLACE` / `UPDATE OR REPLACE` that would delete a sealed record through a unique-key
  /// conflict: SQLite runs no DELETE trigger for such deletions unless recursive_triggers is on.
  static var sealedRecordReplace: [String] {
    func collides(except: String) -> String {
      "EXISTS (SELECT 1 FROM record AS sealed WHERE sealed.state = \(sealedLiteral)\(except) AND (sealed.id = NEW.id"
        + " OR (sealed.student_id = NEW.student_id AND sealed.school_year = NEW.school_year)))"
    }
    return [
      refusal("record_sealed_replace_insert", "INSERT", "record", when: collides(except: "")),
      refusal("record_sealed_replace_update", "UPDATE", "record", when: collides(except: " AND sealed.id <> OLD.id")),
    ]
  }

  /// Refuses INSERT, UPDATE and DELETE of rows of `table` that belong (before or after) to a sealed record, and
  /// REPLACEs whose new id would delete such a row.
  static func sealedChildren(table: String) -> [String] {
    func sealed(_ row: String) -> String {
      "(SELECT state FROM record WHERE id = \(row).record_id) = \(sealedLiteral)"
    }
    func replacesSealedRow(except: String) -> String {
      "EXISTS (SELECT 1 FROM \(table) AS old_row JOIN record ON record.id = old_row.record_id"
        + " WHERE old_row.id = NEW.id\(except) AND record.state = \(sealedLiteral))"
    }
    return [
      refusal(
        "\(table)_sealed_insert", "INSERT", table, when: "\(sealed("NEW")) OR \(replacesSealedRow(except: ""))"),
      refusal(
        "\(table)_sealed_update", "UPDATE", table,
        when: "\(sealed("OLD")) OR \(sealed("NEW")) OR \(replacesSealedRow(except: " AND old_row.id <> OLD.id"))"),
      refusal("\(table)_sealed_delete", "DELETE", table, when: sealed("OLD")),
    ]
  }

  /// Refuses UPDATE and DELETE on the audit log: rows are only ever appended.
  static var auditLog: [String] {
    ["UPDATE", "DELETE"].map { event in
      """
      CREATE TRIGGER audit_log_no_\(event.lowercased()) BEFORE \(event) ON audit_log
      BEGIN SELECT RAISE(ABORT, '\(TriggerMessage.auditAppendOnly)'); END
      """
    }
  }
}
