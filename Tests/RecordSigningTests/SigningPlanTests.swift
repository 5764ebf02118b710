import HocBaModel
import HocBaSamples
import RecordSigning
import RecordXML
import Testing

/// The signing planner (domain.md §7) and the statements it writes inside the signed data.
@Suite("Signing plan")
struct SigningPlanTests {
  static let staff = [
    PlanningStaff(name: "Lê Văn Hiệu", role: .principal),
    PlanningStaff(name: "Trần Văn Thư", role: .clerk),
    PlanningStaff(name: "Đỗ Văn Minh", role: .subjectTeacher, subjects: ["toan"], active: false),
    PlanningStaff(name: "Phạm Thu Hà", role: .homeroom, subjects: ["ngu-van"]),
    PlanningStaff(name: "Phạm Thu Hà", role: .subjectTeacher, subjects: ["ngu-van"]),
  ]

  @Test("teachers still at the school, principal in place of departed ones, GVCN, principal, school last")
  func ownArchiveRequired() throws {
    let record = SampleRecords.tt22Secondary
    let plan = SigningPlan.plan(for: record, staff: Self.staff, teachers: .required)
    #expect(
      plan.steps.map(\.slot) == [.subjectTeacher(subjectCode: "ngu-van"), .homeroom, .principal, .school])
    #expect(plan.steps.allSatisfy { $0.required })
    let substitution = try #require(plan.substitution)
    #expect(substitution.signer == "Lê Văn Hiệu" && substitution.departedTeachers == ["Đỗ Văn Minh"])
    #expect(substitution.subjectCodes.contains("toan") && substitution.schoolYears == [record.schoolYear.description])
    #expect(
      plan.refusal(for: .principal, signed: []) == .waitingFor([.subjectTeacher(subjectCode: "ngu-van"), .homeroom]))
    #expect(plan.refusal(for: .homeroom, signed: [.school]) == .outOfOrder)
    #expect(
      plan.refusal(for: .school, signed: [.subjectTeacher(subjectCode: "ngu-van"), .homeroom, .principal]) == nil)
  }

  @Test("optional teacher signatures do not block the principal; gv-da-nghi subjects are substituted")
  func departedOptional() throws {
    var record = SampleRecords.tt22Secondary
    record.provenance.digitizationCase = .departedTeacherContent(subjectCodes: ["toan"])
    let plan = SigningPlan.plan(for: record, staff: Self.staff, teachers: .optional)
    #expect(plan.refusal(for: .principal, signed: []) == nil)
    #expect(plan.substitution?.subjectCodes == ["toan"])
    #expect(plan.missing([]) == [.principal, .school])
  }

  @Test("incoming transfer: principal and school, with the confirmation; statements survive XML and the XSD")
  func transfer() throws {
    var record = SampleRecords.tt22Upper
    record.provenance.digitizationCase = .incomingTransfer(originSchool: SchoolRef(name: "Trường THCS Hoa Lư"))
    let plan = SigningPlan.plan(for: record, staff: Self.staff, teachers: .required)
    #expect(plan.steps.map(\.slot) == [.principal, .school])
    #expect(plan.transferConfirmation?.clerk == "Trần Văn Thư" && plan.substitution == nil)
    let stated = plan.applyingStatements(to: record)
    let bytes = try RecordXML.export(stated)
    #expect(String(decoding: bytes, as: UTF8.self).contains("<XNChuyenDen><VanThu>Trần Văn Thư</VanThu>"))
    #expect(try RecordXML.parse(bytes, source: "test") == stated)

    var departed = SampleRecords.tt22Secondary
    departed.provenance.digitizationCase = .departedTeacherContent(subjectCodes: ["toan"])
    let withSubstitution = SigningPlan.plan(for: departed, staff: Self.staff, teachers: .optional)
      .applyingStatements(to: departed)
    #expect(try RecordXML.parse(try RecordXML.export(withSubstitution), source: "test") == withSubstitution)
  }
}
