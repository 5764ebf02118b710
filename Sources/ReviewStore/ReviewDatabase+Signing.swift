import Foundation
internal import GRDB
public import HocBaCrypto
import HocBaModel

/// Why a signing-related store operation was refused.
public enum SigningStoreError: HocBaError, Equatable {
  /// Only approved records (or records being signed) can be signed.
  case notSignable(recordID: Int64, state: RecordState)
  /// Only a sealed record is corrected by a new version.
  case notSealed(recordID: Int64)
  /// The record already has a newer version.
  case alreadyReplaced(recordID: Int64, by: Int64)
  /// A correction needs a reason.
  case reasonMissing
  /// The certificate is already registered for another staff member.
  case certificateInUse(staffID: Int64)

  public var kind: ErrorKind { self == .reasonMissing ? .invalidInput : .refused }

  public func message(in language: Language) -> String {
    switch self {
    case .notSignable(let id, let state):
      language.pick(
        "Hồ sơ #\(id) đang “\(state.label(in: language))”: chỉ ký được hồ sơ đã phê duyệt.",
        "Record #\(id) is “\(state.label(in: language))”: only approved records can be signed.")
    case .notSealed(let id):
      language.pick(
        "Hồ sơ #\(id) chưa niêm phong: sửa trực tiếp, không cần lập phiên bản mới.",
        "Record #\(id) is not sealed: edit it directly, no new version is needed.")
    case .alreadyReplaced(let id, let newer):
      language.pick(
        "Hồ sơ #\(id) đã có phiên bản thay thế #\(newer).", "Record #\(id) was already replaced by #\(newer).")
    case .reasonMissing:
      language.pick("Cần ghi lý do đính chính.", "A correction needs a reason.")
    case .certificateInUse(let staffID):
      language.pick(
        "Chứng thư số này đã đăng ký cho cán bộ #\(staffID).",
        "This certificate is already registered for staff member #\(staffID).")
    }
  }
}

/// A certificate registered for a staff member, in the role they held when it was registered.
public struct StaffCertificate: Sendable, Hashable {
  public var staffID: Int64
  public var role: StaffRole
  public var certificate: Certificate
}

/// Version information of a record (1 for an original; a correction after sealing supersedes a sealed row).
public struct RecordVersion: Sendable, Hashable {
  public var version: Int
  public var supersedes: Int64?
  public var reason: String?
  public var supersededBy: Int64?
}

extension ReviewDatabase {
  /// Registers `certificate` as the one `staffID` signs with, in their current role.
  public func bindCertificate(staffID: Int64, _ certificate: Certificate, actor: String) throws {
    try signingWrite("bindCertificate", recordID: nil) { db in
      guard let role = try String.fetchOne(db, sql: "SELECT role FROM staff WHERE id = ?", arguments: [staffID])
      else { throw StoreError.staffNotFound(staffID: staffID) }
      if let owner = try Int64.fetchOne(
        db, sql: "SELECT staff_id FROM staff_certificate WHERE fingerprint = ?",
        arguments: [certificate.sha256Fingerprint])
      {
        if owner == staffID { return }
        throw SigningStoreError.certificateInUse(staffID: owner)
      }
      try db.execute(
        sql: """
          INSERT INTO staff_certificate (staff_id, role, fingerprint, subject, serial, issuer, not_after, der, added_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          staffID, role, certificate.sha256Fingerprint, certificate.subject, certificate.serialNumber,
          certificate.issuer, Self.timestamp(certificate.notAfter), Data(certificate.der), Self.timestamp(),
        ])
      let summary = try Self.auditJSON([
        "subject": certificate.subject, "serial": certificate.serialNumber, "issuer": certificate.issuer,
        "sha256": certificate.sha256Fingerprint,
      ])
      try appendAudit(db, actor: actor, entity: "staff", entityID: staffID, action: "certificate", new: summary)
    }
  }

  /// Every registered staff certificate.
  public func staffCertificates() throws -> [StaffCertificate] {
    try signingRead("staffCertificates") { db in
      try Row.fetchAll(db, sql: "SELECT staff_id, role, der FROM staff_certificate ORDER BY id").map { row in
        guard let role = StaffRole(rawValue: row["role"]) else {
          throw StoreError.database(code: -1, context: "staffCertificates")
        }
        let der: Data = row["der"]
        return StaffCertificate(staffID: row["staff_id"], role: role, certificate: try Certificate(der: [UInt8](der)))
      }
    }
  }

  /// Adds a trust anchor, intermediate or CRL; returns false when the same bytes were already there.
  @discardableResult
  public func addTrustItem(_ kind: TrustKind, der: [UInt8], label: String, actor: String) throws -> Bool {
    try signingWrite("addTrustItem", recordID: nil) { db in
      let hash = SHA256.hex(der)
      if try Int64.fetchOne(db, sql: "SELECT id FROM trust_item WHERE sha256 = ?", arguments: [hash]) != nil {
        return false
      }
      try db.execute(
        sql: "INSERT INTO trust_item (kind, sha256, label, der, added_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [kind.rawValue, hash, label, Data(der), Self.timestamp()])
      let id = db.lastInsertedRowID
      try appendAudit(
        db, actor: actor, entity: "trust", entityID: id, action: "insert", new: "\(kind.rawValue) \(hash)")
      return true
    }
  }

  /// The trust store configured for this school (anchors, intermediates, CRLs).
  public func trustItems() throws -> [(kind: TrustKind, label: String, der: [UInt8])] {
    try signingRead("trustItems") { db in
      try Row.fetchAll(db, sql: "SELECT kind, label, der FROM trust_item ORDER BY id").compactMap { row in
        guard let kind = TrustKind(rawValue: row["kind"]) else { return nil }
        let der: Data = row["der"]
        return (kind, row["label"], [UInt8](der))
      }
    }
  }

  /// The trust store built from `trustItems()`.
  public func trustStore() throws -> TrustStore {
    let items = try trustItems()
    func certificates(_ kind: TrustKind) throws -> [Certificate] {
      try items.filter { $0.kind == kind }.map { try Certificate(der: $0.der) }
    }
    return TrustStore(
      anchors: try certificates(.anchor), intermediates: try certificates(.intermediate),
      revocationLists: items.filter { $0.kind == .crl }.map { RevocationList(der: $0.der) })
  }

  /// The signed XML of a record, or nil before its first signature.
  public func signedDocument(recordID: Int64) throws -> [UInt8]? {
    try signingRead("signedDocument") { db in
      try Data.fetchOne(db, sql: "SELECT xml FROM signed_document WHERE record_id = ?", arguments: [recordID])
        .map { [UInt8]($0) }
    }
  }

  /// Stores the record's XML after one more signature: approved → signing at the first one, signing → sealed at
  /// the school's (`seals`). One transaction, with the audit rows (no field values, no key material).
  @discardableResult
  public func storeSignature(
    recordID: Int64, xml: [UInt8], signatureID: String, certificate: String, seals: Bool, actor: String
  ) throws -> RecordState {
    try signingWrite("storeSignature", recordID: recordID) { db in
      var state = try Self.currentState(db, recordID: recordID)
      guard state == .approved || state == .signing else {
        throw SigningStoreError.notSignable(recordID: recordID, state: state)
      }
      let hash = SHA256.hex(xml)
      try db.execute(
        sql: "INSERT OR REPLACE INTO signed_document (record_id, xml, sha256, updated_at) VALUES (?, ?, ?, ?)",
        arguments: [recordID, Data(xml), hash, Self.timestamp()])
      let detail = try Self.auditJSON(["signature": signatureID, "certificate": certificate, "xml_sha256": hash])
      try appendAudit(db, actor: actor, entity: "record", entityID: recordID, action: "sign", new: detail)
      for next in (state == .approved ? [RecordState.signing] : []) + (seals ? [.sealed] : []) {
        try db.execute(
          literal: "UPDATE record SET state = \(next.rawValue), updated_at = \(Self.timestamp()) WHERE id = \(recordID)"
        )
        try appendAudit(
          db, actor: actor, entity: "record", entityID: recordID, action: "transition", old: state.rawValue,
          new: next.rawValue, reason: signatureID)
        state = next
      }
      return state
    }
  }

  /// Creates a correction of a sealed record: a new row (version + 1, in review) that supersedes it, with the
  /// reason in the row and the audit log. The sealed row and its signed bytes stay as they are.
  public func replaceSealedRecord(_ recordID: Int64, reason: String, actor: String) throws -> Int64 {
    let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !reason.isEmpty else { throw SigningStoreError.reasonMissing }
    return try signingWrite("replaceSealedRecord", recordID: recordID) { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT * FROM record WHERE id = ?", arguments: [recordID]) else {
        throw StoreError.notFound(recordID: recordID)
      }
      guard row["state"] == RecordState.sealed.rawValue else { throw SigningStoreError.notSealed(recordID: recordID) }
      if let newer = try Int64.fetchOne(db, sql: "SELECT id FROM record WHERE supersedes_id = ?", arguments: [recordID])
      {
        throw SigningStoreError.alreadyReplaced(recordID: recordID, by: newer)
      }
      let now = Self.timestamp()
      try db.execute(
        sql: """
          INSERT INTO record (student_id, school_year, grade, class_name, regime, state, payload, digitization_case,
            created_at, updated_at, version, supersedes_id, replacement_reason)
          SELECT student_id, school_year, grade, class_name, regime, ?, payload, digitization_case, ?, ?,
            version + 1, id, ? FROM record WHERE id = ?
          """, arguments: [RecordState.inReview.rawValue, now, now, reason, recordID])
      let id = db.lastInsertedRowID
      try appendAudit(
        db, actor: actor, entity: "record", entityID: id, action: "replace", old: "\(recordID)",
        new: row["payload"], reason: reason)
      return id
    }
  }

  /// The version of a record and the links to the versions before and after it.
  public func recordVersion(_ recordID: Int64) throws -> RecordVersion? {
    try signingRead("recordVersion") { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT version, supersedes_id, replacement_reason,
              (SELECT id FROM record AS newer WHERE newer.supersedes_id = record.id) AS newer
            FROM record WHERE id = ?
            """, arguments: [recordID])
      else { return nil }
      return RecordVersion(
        version: row["version"], supersedes: row["supersedes_id"], reason: row["replacement_reason"],
        supersededBy: row["newer"])
    }
  }

  private func signingWrite<T>(_ context: String, recordID: Int64?, _ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.write(body)
    } catch let error as any HocBaError {
      throw error
    } catch {
      throw StoreError.from(error, context: context, recordID: recordID)
    }
  }

  private func signingRead<T>(_ context: String, _ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.read(body)
    } catch let error as any HocBaError {
      throw error
    } catch {
      throw StoreError.from(error, context: context)
    }
  }
}
