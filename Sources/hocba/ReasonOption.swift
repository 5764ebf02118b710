import ArgumentParser

/// `--reason TEXT`, required and not blank, for the commands that change a record (`set`, `reopen`, `correct`).
struct ReasonOption: ParsableArguments {
  @Option(help: ArgumentHelp(help("Lý do, ghi vào nhật ký.", "Why, written to the audit log."), valueName: "text"))
  var reason: String

  func validate() throws {
    if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw ValidationError(help("--reason không được để trống.", "--reason cannot be empty."))
    }
  }
}
