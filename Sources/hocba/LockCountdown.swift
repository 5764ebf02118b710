import Foundation
import HocBaModel
import ReviewStore

/// Renders the wait for another program's database lock on stderr: a countdown line redrawn on a terminal,
/// a line every 5 seconds otherwise. The wait itself is the library's (`LockWait`); this only draws it.
enum LockCountdown {
  /// The longest wait: `HOCBA_LOCK_WAIT` seconds if set, else 30.
  static func seconds(environment: [String: String]) -> Int {
    environment["HOCBA_LOCK_WAIT"].flatMap { Int($0) }.map { max(0, $0) } ?? 30
  }

  /// A lock wait of `seconds` that reports in `language`, naming the database `path`.
  static func lockWait(seconds: Int, path: String, language: Language) -> LockWait {
    let interactive = isatty(STDERR_FILENO) == 1
    return LockWait(seconds: seconds) { left in
      let text = language.pick(
        "Cơ sở dữ liệu \(path) đang bị một chương trình khác khoá ghi: chờ thêm \(left) giây…",
        "The database \(path) is locked by another program: waiting \(left) more s…")
      if interactive {
        // Each tick rewrites the line above and ends with a newline: whatever hocba prints next starts clean.
        let rewrite = left == seconds ? "" : "\u{1B}[1A\r\u{1B}[K"
        FileHandle.standardError.write(Data((rewrite + text + "\n").utf8))
      } else if left == seconds || left % 5 == 0 || left <= 3 {
        Console.message(text)
      }
    }
  }
}
