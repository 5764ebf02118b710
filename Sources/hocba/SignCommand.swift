import ArgumentParser
import Foundation
import HocBaModel
import RecordSigning
import RecordXML
import ReviewStore

/// `hocba sign --as ROLE --key KEY`: signs a batch of approved records in one slot, after one confirmation and
/// one PIN. The school's signature seals each record.
struct SignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sign",
    abstract: help(
      "Ký số hàng loạt hồ sơ đã phê duyệt (hiệu trưởng, đơn vị, giáo viên, GVCN).",
      "Sign approved records in a batch (principal, school, teacher, homeroom)."))

  @OptionGroup var global: GlobalOptions

  @Option(
    name: .customLong("as"),
    help: ArgumentHelp(
      help("Ký với vai trò: principal, school, teacher hoặc gvcn.", "Sign as: principal, school, teacher or gvcn."),
      valueName: "role"))
  var role: String

  @Option(
    help: ArgumentHelp(
      help(
        "Khoá ký: tệp PKCS#12 (.p12) hoặc URI PKCS#11 (pkcs11:token=…;object=…;type=private).",
        "Signing key: a PKCS#12 file or a PKCS#11 URI."), valueName: "key"))
  var key: String

  @Option(help: ArgumentHelp(help("Chỉ ký hồ sơ số này.", "Sign only this record."), valueName: "id"))
  var record: Int64?

  @Option(help: ArgumentHelp(help("Chỉ ký năm học này (YYYY-YYYY).", "Only this school year."), valueName: "year"))
  var year: String?

  @Option(
    name: .customLong("class"), help: ArgumentHelp(help("Chỉ ký lớp này.", "Only this class."), valueName: "name"))
  var className: String?

  @Option(
    name: .customLong("pin-fd"),
    help: ArgumentHelp(
      help(
        "Đọc mã PIN/mật khẩu từ bộ mô tả tệp này (mặc định: hỏi, không hiện ký tự).",
        "Read the PIN/password from this file descriptor (default: prompt without echo)."), valueName: "n"))
  var pinFD: Int32?

  @Option(
    help: ArgumentHelp(
      help("Thư viện PKCS#11 của thiết bị ký (mặc định: p11-kit-proxy).", "PKCS#11 module of the token."),
      valueName: "path"))
  var module: String = PKCS11Signer.defaultModulePath

  @Option(
    help: ArgumentHelp(
      help(
        "Máy chủ dấu thời gian RFC 3161 (http://…) cho từng chữ ký; mặc định: HOCBA_TSA_URL, rồi cấu hình trường.",
        "RFC 3161 time-stamp authority (http://…) for each signature; default: HOCBA_TSA_URL, then the school's."),
      valueName: "url"))
  var tsa: String?

  @Flag(help: ArgumentHelp(help("Không hỏi xác nhận.", "Do not ask for confirmation.")))
  var yes = false

  func validate() throws {
    guard ["principal", "school", "teacher", "gvcn"].contains(role) else {
      throw ValidationError(
        help("--as chỉ nhận principal, school, teacher, gvcn.", "--as accepts principal, school, teacher, gvcn."))
    }
  }

  /// One signature to make.
  struct Job {
    var stored: StoredRecord
    var slots: [SignatureSlot]
    var plan: SigningPlan
  }

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      try PINReader.checkOpen(fd: pinFD)
      let database = try global.openDatabase()
      let context = try SigningContext(database)
      var jobs: [Job] = []
      var refused = 0
      for stored in try database.records() where matches(stored) {
        guard stored.state == .approved || stored.state == .signing else {
          if record != nil { throw SigningStoreError.notSignable(recordID: stored.id, state: stored.state) }
          continue
        }
        let plan = context.plan(for: stored.record)
        let signed = try database.signedDocument(recordID: stored.id).map(RecordSigner.signedSlots) ?? []
        var slots: [SignatureSlot] = []
        for slot in candidateSlots(plan) {
          if let refusal = plan.refusal(for: slot, signed: signed + slots) {
            if record != nil || refusal != .alreadySigned && refusal != .notInPlan {
              Console.error("#\(stored.id) \(slot.signatureID): " + refusal.message(in: language))
              refused += 1
            }
          } else {
            slots.append(slot)
          }
        }
        if !slots.isEmpty { jobs.append(Job(stored: stored, slots: slots, plan: plan)) }
      }
      guard !jobs.isEmpty else {
        if refused > 0 { throw SigningCommandError.problems(signed: 0, failed: refused) }
        throw SigningCommandError.nothingToSign
      }
      for job in jobs { Console.message(describe(job, language)) }
      if !yes {
        Console.message(
          language.pick("Ký \(jobs.count) hồ sơ trên? (c/k) ", "Sign these \(jobs.count) records? (y/n) "))
        let answer = (readLine() ?? "").lowercased()
        guard answer.hasPrefix("c") || answer.hasPrefix("y") else { throw ExitCode(ExitCodes.refused) }
      }
      let stamper = try context.timestamper(url: tsa)
      let pin = try PINReader.read(fd: pinFD, prompt: language.pick("Mã PIN/mật khẩu: ", "PIN/password: "))
      let signer = try openSigner(pin: pin, trust: context.trust)
      guard let leaf = signer.certificateChain.first else { throw SigningError.noCertificate }
      try checkSigner(leaf, chain: signer.certificateChain, context: context, slots: jobs.flatMap(\.slots))
      var signedCount = 0
      var failed = refused
      for job in jobs {
        do {
          let state = try sign(job, signer: signer, leaf: leaf, database: database, context: context, stamper: stamper)
          signedCount += 1
          Console.output("\(job.stored.id)\t\(job.slots.map(\.signatureID).joined(separator: ","))\t\(state.rawValue)")
        } catch let error as any HocBaError {
          Console.error("#\(job.stored.id): " + error.message(in: language))
          failed += 1
          // An unreachable TSA stops the batch: every later record would wait for the same timeout.
          if let signing = error as? SigningError, case .timestampUnavailable = signing { break }
        }
      }
      Console.message(language.pick("Đã ký \(signedCount) hồ sơ.", "Signed \(signedCount) records."))
      if failed > 0 { throw SigningCommandError.problems(signed: signedCount, failed: failed) }
    }
  }

  private func matches(_ stored: StoredRecord) -> Bool {
    (record == nil || stored.id == record) && (year == nil || stored.record.schoolYear.description == year)
      && (className == nil || stored.record.className == className?.nfc)
  }

  /// The slots `--as` may fill in this plan.
  private func candidateSlots(_ plan: SigningPlan) -> [SignatureSlot] {
    switch role {
    case "principal": [.principal]
    case "school": [.school]
    case "gvcn": [.homeroom]
    default: plan.steps.map(\.slot).filter { $0.role == .subjectTeacher }
    }
  }

  private func describe(_ job: Job, _ language: Language) -> String {
    var line =
      "#\(job.stored.id) \(job.stored.record.schoolYear) "
      + language.pick("lớp", "class") + " \(job.stored.record.className): "
      + job.slots.map(\.signatureID).joined(separator: ", ")
    if job.slots.contains(.principal), let substitution = job.plan.substitution {
      line += language.pick(
        " — ký thay giáo viên đã nghỉ, môn \(substitution.subjectCodes.joined(separator: ", "))",
        " — in place of departed teachers, subjects \(substitution.subjectCodes.joined(separator: ", "))")
    }
    if job.plan.transferConfirmation != nil {
      line += language.pick(
        " — xác nhận khớp học bạ giấy lưu trữ (chuyển đến)", " — confirms the match with the archived paper record")
    }
    if job.slots.contains(.school) { line += language.pick(" — niêm phong", " — seals the record") }
    return line
  }

  private func openSigner(pin: Secret, trust: TrustStore) throws -> any Signer {
    do {
      if key.hasPrefix("pkcs11:") {
        return try PKCS11Signer(uri: key, pin: pin, modulePath: module, intermediates: trust.intermediates)
      }
      return try PKCS12Signer(file: URL(fileURLWithPath: key), password: pin)
    } catch {
      throw SigningError.crypto(error)
    }
  }

  /// Refuses a signer whose certificate is not registered for the role, or not valid now.
  private func checkSigner(_ leaf: Certificate, chain: [Certificate], context: SigningContext, slots: [SignatureSlot])
    throws
  {
    for slot in Set(slots) where context.owner(of: leaf, for: slot) == nil {
      throw SigningCommandError.signerNotRegistered(subject: leaf.subject, role: slot.role.rawValue)
    }
    let validation: CertificateValidation
    do {
      validation = try context.trust.validate(leaf, untrusted: Array(chain.dropFirst()), at: Date())
    } catch {
      throw SigningError.crypto(error)
    }
    if !validation.problems.isEmpty {
      throw SigningCommandError.signerCertificateInvalid(validation.problems.map { "\($0)" }.joined(separator: ", "))
    }
  }

  /// Signs one record in each of its slots and stores the result (statements first, on the first signature).
  private func sign(
    _ job: Job, signer: any Signer, leaf: Certificate, database: ReviewDatabase, context: SigningContext,
    stamper: TSAClient?
  ) throws -> RecordState {
    var bytes: [UInt8]
    if let existing = try database.signedDocument(recordID: job.stored.id) {
      let report = try RecordVerifier.verify(existing, trust: context.trust)
      if let bad = report.signatures.first(where: { $0.verdict != .valid }) {
        throw SigningError.internal("\(bad.id ?? "?") \(bad.reasons.map(\.rawValue).joined(separator: ","))")
      }
      bytes = existing
    } else {
      var content = job.stored.record
      if !job.plan.statementsMatch(content) {
        content = job.plan.applyingStatements(to: content)
        try database.updateRecord(id: job.stored.id, content, actor: global.actorName, reason: "signing-statement")
      }
      bytes = try RecordXML.export(content)
    }
    var state = job.stored.state
    for slot in job.slots {
      bytes = try RecordSigner.sign(bytes, slot: slot, signer: signer, timestamper: stamper)
      state = try database.storeSignature(
        recordID: job.stored.id, xml: bytes, signatureID: slot.signatureID, certificate: leaf.sha256Fingerprint,
        seals: slot == .school, actor: global.actorName)
    }
    return state
  }
}
