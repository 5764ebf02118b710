import Foundation
import ReviewStore
import TestSupport
import Testing

/// `hocba sign --tsa URL` (or `HOCBA_TSA_URL`, or the school's `init --tsa` setting) against a real local TSA (`openssl ts -reply` behind
/// scripts/test_tsa.py on 127.0.0.1), then `hocba verify` and the independent verifiers.
@Suite("Timestamp commands", .serialized)
struct TimestampCommandTests {
  @Test("principal with --tsa, school with the school's setting: verify shows both timestamps; xmlsec1, signxml verify")
  func stampedSigning() throws {
    let school = try SigningCommandTests.School()
    let pki = school.pki
    let tsa = try pki.localTSA()
    let id = try school.approvedRecord(SigningCommandTests.transfer())
    try school.ok(
      ["sign", "--as", "principal", "--key", pki.p12("principal"), "--pin-fd", "0", "--yes", "--tsa", tsa.url],
      pin: pki.password)
    // The school's setting: `init` again with --tsa (the configuration is replaced, the data kept).
    try school.ok([
      "init", "--name", "Trường THCS Đại An", "--code", "DA01", "--province", "Ninh Bình", "--tsa", tsa.url,
    ])
    #expect(try ReviewDatabase.open(path: school.db).schoolConfiguration()?.tsaURL == tsa.url)
    let https = try school.run(
      ["init", "--name", "Trường THCS Đại An", "--code", "DA01", "--province", "Ninh Bình", "--tsa", "https://x/tsa"])
    #expect(https.status == 64 && https.stderr.contains("http://"), "\(https.stderr)")
    #expect(try ReviewDatabase.open(path: school.db).schoolConfiguration()?.tsaURL == tsa.url)
    try school.ok(["sign", "--as", "school", "--key", pki.p12("school"), "--pin-fd", "0", "--yes"], pin: pki.password)
    #expect(try ReviewDatabase.open(path: school.db).record(id: id)?.state == .sealed)
    try school.ok(["export", "--xml", school.scratch.path("out")])
    let file = try #require(
      try FileManager.default.contentsOfDirectory(atPath: school.scratch.path("out")).first.map {
        school.scratch.path("out/\($0)")
      })
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.components(separatedBy: "<xades:EncapsulatedTimeStamp>").count == 3)
    let verified = try school.ok(["verify", file])
    #expect(
      verified.stdout.components(separatedBy: "Dấu thời gian (RFC 3161): ").count == 3
        && verified.stdout.contains("TSA CN=Hocba Test TSA") && !verified.stdout.contains("KHÔNG"),
      "\(verified.stdout)")
    try SigningCommandTests.independentlyVerified(file, pki: pki)
  }

  @Test("no TSA reachable: exit 74, a Vietnamese error naming the URL, nothing signed, nothing stored")
  func unreachable() throws {
    let school = try SigningCommandTests.School()
    let tsa = try school.pki.localTSA()
    let url = tsa.url
    tsa.stop()
    let id = try school.approvedRecord(SigningCommandTests.transfer())
    // Named by HOCBA_TSA_URL this time.
    let result = try school.run(
      ["sign", "--as", "principal", "--key", school.pki.p12("principal"), "--pin-fd", "0", "--yes"],
      pin: school.pki.password, environment: ["HOCBA_TSA_URL": url])
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("Không lấy được dấu thời gian từ máy chủ TSA \(url)"), "\(result.stderr)")
    #expect(try school.scratch.sql("SELECT count(*) FROM signed_document") == "0")
    #expect(try ReviewDatabase.open(path: school.db).record(id: id)?.state == .approved)
  }

  @Test("a TSA answering with a token over other data: exit 77, nothing stored")
  func otherData() throws {
    let school = try SigningCommandTests.School()
    let liar = try school.pki.localTSA(.otherData)
    let id = try school.approvedRecord(SigningCommandTests.transfer())
    let result = try school.run(
      [
        "sign", "--as", "principal", "--key", school.pki.p12("principal"), "--pin-fd", "0", "--yes", "--tsa",
        liar.url,
      ], pin: school.pki.password)
    #expect(result.status == 77, "\(result.stderr)")
    #expect(result.stderr.contains(liar.url) && result.stderr.contains("dữ liệu khác"), "\(result.stderr)")
    #expect(try school.scratch.sql("SELECT count(*) FROM signed_document") == "0")
    #expect(try ReviewDatabase.open(path: school.db).record(id: id)?.state == .approved)
  }
}
