import HocBaModel

/// Whether subject teachers still at the school sign their rows (from the school's signing policy).
public enum TeacherSignatures: String, Sendable, Codable {
  case optional
  case required
}

/// A staff member as the planner sees them: name, signing role, subjects, still at the school or not.
public struct PlanningStaff: Sendable, Hashable {
  public enum Role: Sendable, Hashable { case subjectTeacher, homeroom, principal, clerk, other }
  public var name: String
  public var role: Role
  public var subjects: [String]
  public var active: Bool

  public init(name: String, role: Role, subjects: [String] = [], active: Bool = true) {
    self.name = name.nfc
    self.role = role
    self.subjects = subjects
    self.active = active
  }
}

/// The signatures one record needs, in order (domain.md §7): subject teachers still at the school, the GVCN if
/// present, the principal (also in place of departed teachers, with the substitution stated inside the signed
/// data), the school certificate last. Incoming transfers: principal and school, with the transfer confirmation.
public struct SigningPlan: Sendable, Hashable, Codable {
  public struct Step: Sendable, Hashable, Codable {
    public var slot: SignatureSlot
    public var required: Bool
    /// The registered person expected to sign (nil for the school certificate).
    public var signer: String?
  }

  public var steps: [Step]
  public var substitution: SubstitutionStatement?
  public var transferConfirmation: TransferConfirmation?

  /// Plans `record` for the school's `staff`.
  public static func plan(
    for record: SchoolYearRecord, staff: [PlanningStaff], teachers: TeacherSignatures
  ) -> SigningPlan {
    let principal = staff.first { $0.role == .principal && $0.active }?.name
    var steps: [Step] = []
    var substitution: SubstitutionStatement?
    var confirmation: TransferConfirmation?
    switch record.provenance.digitizationCase {
    case .incomingTransfer(let origin):
      let clerk = staff.first { $0.role == .clerk && $0.active }?.name ?? ""
      confirmation = TransferConfirmation(
        clerk: clerk, principal: principal ?? "",
        statement: "Học bạ điện tử này khớp với học bạ giấy lưu trữ do \(origin.name) chuyển đến; "
          + "mã SHA-256 của từng trang quét được ghi trong NguonQuet.")
    case .ownArchive, .departedTeacherContent:
      var departedCodes: [String] = []
      if case .departedTeacherContent(let codes) = record.provenance.digitizationCase { departedCodes = codes }
      var inPlaceOf: [String] = []
      for subject in record.subjects {
        let code = subject.code
        let active = staff.first { $0.role == .subjectTeacher && $0.active && $0.subjects.contains(code) }
        if !departedCodes.contains(code), let active {
          steps.append(
            Step(slot: .subjectTeacher(subjectCode: code), required: teachers == .required, signer: active.name))
        } else if departedCodes.contains(code) || teachers == .required {
          if !departedCodes.contains(code) { departedCodes.append(code) }
          let gone = staff.filter { $0.role == .subjectTeacher && !$0.active && $0.subjects.contains(code) }
          inPlaceOf += gone.map(\.name).filter { !inPlaceOf.contains($0) }
        }
      }
      if !departedCodes.isEmpty {
        substitution = SubstitutionStatement(
          signer: principal ?? "", departedTeachers: inPlaceOf, subjectCodes: departedCodes,
          schoolYears: [record.schoolYear.description],
          reason: "Giáo viên phụ trách không còn công tác tại trường; nhân viên học vụ đã rà soát, "
            + "hiệu trưởng ký thay và chịu trách nhiệm về tính chính xác (Điều 18.7).")
      }
      if let homeroom = record.homeroomTeacher?.nfc,
        let member = staff.first(where: { $0.role == .homeroom && $0.active && $0.name == homeroom })
      {
        steps.append(Step(slot: .homeroom, required: teachers == .required, signer: member.name))
      }
    }
    steps.append(Step(slot: .principal, required: true, signer: principal))
    steps.append(Step(slot: .school, required: true, signer: nil))
    return SigningPlan(steps: steps, substitution: substitution, transferConfirmation: confirmation)
  }

  /// `record` with the plan's statements written into its provenance (before the first signature).
  public func applyingStatements(to record: SchoolYearRecord) -> SchoolYearRecord {
    var record = record
    record.provenance.substitution = substitution
    record.provenance.transferConfirmation = transferConfirmation
    return record
  }

  /// Whether the record's statements are those of the plan.
  public func statementsMatch(_ record: SchoolYearRecord) -> Bool {
    record.provenance.substitution == substitution && record.provenance.transferConfirmation == transferConfirmation
  }

  /// Why `slot` cannot be signed now, given the slots already signed; nil when it can.
  public func refusal(for slot: SignatureSlot, signed: [SignatureSlot]) -> PlanRefusal? {
    guard let index = steps.firstIndex(where: { $0.slot == slot }) else { return .notInPlan }
    if signed.contains(slot) { return .alreadySigned }
    let later = steps[(index + 1)...].map(\.slot)
    if signed.contains(where: later.contains) { return .outOfOrder }
    let missing = steps[..<index].filter { $0.required && !signed.contains($0.slot) }.map(\.slot)
    return missing.isEmpty ? nil : .waitingFor(missing)
  }

  /// The required slots not in `signed`.
  public func missing(_ signed: [SignatureSlot]) -> [SignatureSlot] {
    steps.filter { $0.required && !signed.contains($0.slot) }.map(\.slot)
  }
}

/// Why the plan does not allow a signature now.
public enum PlanRefusal: Sendable, Hashable {
  case notInPlan
  case alreadySigned
  case outOfOrder
  case waitingFor([SignatureSlot])

  public func message(in language: Language) -> String {
    switch self {
    case .notInPlan:
      language.pick("Hồ sơ không cần chữ ký ở vị trí này.", "The record needs no signature in this slot.")
    case .alreadySigned: language.pick("Vị trí này đã được ký.", "This slot is already signed.")
    case .outOfOrder:
      language.pick("Đã có chữ ký của người ký sau: sai thứ tự ký.", "A later signer already signed: wrong order.")
    case .waitingFor(let slots):
      language.pick("Còn chờ chữ ký: ", "Still waiting for: ") + slots.map(\.signatureID).joined(separator: ", ")
    }
  }
}

extension RecordSigner {
  /// The slots that already hold a signature in `xml`, in document order.
  public static func signedSlots(_ xml: [UInt8]) throws(SigningError) -> [SignatureSlot] {
    try XMLSecRuntime.start()
    let tree = try XMLTree.parse(xml)
    let list = try RecordLayout.signatureList(in: tree)
    return RecordLayout.slots(in: list).filter { $0.signature != nil }.compactMap(\.slot)
  }
}
