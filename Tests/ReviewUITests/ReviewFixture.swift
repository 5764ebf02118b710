import Foundation
import HocBaModel
import HocBaSamples
import ReviewStore
import ReviewUI

/// A review database with one TT22 grade-8 record whose year page has low-confidence fields and one error.
enum ReviewFixture {
  struct Made {
    let database: ReviewDatabase
    let recordID: Int64
  }

  static func field(
    _ path: String, _ type: String, _ raw: String, _ value: String?, _ confidence: Double, critical: Bool = false
  ) -> PageFieldEvidence {
    PageFieldEvidence(
      path: path, type: type, critical: critical, rawText: raw, normalizedValue: value, confidence: confidence,
      box: FieldBox(x: 10, y: 20, width: 30, height: 12), cropPath: "crops/p2/\(path).png")
  }

  static let infoFields = [
    field("student.fullName", "name", "Nguyen Thi Thuy", "Nguyen Thi Thuy", 61, critical: true),
    field("student.birthDate", "date", "12/03/2010", "2010-03-12", 96, critical: true),
    field("student.citizenID", "citizenID", "036310004517", "036310004517", 97, critical: true),
  ]

  static let yearFields = [
    field("header.schoolYear", "schoolYear", "2023-2024", "2023-2024", 97, critical: true),
    field("header.className", "className", "8A1", "8A1", 96, critical: true),
    field("subjects.ngu-van.firstTerm", "score", "7,2", "7.2", 93),
    field("subjects.ngu-van.secondTerm", "score", "7,8", "7.8", 91),
    field("subjects.ngu-van.fullYear", "score", "7,6", "7.6", 90, critical: true),
    field("subjects.toan.firstTerm", "score", "6,6", "6.6", 94),
    field("subjects.toan.secondTerm", "score", "8,4", "8.4", 58),
    field("subjects.toan.fullYear", "score", "6,5", "6.5", 88, critical: true),
    field("subjects.gdtc.firstTerm", "passLevel", "Đ", "Đ", 92),
    field("subjects.gdtc.secondTerm", "passLevel", "Đ", "Đ", 74),
    field("subjects.gdtc.fullYear", "passLevel", "Đ", "Đ", 95, critical: true),
    field("summary.conduct.fullYear", "level", "T", "T", 93, critical: true),
    field("summary.learning.fullYear", "level", "K", "K", 92, critical: true),
    field("absences", "integer", "2", "2", 91),
  ]

  /// The fixture; `records` copies get distinct students (for queue and claim tests).
  static func make(records: Int = 1, onDisk path: String? = nil) throws -> Made {
    let database = try path.map { try ReviewDatabase.open(path: $0) } ?? ReviewDatabase.inMemory()
    var first: Int64 = 0
    for index in 0..<records {
      let scan = try database.registerScan(
        sha256: String(repeating: String(index % 10), count: 64), fileName: "so-\(index).tif", pageCount: 2)
      let info = try database.savePage(
        PageEvidence(
          scanID: scan.id, pageNumber: 1, contentSHA256: nil, outcome: .mapped, kind: "info", fields: infoFields),
        actor: "test")!
      let year = try database.savePage(
        PageEvidence(
          scanID: scan.id, pageNumber: 2, contentSHA256: nil, outcome: .mapped, kind: "year-tt22-thcs",
          fields: yearFields), actor: "test")!
      var record = SampleRecords.tt22Secondary
      record.student.fullName = index == 0 ? "Nguyen Thi Thuy" : "Học Sinh \(index)"
      record.student.citizenID = nil
      record.provenance.reviewers = []
      let pages = try database.mappedPages(unassignedOnly: true).filter { [info, year].contains($0.id) }
      let id = try database.createRecord(record, fromPages: pages, assigning: [year], actor: "import") {
        $0.confidence < 80 || $0.path == "subjects.toan.fullYear"
      }
      _ = try database.addFinding(
        StoredFinding(
          recordID: id, fieldPath: "subjects.toan.fullYear", ruleCode: "C02", severity: .error,
          detail: "Điểm cả năm không bằng (HK I + 2 × HK II) / 3."), actor: "rules")
      if index == 0 { first = id }
    }
    return Made(database: database, recordID: first)
  }
}
