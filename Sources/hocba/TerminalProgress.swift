import Foundation
import HocBaModel
import IngestPipeline

/// Shows import progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise.
final class TerminalProgress: ImportProgressReporting {
  private let language: Language
  private let interactive: Bool
  private let start = Date()
  private var lastLine = Date.distantPast

  init(language: Language) {
    self.language = language
    interactive = isatty(STDERR_FILENO) == 1
  }

  func started(totalPages: Int) {
    Console.message(language.pick("Bắt đầu nhập \(totalPages) tệp…", "Importing \(totalPages) files…"))
  }

  func pageFinished(done: Int, total: Int) {
    let elapsed = Date().timeIntervalSince(start)
    let perMinute = elapsed > 0 ? Double(done) / elapsed * 60 : 0
    let remaining = perMinute > 0 ? Double(max(total - done, 0)) / perMinute * 60 : 0
    let rate = String(format: "%.1f", perMinute).replacingOccurrences(of: ".", with: ",")
    let eta = String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60)
    if interactive {
      let width = 24
      let filled = total > 0 ? min(width, width * done / total) : 0
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      let text = language.pick(
        "\r\(bar) \(done)/\(total) trang · \(rate) trang/phút · còn \(eta) ",
        "\r\(bar) \(done)/\(total) pages · \(rate) pages/min · ETA \(eta) ")
      FileHandle.standardError.write(Data(text.utf8))
      if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    } else if done == total || Date().timeIntervalSince(lastLine) >= 5 {
      lastLine = Date()
      Console.message(
        language.pick(
          "Đã xử lý \(done)/\(total) trang (\(rate) trang/phút)", "Processed \(done)/\(total) pages (\(rate) pages/min)"
        ))
    }
  }
}
