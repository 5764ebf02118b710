internal import CLeptonica
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Captures what the image libraries under Leptonica print ("libpng error: …", "Premature end of JPEG file")
/// while one file is decoded, so the messages can be attached to that file instead of reaching the terminal
/// unnamed. C's `stderr` stream (not file descriptor 2: hocba's own messages and progress are unaffected) points
/// at a memory stream for the duration; decodes that capture take turns, since the stream is process-wide.
enum LibraryMessages {
  /// At most this many messages are kept per file, each cut to `maximumLength` characters.
  static let maximumCount = 3
  static let maximumLength = 160

  private static let lock = NSLock()

  /// Runs `body` with C's `stderr` captured; returns its result and the distinct lines the libraries printed.
  static func capturing<T>(_ body: () throws(CaptureError) -> T) -> (
    result: Result<T, CaptureError>, messages: [String]
  ) {
    lock.lock()
    defer { lock.unlock() }
    var buffer: UnsafeMutablePointer<CChar>?
    var size = 0
    guard let stream = open_memstream(&buffer, &size) else { return (Result(catching: body), []) }
    let previous = hocba_exchange_stderr(stream)
    let result = Result(catching: body)
    _ = hocba_exchange_stderr(previous)
    fclose(stream)
    defer { free(buffer) }
    let text = buffer.map { String(cString: $0) } ?? ""
    return (result, lines(text))
  }

  /// The distinct non-empty lines of `text`, in order, bounded in number and length.
  static func lines(_ text: String) -> [String] {
    var seen: [String] = []
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = String(line.trimmingCharacters(in: .whitespaces).prefix(maximumLength))
      if !trimmed.isEmpty, !seen.contains(trimmed) { seen.append(trimmed) }
    }
    return Array(seen.prefix(maximumCount))
  }
}
