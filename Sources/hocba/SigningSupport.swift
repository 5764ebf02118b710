import Foundation
import HocBaModel
import RecordSigning
import ReviewStore

#if canImport(Glibc)
  import Glibc
#endif

/// What `sign` and `verify` read from the database: staff, their certificates, the trust store and the policy.
struct SigningContext {
  let staff: [StaffMember]
  let certificates: [StaffCertificate]
  let trust: TrustStore
  let teachers: TeacherSignatures
  /// The school's time-stamp authority setting (`hocba init --tsa`).
  let tsaURL: String?

  init(_ database: ReviewDatabase) throws {
    staff = try database.staff()
    certificates = try database.staffCertificates()
    trust = try database.trustStore()
    let school = try database.schoolConfiguration()
    let policy = school?.signingPolicy ?? .principalAndSchool
    tsaURL = school?.tsaURL
    teachers = policy == .teachersPrincipalSchool ? .required : .optional
  }

  /// The signatures `record` needs.
  func plan(for record: SchoolYearRecord) -> SigningPlan {
    SigningPlan.plan(
      for: record,
      staff: staff.map {
        PlanningStaff(name: $0.fullName, role: $0.role.planningRole, subjects: $0.subjects, active: $0.active)
      }, teachers: teachers)
  }

  /// The time-stamp authority `--tsa`, else `HOCBA_TSA_URL`, else the school's setting names, checked once
  /// (reachable, token trusted) before anything is signed; nil when none names one.
  func timestamper(url flag: String?) throws -> TSAClient? {
    let environment = ProcessInfo.processInfo.environment["HOCBA_TSA_URL"].flatMap { $0.isEmpty ? nil : $0 }
    guard let url = flag ?? environment ?? tsaURL, !url.isEmpty else { return nil }
    let client = TSAClient(url: url, trust: trust)
    try client.probe()
    return client
  }

  /// Every registered certificate with its owner (the role is the one held when it was registered).
  var registered: [RegisteredSigner] {
    certificates.compactMap { binding in
      guard let member = staff.first(where: { $0.id == binding.staffID }) else { return nil }
      return RegisteredSigner(
        name: member.fullName, role: binding.role.planningRole, subjects: member.subjects,
        fingerprint: binding.certificate.sha256Fingerprint)
    }
  }

  /// The active staff member registered for `certificate` who may sign `slot`, or nil.
  func owner(of certificate: Certificate, for slot: SignatureSlot) -> StaffMember? {
    let bindings = certificates.filter { $0.certificate.sha256Fingerprint == certificate.sha256Fingerprint }
    for binding in bindings {
      guard let member = staff.first(where: { $0.id == binding.staffID }), member.active else { continue }
      let signer = RegisteredSigner(
        name: member.fullName, role: binding.role.planningRole, subjects: member.subjects,
        fingerprint: certificate.sha256Fingerprint)
      if signer.may(sign: slot) { return member }
    }
    return nil
  }
}

extension StaffRole {
  var planningRole: PlanningStaff.Role {
    switch self {
    case .subjectTeacher: .subjectTeacher
    case .homeroomTeacher: .homeroom
    case .principal: .principal
    case .clerk: .clerk
    case .academicAffairs, .vicePrincipal: .other
    }
  }
}

/// Errors of `sign` and `verify`.
enum SigningCommandError: HocBaError {
  case signerNotRegistered(subject: String, role: String)
  case signerCertificateInvalid(String)
  case nothingToSign
  case problems(signed: Int, failed: Int)
  case verificationFailed(documents: Int)

  var kind: ErrorKind {
    switch self {
    case .signerNotRegistered, .signerCertificateInvalid, .nothingToSign: .refused
    case .problems, .verificationFailed: .integrity
    }
  }

  func message(in language: Language) -> String {
    switch self {
    case .signerNotRegistered(let subject, let role):
      language.pick(
        "Chứng thư số \(subject) không được đăng ký cho cán bộ đang công tác có vai trò \(role): từ chối ký.",
        "The certificate \(subject) is not registered for an active staff member in the role \(role): refused.")
    case .signerCertificateInvalid(let reasons):
      language.pick(
        "Chứng thư số của người ký không dùng được: \(reasons).", "The signer's certificate cannot be used: \(reasons)."
      )
    case .nothingToSign:
      language.pick(
        "Không có hồ sơ nào đã phê duyệt cần chữ ký này.", "No approved record needs this signature.")
    case .problems(let signed, let failed):
      language.pick(
        "Đã ký \(signed) hồ sơ; \(failed) hồ sơ không ký được (xem lý do ở trên).",
        "Signed \(signed) records; \(failed) could not be signed (reasons above).")
    case .verificationFailed(let count):
      language.pick(
        "\(count) tệp có chữ ký không hợp lệ hoặc không đúng chính sách ký.",
        "\(count) files have invalid signatures or break the signing policy.")
    }
  }
}

/// Reads a PIN or password: from a file descriptor (pipe, file or terminal, read(2) up to a newline or end of
/// file), or from the terminal without echo. Never from argv or the environment.
enum PINReader {
  /// Refuses a `--pin-fd` that is not open when hocba starts: checked before any file is opened, so a descriptor
  /// the database later takes can never be read as the PIN.
  static func checkOpen(fd: Int32?) throws {
    if let fd, fd < 0 || fcntl(fd, F_GETFD) == -1 {
      throw SigningError.crypto(.fileUnreadable(path: "/dev/fd/\(fd)"))
    }
  }

  static func read(fd: Int32?, prompt: String) throws -> Secret {
    if let fd {
      do {
        return try Secret(fileDescriptor: fd)
      } catch {
        throw SigningError.crypto(error)
      }
    }
    let tty = open("/dev/tty", O_RDWR)
    guard tty >= 0 else { throw SigningError.crypto(.fileUnreadable(path: "/dev/tty")) }
    defer { close(tty) }
    _ = prompt.withCString { write(tty, $0, strlen($0)) }
    var saved = termios()
    tcgetattr(tty, &saved)
    var silent = saved
    silent.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(tty, TCSAFLUSH, &silent)
    defer {
      tcsetattr(tty, TCSAFLUSH, &saved)
      _ = write(tty, "\n", 1)
    }
    do {
      return try Secret(fileDescriptor: tty)
    } catch {
      throw SigningError.crypto(error)
    }
  }
}
