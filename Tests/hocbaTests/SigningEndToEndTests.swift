import Foundation
import HocBaModel
import ReviewStore
import Testing

/// From sample scans to a verified, sealed export: a departed-teacher year and an incoming transfer.
@Suite("Signing end to end from scans", .serialized)
struct SigningEndToEndTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static func scan(_ name: String) -> String { repository.appendingPathComponent("Scans/\(name)").path }
  static var mappings: String { repository.appendingPathComponent("Mappings").path }

  @Test("import → review → principal (PKCS#12) and school (token) sign → export → verify → one-digit change")
  func fromScans() throws {
    let school = try SigningCommandTests.School()
    try school.ok(
      ["import", Self.scan("s001-p1-info.png"), Self.scan("s001-p2-y2023.jpg"), "--mappings", Self.mappings]
        + ["--case", "gv-da-nghi", "--departed-subjects", "toan", "--jobs", "2"])
    try school.ok(
      ["import", Self.scan("s002.tif"), "--mappings", Self.mappings, "--case", "chuyen-den"]
        + ["--origin-school", "Trường THCS Hoa Lư", "--jobs", "2"])
    let store = try ReviewDatabase.open(path: school.db)
    let records = try store.records()
    #expect(records.count >= 2)
    for stored in records {
      // The scriptable review path: confirm each pending field (`fields`, `set`), `approve` (→ reviewed), then the
      // principal's `approve --principal` (→ approved).
      let listing = try school.ok(["fields", "--record", "\(stored.id)", "--needs-review", "--json"])
      let pending = try JSONDecoder().decode([Pending].self, from: Data(listing.stdout.utf8))
      for field in pending {
        let set = try school.run(
          ["set", "\(stored.id)", field.path, field.value ?? field.ocr ?? "", "--reason", "Đối chiếu bản giấy"])
        #expect(set.status == 0, "set \(field.path): \(set.stderr)")
      }
      try school.ok(["approve", "\(stored.id)", "--acknowledge-errors", "Đã đối chiếu bản giấy"])
      try school.ok(["approve", "\(stored.id)", "--principal", "--actor", "Lê Văn Hiệu"])
      #expect(try store.record(id: stored.id)?.state == .approved)
    }
    try school.signPrincipalAndSchool()
    for stored in records { #expect(try store.record(id: stored.id)?.state == .sealed) }

    try school.ok(["export", "--xml", school.scratch.path("out")])
    let files = try FileManager.default.contentsOfDirectory(atPath: school.scratch.path("out")).sorted()
      .map { school.scratch.path("out/\($0)") }
    let verified = try school.ok(["verify"] + files)
    #expect(!verified.stdout.contains("KHÔNG"), "\(verified.stdout)")
    let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
    #expect(texts.contains { $0.contains("<ThayThe>") && $0.contains("<MonHoc>toan</MonHoc>") })
    #expect(texts.contains { $0.contains("<XNChuyenDen>") && $0.contains("<SHA256>") })
    for file in files { try SigningCommandTests.independentlyVerified(file, pki: school.pki) }

    let text = try #require(texts.first)
    let marker = try #require(text.range(of: "<HK1>"))
    let tail = text[marker.upperBound...]
    let index = try #require(tail.firstIndex { $0.isNumber })
    let value = tail[index].wholeNumberValue ?? 0
    var changed = text
    changed.replaceSubrange(index...index, with: String((value + 1) % 10))
    let tampered = school.scratch.path("tampered.xml")
    try changed.write(toFile: tampered, atomically: true, encoding: .utf8)
    let refused = try school.run(["verify", tampered, "--lang", "en"])
    #expect(refused.status == 3)
    #expect(refused.stdout.contains("sig-ht (principal)") && refused.stdout.contains("Content not altered: FAILED"))
    #expect(refused.stdout.contains("sig-dvi (school)"), "\(refused.stdout)")
  }

  struct Pending: Decodable {
    let path: String
    let value: String?
    let ocr: String?
  }
}
