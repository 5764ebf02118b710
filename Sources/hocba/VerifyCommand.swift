import ArgumentParser
import Foundation
import HocBaModel
import RecordSigning
import RecordXML
import ReviewStore

/// `hocba verify FILE… | --record ID`: every signature checked in process (Điều 15 a–d), then the school's
/// certificate policy (trust store) and signing policy (expected roles, registered signers, seal over all).
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: help(
      "Kiểm tra chữ ký số của học bạ (Điều 15 a–d) và chính sách ký của trường.",
      "Verify the signatures of học bạ files (Điều 15 a–d) and the school's signing policy."))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(help("Tệp XML cần kiểm tra.", "XML files to verify."), valueName: "file"))
  var files: [String] = []

  @Option(help: ArgumentHelp(help("Kiểm tra hồ sơ đã ký số này.", "Verify this stored record."), valueName: "id"))
  var record: [Int64] = []

  @OptionGroup var flags: VerificationFlags

  func validate() throws {
    if files.isEmpty && record.isEmpty {
      throw ValidationError(help("Cần ít nhất một tệp hoặc --record.", "Give at least one file or --record."))
    }
  }

  /// The result for one document.
  struct Result: Encodable {
    var source: String
    var valid: Bool
    var report: VerificationReport
    var policy: [String]
  }

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase()
      let context = try SigningContext(database)
      var documents: [(String, [UInt8])] = []
      for path in files {
        documents.append((path, try BoundedFileReader.contents(of: path, limit: RecordXML.maximumFileBytes)))
      }
      for id in record {
        guard let bytes = try database.signedDocument(recordID: id) else { throw CommandError.recordMissing(id: id) }
        documents.append(("#\(id)", bytes))
      }
      var results: [Result] = []
      for (source, bytes) in documents {
        let report = try RecordVerifier.verify(bytes, trust: context.trust, allowLegacySHA1: flags.legacySHA1)
        let content = try RecordXML.parse(bytes, source: source)
        let findings = context.plan(for: content).check(report, record: content, registered: context.registered)
        results.append(
          Result(
            source: source, valid: report.allValid && findings.isEmpty, report: report,
            policy: findings.map { $0.message(in: language) }))
      }
      if flags.json {
        try VerificationFlags.printJSON(results)
      } else {
        for result in results { print(result, language) }
      }
      let failed = results.filter { !$0.valid }.count
      if failed > 0 { throw SigningCommandError.verificationFailed(documents: failed) }
    }
  }

  private func print(_ result: Result, _ language: Language) {
    let verdict = result.valid ? language.pick("HỢP LỆ", "VALID") : language.pick("KHÔNG HỢP LỆ", "NOT VALID")
    Console.output("\(result.source): \(verdict)")
    for signature in result.report.signatures {
      let role = signature.slot.map { Self.roleName($0, language) } ?? "?"
      Console.output(
        "  \(signature.id ?? "?") (\(role)) — \(signature.signer ?? "?"): \(Self.verdictName(signature.verdict, language))"
      )
      if let time = signature.signingTimeText {
        Console.output("    " + language.pick("Thời gian ký: ", "Signing time: ") + time)
      }
      if let time = signature.timestampTime {
        let stamp = XMLSignatureBuilder.dateTime(time, timeZone: .vietnam)
        Console.output(
          "    " + language.pick("Dấu thời gian (RFC 3161): ", "Timestamp (RFC 3161): ") + stamp
            + (signature.timestampAuthority.map { " — TSA \($0)" } ?? ""))
      }
      for check in VerificationCheck.allCases {
        let reasons = signature.reasons.filter { $0.check == check }
        let status =
          signature.passed(check) ? language.pick("đạt", "passed") : language.pick("KHÔNG ĐẠT", "FAILED")
        let detail = reasons.map { $0.message(in: language) }.joined(separator: " ")
        Console.output(
          "    \(check.rawValue). \(check.title(in: language)): \(status)\(detail.isEmpty ? "" : " — " + detail)")
      }
    }
    if result.policy.isEmpty {
      Console.output("  " + language.pick("Chính sách ký của trường: đạt", "School signing policy: passed"))
    } else {
      Console.output("  " + language.pick("Chính sách ký của trường: KHÔNG ĐẠT", "School signing policy: FAILED"))
      for line in result.policy { Console.output("    - \(line)") }
    }
  }

  static func roleName(_ slot: SignatureSlot, _ language: Language) -> String {
    switch slot {
    case .subjectTeacher(let code): language.pick("giáo viên môn \(code)", "subject teacher \(code)")
    case .homeroom: language.pick("giáo viên chủ nhiệm", "homeroom teacher")
    case .principal: language.pick("hiệu trưởng", "principal")
    case .school: language.pick("đơn vị", "school")
    }
  }

  static func verdictName(_ verdict: Verdict, _ language: Language) -> String {
    switch verdict {
    case .valid: language.pick("hợp lệ", "valid")
    case .invalid: language.pick("KHÔNG HỢP LỆ", "INVALID")
    case .refused: language.pick("BỊ TỪ CHỐI", "REFUSED")
    }
  }
}
