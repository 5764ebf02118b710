import HocBaModel

/// A certificate registered for a staff member (the binding `hocba staff certificate` makes).
public struct RegisteredSigner: Sendable, Hashable {
  public var name: String
  public var role: PlanningStaff.Role
  public var subjects: [String]
  /// SHA-256 of the certificate's DER, lowercase hex.
  public var fingerprint: String

  public init(name: String, role: PlanningStaff.Role, subjects: [String], fingerprint: String) {
    self.name = name.nfc
    self.role = role
    self.subjects = subjects
    self.fingerprint = fingerprint
  }

  /// Whether this registration may sign `slot`: subject teacher of that subject, GVCN, principal, or the school
  /// certificate held by văn thư.
  public func may(sign slot: SignatureSlot) -> Bool {
    switch slot {
    case .subjectTeacher(let code): role == .subjectTeacher && subjects.contains(code)
    case .homeroom: role == .homeroom
    case .principal: role == .principal
    case .school: role == .clerk
    }
  }
}

/// A failure of hocba's signing policy (on top of the Điều 15 checks of each signature).
public enum PolicyFinding: Sendable, Hashable, Codable {
  /// A required signature is absent or not valid.
  case missingSignature(String)
  /// The certificate is registered for nobody.
  case signerNotRegistered(String)
  /// The certificate is registered for someone who may not sign this slot.
  case wrongRole(String, registered: String)
  /// The school signature does not cover every other signature (or is not valid).
  case notSealed
  /// The principal signs for departed teachers but the signed data states no substitution.
  case substitutionNotStated

  public func message(in language: Language) -> String {
    switch self {
    case .missingSignature(let id):
      language.pick("Thiếu chữ ký hợp lệ bắt buộc: \(id).", "A required valid signature is missing: \(id).")
    case .signerNotRegistered(let id):
      language.pick(
        "\(id): chứng thư số không được đăng ký cho cán bộ nào của trường.",
        "\(id): the certificate is not registered for any staff member.")
    case .wrongRole(let id, let name):
      language.pick(
        "\(id): chứng thư số đăng ký cho \(name), người không có vai trò ký ở vị trí này.",
        "\(id): the certificate is registered for \(name), who does not hold this signing role.")
    case .notSealed:
      language.pick(
        "Chữ ký của đơn vị không niêm phong toàn bộ các chữ ký khác.",
        "The school signature does not seal every other signature.")
    case .substitutionNotStated:
      language.pick(
        "Hiệu trưởng ký thay giáo viên đã nghỉ nhưng dữ liệu đã ký không ghi việc ký thay.",
        "The principal signs for departed teachers but the signed data does not state it.")
    }
  }
}

extension SigningPlan {
  /// Checks a verified record against the plan: required signatures present and valid, each signer registered
  /// for the slot's role, the school signature over every other signature, statements inside the data.
  public func check(
    _ report: VerificationReport, record: SchoolYearRecord, registered: [RegisteredSigner]
  ) -> [PolicyFinding] {
    var findings: [PolicyFinding] = []
    let valid = report.signatures.filter { $0.verdict == .valid }
    for slot in missing(valid.compactMap(\.slot)) { findings.append(.missingSignature(slot.signatureID)) }
    for signature in report.signatures {
      guard let slot = signature.slot, let fingerprint = signature.certificateFingerprint else { continue }
      let id = signature.id ?? slot.signatureID
      let owners = registered.filter { $0.fingerprint == fingerprint }
      if owners.isEmpty {
        findings.append(.signerNotRegistered(id))
      } else if !owners.contains(where: { $0.may(sign: slot) }) {
        findings.append(.wrongRole(id, registered: owners[0].name))
      }
    }
    if let seal = report.signatures.first(where: { $0.slot == .school }), seal.verdict == .valid {
      let others = report.signatures.filter { $0.slot != .school }.compactMap(\.id).map { "#\($0)" }
      if !others.allSatisfy(seal.verifiedReferences.contains) || !seal.verifiedReferences.contains("#data") {
        findings.append(.notSealed)
      }
    } else {
      findings.append(.notSealed)
    }
    if substitution != nil && record.provenance.substitution == nil { findings.append(.substitutionNotStated) }
    return findings
  }
}
