internal import GRDB
import HocBaModel

extension ReviewDatabase {
  /// Stores (or replaces) the school this database belongs to.
  public func configureSchool(_ configuration: SchoolConfiguration, actor: String) throws(StoreError) {
    try write("configureSchool") { db in
      let old = try SchoolRow.fetchOne(db, key: 1)
      let row = SchoolRow(
        name: configuration.name, code: configuration.code, province: configuration.province,
        signingPolicy: configuration.signingPolicy.rawValue, tsaURL: configuration.tsaURL)
      try row.save(db)
      try appendAudit(
        db, actor: actor, entity: "school", entityID: 1, action: old == nil ? "insert" : "update",
        old: try old.map { try Self.auditJSON($0) }, new: try Self.auditJSON(row))
    }
  }

  /// The school this database belongs to, or nil before `configureSchool`.
  public func schoolConfiguration() throws(StoreError) -> SchoolConfiguration? {
    try read("schoolConfiguration") { db in
      guard let row = try SchoolRow.fetchOne(db, key: 1) else { return nil }
      guard let policy = SigningPolicy(rawValue: row.signingPolicy) else {
        throw StoreError.database(code: -1, context: "schoolConfiguration")
      }
      return SchoolConfiguration(
        name: row.name, code: row.code, province: row.province, signingPolicy: policy, tsaURL: row.tsaURL)
    }
  }

  /// Adds a staff member to the registry and returns their id; an inactive member needs a departure date.
  public func addStaff(_ member: StaffMember, actor: String) throws(StoreError) -> Int64 {
    if !member.active && member.departedOn == nil { throw .departureDateMissing }
    return try write("addStaff") { db in
      var row = Self.staffRow(member)
      row.id = nil
      try row.insert(db)
      let id = try Self.insertedID(row.id)
      try appendAudit(db, actor: actor, entity: "staff", entityID: id, action: "insert", new: try Self.auditJSON(row))
      return id
    }
  }

  /// Every staff member, current and departed, in id order.
  public func staff() throws(StoreError) -> [StaffMember] {
    try read("staff") { db in
      try StaffRow.order(Column("id")).fetchAll(db).map { row in
        guard let role = StaffRole(rawValue: row.role) else { throw StoreError.database(code: -1, context: "staff") }
        return StaffMember(
          id: row.id, fullName: row.fullName, role: role,
          subjects: row.subjects.split(separator: ",").map(String.init), active: row.active,
          departedOn: row.departedOn.flatMap { CalendarDate(parsing: $0) })
      }
    }
  }

  /// Records that a staff member left the school on `date`; their content is then reviewed by học vụ.
  public func markDeparted(staffID: Int64, on date: CalendarDate, actor: String) throws(StoreError) {
    try write("markDeparted") { db in
      guard let original = try StaffRow.fetchOne(db, key: staffID) else {
        throw StoreError.staffNotFound(staffID: staffID)
      }
      var row = original
      row.active = false
      row.departedOn = date.iso
      try row.update(db)
      try appendAudit(
        db, actor: actor, entity: "staff", entityID: staffID, action: "depart", old: try Self.auditJSON(original),
        new: try Self.auditJSON(row))
    }
  }

  private static func staffRow(_ member: StaffMember) -> StaffRow {
    StaffRow(
      id: member.id, fullName: member.fullName, role: member.role.rawValue,
      subjects: member.subjects.joined(separator: ","), active: member.active, departedOn: member.departedOn?.iso)
  }
}
