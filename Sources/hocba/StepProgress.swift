import Foundation
import HocBaModel

/// Progress of a counted job (packaging, verifying a package) on stderr: the bar TerminalProgress draws on a
/// terminal, a plain line at most every 5 seconds otherwise.
final class StepProgress {
  private let language: Language
  private let total: Int
  private let title: (vietnamese: String, english: String)
  private let interactive = isatty(STDERR_FILENO) == 1
  private var lastLine = Date()

  init(language: Language, total: Int, title: (String, String)) {
    self.language = language
    self.total = total
    self.title = title
  }

  func advance(to done: Int) {
    let name = language.pick(title.vietnamese, title.english)
    if interactive {
      let width = 24
      let filled = total > 0 ? min(width, width * done / total) : width
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      FileHandle.standardError.write(Data("\r\(name) \(bar) \(done)/\(total) ".utf8))
      if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    } else if done == total || Date().timeIntervalSince(lastLine) >= 5 {
      lastLine = Date()
      Console.message("\(name): \(done)/\(total)")
    }
  }
}
