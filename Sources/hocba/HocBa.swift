import ArgumentParser

/// The `hocba` command: digitizes paper học bạ into signed học bạ số.
@main
struct HocBa: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hocba",
    abstract: help(
      "Số hoá học bạ giấy thành học bạ số: nhập, rà soát, xuất XML chuẩn.",
      "Digitize paper học bạ into học bạ số: import, review, export standard XML."),
    version: "0.1.0",
    subcommands: [
      DemoCommand.self, InitCommand.self, ImportCommand.self, CheckCommand.self, EvalCommand.self, BenchCommand.self,
      StatusCommand.self,
      ExportCommand.self, ImportXMLCommand.self,
      VerifyPackageCommand.self,
      ImportPackageCommand.self,
      StaffCommand.self, AuditCommand.self,
      SignCommand.self, VerifyCommand.self, TrustCommand.self, CorrectCommand.self,
      ReviewCommand.self, FieldsCommand.self, SetCommand.self, ApproveCommand.self, ReopenCommand.self,
      MappingCommand.self,
    ])

  /// Sets up the process environment, then parses the arguments and runs the subcommand.
  static func main() {
    OpenMPEnvironment.reexecIfNeeded()
    main(nil)
  }
}
