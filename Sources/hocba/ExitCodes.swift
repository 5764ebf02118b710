import ArgumentParser
import HocBaModel

/// The published exit codes of `hocba` (README "Exit codes"). The only place codes are chosen.
enum ExitCodes {
  static let success: Int32 = 0
  static let completedWithProblems: Int32 = 2
  static let integrityFailure: Int32 = 3
  static let usage: Int32 = 64
  static let invalidInput: Int32 = 65
  static let notFound: Int32 = 66
  static let internalError: Int32 = 70
  static let ioError: Int32 = 74
  static let refused: Int32 = 77

  /// The exit code for a kind of library error.
  static func code(for kind: ErrorKind) -> Int32 {
    switch kind {
    case .usage: usage
    case .invalidInput: invalidInput
    case .notFound: notFound
    case .refused: refused
    case .integrity: integrityFailure
    case .io: ioError
    case .internal: internalError
    }
  }
}

/// Runs a command body, turning a library error into a message on stderr and its published exit code.
func reportingErrors(_ language: Language, _ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as any HocBaError {
    Console.error(error.message(in: language))
    throw ExitCode(ExitCodes.code(for: error.kind))
  } catch let error as ExitCode {
    throw error
  } catch {
    Console.error(
      language.pick(
        "Lỗi không mong đợi (\(type(of: error))). Hãy báo cho bộ phận kỹ thuật, kèm lệnh vừa chạy.",
        "Unexpected error (\(type(of: error))). Please report it with the command you ran."))
    throw ExitCode(ExitCodes.internalError)
  }
}
