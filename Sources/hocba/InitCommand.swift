import ArgumentParser
import HocBaModel
import ReviewStore

/// `hocba init`: creates the database and records the school's configuration.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: help("Tạo cơ sở dữ liệu và ghi thông tin trường.", "Create the database and record the school's details.")
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(help("Tên trường, ví dụ \"Trường THCS Đại An\".", "School name."), valueName: "text"))
  var name: String

  @Option(help: ArgumentHelp(help("Mã trường (mã của Bộ GDĐT).", "School code (MOET code)."), valueName: "code"))
  var code: String

  @Option(help: ArgumentHelp(help("Tỉnh/thành phố.", "Province or city."), valueName: "text"))
  var province: String

  @Option(
    name: .customLong("signing-policy"),
    help: ArgumentHelp(
      help(
        "Chính sách ký: principal-and-school (hiệu trưởng và dấu trường) hoặc teachers-principal-school.",
        "Signing policy: principal-and-school or teachers-principal-school."),
      valueName: "policy"))
  var signingPolicy: String = SigningPolicy.principalAndSchool.rawValue

  @Option(
    help: ArgumentHelp(
      help(
        "Máy chủ dấu thời gian RFC 3161 của trường (http://…), dùng khi ký nếu không có --tsa hay HOCBA_TSA_URL.",
        "The school's RFC 3161 time-stamp authority (http://…), used by sign without --tsa or HOCBA_TSA_URL."),
      valueName: "url"))
  var tsa: String?

  func validate() throws {
    guard SigningPolicy(rawValue: signingPolicy) != nil else {
      throw ValidationError(
        help(
          "--signing-policy chỉ nhận: \(SigningPolicy.allCases.map(\.rawValue).joined(separator: ", ")).",
          "--signing-policy accepts: \(SigningPolicy.allCases.map(\.rawValue).joined(separator: ", "))."))
    }
    if let tsa, !tsa.lowercased().hasPrefix("http://") {
      throw ValidationError(
        help("--tsa chỉ nhận địa chỉ http://máy-chủ[:cổng]/đường-dẫn.", "--tsa accepts http://host[:port]/path only."))
    }
    for (flag, value) in [("--name", name), ("--code", code), ("--province", province)]
    where value.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError(help("\(flag) không được để trống.", "\(flag) must not be empty."))
    }
  }

  func run() throws {
    let language = global.language
    try reportingErrors(language) {
      let database = try global.openDatabase(create: true)
      let configuration = SchoolConfiguration(
        name: name.nfc, code: code, province: province.nfc, signingPolicy: SigningPolicy(rawValue: signingPolicy)!,
        tsaURL: tsa)
      try database.configureSchool(configuration, actor: global.actorName)
      Console.message(
        language.pick(
          "Đã ghi cấu hình trường vào \(global.databasePath).",
          "School configuration written to \(global.databasePath)."))
    }
  }
}
