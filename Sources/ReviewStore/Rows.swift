internal import GRDB

// Internal GRDB records, one per table. Columns hold plain values only (text, integers, reals): dates and
// enums are converted at the edges, so no column ever receives GRDB's JSON encoding of a nested Codable.

struct SchoolRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "school"
  var id: Int64 = 1
  var name: String
  var code: String
  var province: String
  var signingPolicy: String
  var tsaURL: String?

  enum CodingKeys: String, CodingKey {
    case id, name, code, province
    case signingPolicy = "signing_policy"
    case tsaURL = "tsa_url"
  }
}

struct ScanRow: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "scan"
  var id: Int64?
  var sha256: String
  var fileName: String
  var pageCount: Int
  var importedAt: String

  enum CodingKeys: String, CodingKey {
    case id, sha256
    case fileName = "file_name"
    case pageCount = "page_count"
    case importedAt = "imported_at"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct PageRow: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "page"
  var id: Int64?
  var scanID: Int64
  var pageNumber: Int
  var contentSHA256: String?

  enum CodingKeys: String, CodingKey {
    case id
    case scanID = "scan_id"
    case pageNumber = "page_number"
    case contentSHA256 = "content_sha256"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct StudentRow: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "student"
  var id: Int64?
  var citizenID: String?
  var fullName: String
  var birthDate: String

  enum CodingKeys: String, CodingKey {
    case id
    case citizenID = "citizen_id"
    case fullName = "full_name"
    case birthDate = "birth_date"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct RecordRow: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "record"
  var id: Int64?
  var studentID: Int64
  var schoolYear: String
  var grade: Int
  var className: String
  var regime: String
  var state: String
  var payload: String
  var digitizationCase: String
  var createdAt: String
  var updatedAt: String

  enum CodingKeys: String, CodingKey {
    case id, grade, regime, state, payload
    case studentID = "student_id"
    case schoolYear = "school_year"
    case className = "class_name"
    case digitizationCase = "digitization_case"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct FieldRow: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "field"
  var id: Int64?
  var recordID: Int64
  var pageID: Int64?
  var path: String
  var rawText: String?
  var normalizedValue: String?
  var confidence: Double?
  var boxX: Int?
  var boxY: Int?
  var boxW: Int?
  var boxH: Int?
  var cropPath: String?
  var status: String

  enum CodingKeys: String, CodingKey {
    case id, path, confidence, status
    case recordID = "record_id"
    case pageID = "page_id"
    case rawText = "raw_text"
    case normalizedValue = "normalized_value"
    case boxX = "box_x"
    case boxY = "box_y"
    case boxW = "box_w"
    case boxH = "box_h"
    case cropPath = "crop_path"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct FindingRow: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "finding"
  var id: Int64?
  var recordID: Int64
  var fieldPath: String?
  var ruleCode: String
  var severity: String
  var detail: String

  enum CodingKeys: String, CodingKey {
    case id, severity, detail
    case recordID = "record_id"
    case fieldPath = "field_path"
    case ruleCode = "rule_code"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct StaffRow: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "staff"
  var id: Int64?
  var fullName: String
  var role: String
  var subjects: String
  var active: Bool
  var departedOn: String?

  enum CodingKeys: String, CodingKey {
    case id, role, subjects, active
    case fullName = "full_name"
    case departedOn = "departed_on"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct AuditRow: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "audit_log"
  var id: Int64
  var at: String
  var actor: String
  var entity: String
  var entityID: Int64?
  var action: String
  var oldValue: String?
  var newValue: String?
  var reason: String?
  var prevHash: String
  var hash: String

  enum CodingKeys: String, CodingKey {
    case id, at, actor, entity, action, reason, hash
    case entityID = "entity_id"
    case oldValue = "old_value"
    case newValue = "new_value"
    case prevHash = "prev_hash"
  }
}
