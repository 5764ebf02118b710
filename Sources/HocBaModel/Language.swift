/// The language of user-facing messages: Vietnamese by default, English on request.
public enum Language: String, Sendable, CaseIterable {
  case vietnamese = "vi"
  case english = "en"

  /// Picks the language from an explicit flag, else from the `LANG` / `LC_ALL` environment, else Vietnamese.
  public static func resolve(flag: String?, environment: [String: String]) -> Language {
    if let flag, let language = Language(rawValue: flag.lowercased()) { return language }
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty {
        return value.lowercased().hasPrefix("en") ? .english : .vietnamese
      }
    }
    return .vietnamese
  }

  /// Chooses between a Vietnamese and an English text.
  public func pick(_ vietnamese: String, _ english: String) -> String {
    self == .vietnamese ? vietnamese : english
  }
}

/// What kind of failure an error is; the executable maps each kind to one published exit code.
public enum ErrorKind: Sendable, Equatable {
  /// The user's input (a file, a value) is invalid.
  case invalidInput
  /// A named file, record or database does not exist.
  case notFound
  /// The operation is not allowed in the current state (a sealed record, a forbidden transition).
  case refused
  /// Stored data failed an integrity check (the audit chain).
  case integrity
  /// Reading or writing a file or the database failed.
  case io
  /// A bug or an impossible state inside hocba.
  case `internal`
  /// The command was asked for something that cannot be done as asked (an empty input folder).
  case usage
}

/// An error that can explain itself to a school's staff in their language, without student data.
public protocol HocBaError: Error, Sendable {
  /// The failure category that decides the exit code.
  var kind: ErrorKind { get }
  /// What failed, where, and what to do, in the given language. Never contains student data.
  func message(in language: Language) -> String
}
