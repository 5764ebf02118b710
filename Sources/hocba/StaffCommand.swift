import ArgumentParser
import Foundation
import HocBaModel
import RecordSigning
import ReviewStore

/// `hocba staff`: the registry of staff who review and sign.
struct StaffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "staff",
    abstract: help("Danh sách cán bộ, giáo viên (vai trò, môn, còn công tác hay đã nghỉ).", "The staff registry."),
    subcommands: [Add.self, List.self, Depart.self, CertificateCommand.self])

  /// `hocba staff add`: registers a staff member.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: help("Thêm một cán bộ, giáo viên.", "Register a staff member."))

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(help("Họ và tên.", "Full name."), valueName: "text"))
    var name: String

    @Option(
      help: ArgumentHelp(
        help(
          "Vai trò: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).",
          "Role: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))."),
        valueName: "role"))
    var role: String

    @Option(
      help: ArgumentHelp(
        help("Mã môn dạy, cách nhau bằng dấu phẩy (ví dụ toan,tin-hoc).", "Subject codes, comma-separated."),
        valueName: "codes"))
    var subjects: String = ""

    @Option(
      help: ArgumentHelp(
        help("Chứng thư số người này dùng để ký (PEM/DER).", "The certificate this person signs with (PEM/DER)."),
        valueName: "file"))
    var certificate: String?

    func validate() throws {
      guard StaffRole(rawValue: role) != nil else {
        throw ValidationError(
          help(
            "Vai trò không hợp lệ. Chọn một trong: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).",
            "Unknown role. Choose one of: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))."))
      }
    }

    func run() throws {
      let language = global.language
      try reportingErrors(language) {
        let database = try global.openDatabase()
        let codes = subjects.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        let id = try database.addStaff(
          StaffMember(fullName: name.nfc, role: StaffRole(rawValue: role)!, subjects: codes), actor: global.actorName)
        if let certificate {
          try database.bindCertificate(staffID: id, try CertificateCommand.load(certificate), actor: global.actorName)
        }
        Console.output("\(id)")
      }
    }
  }

  /// `hocba staff list`: prints the registry.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: help("Liệt kê cán bộ, giáo viên.", "List the staff."))

    @OptionGroup var global: GlobalOptions

    func run() throws {
      let language = global.language
      try reportingErrors(language) {
        for member in try global.openDatabase().staff() {
          let state =
            member.active
            ? language.pick("đang công tác", "active")
            : language.pick(
              "đã nghỉ từ \(member.departedOn?.description ?? "?")", "left on \(member.departedOn?.description ?? "?")")
          Console.output(
            "\(member.id ?? 0)\t\(member.fullName)\t\(member.role.rawValue)\t\(member.subjects.joined(separator: ","))\t\(state)"
          )
        }
      }
    }
  }

  /// `hocba staff certificate ID FILE`: registers the certificate a staff member signs with, in their role.
  struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "certificate",
      abstract: help(
        "Đăng ký chứng thư số mà cán bộ dùng để ký (văn thư: chứng thư của đơn vị).",
        "Register the certificate a staff member signs with (clerk: the school certificate)."))

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(help("Số của cán bộ.", "Staff number."), valueName: "id"))
    var id: Int64

    @Argument(help: ArgumentHelp(help("Tệp chứng thư số (PEM/DER).", "Certificate file (PEM/DER)."), valueName: "file"))
    var file: String

    func run() throws {
      try reportingErrors(global.language) {
        let certificate = try Self.load(file)
        try global.openDatabase().bindCertificate(staffID: id, certificate, actor: global.actorName)
        Console.output("\(certificate.subject)\t\(certificate.serialNumber)\t\(certificate.issuer)")
      }
    }

    /// The first certificate of a PEM or DER file.
    static func load(_ path: String) throws -> Certificate {
      guard FileManager.default.fileExists(atPath: path) else { throw CommandError.fileMissing(path: path) }
      let certificates: [Certificate]
      do {
        certificates = try Certificate.load(file: URL(fileURLWithPath: path))
      } catch {
        throw SigningError.crypto(error)
      }
      guard let first = certificates.first else { throw SigningError.crypto(.certificateUnreadable(detail: "empty")) }
      return first
    }
  }

  /// `hocba staff depart`: records that a staff member left the school on a date.
  struct Depart: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: help("Ghi nhận giáo viên đã nghỉ/chuyển công tác từ một ngày.", "Record that a staff member left."))

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(help("Số của cán bộ (xem \"hocba staff list\").", "Staff number."), valueName: "id"))
    var id: Int64

    @Option(help: ArgumentHelp(help("Ngày nghỉ, dd/mm/yyyy.", "Date of leaving, dd/mm/yyyy."), valueName: "date"))
    var on: String

    func validate() throws {
      guard CalendarDate(parsing: on) != nil else {
        throw ValidationError(
          help("--on phải là ngày hợp lệ dạng dd/mm/yyyy.", "--on must be a valid date dd/mm/yyyy."))
      }
    }

    func run() throws {
      let language = global.language
      try reportingErrors(language) {
        try global.openDatabase().markDeparted(staffID: id, on: CalendarDate(parsing: on)!, actor: global.actorName)
      }
    }
  }
}
