import Glibc
import ReviewUI

/// The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP), 0 for none; set by the handler.
nonisolated(unsafe) private var stopSignal: sig_atomic_t = 0
/// Set by the SIGWINCH handler.
nonisolated(unsafe) private var resized: sig_atomic_t = 0

/// The terminal in raw mode on the alternate screen; `restore()` puts back exactly what was there.
public final class RawTerminal {
  private let input: Int32
  private let output: Int32
  private var saved = termios()
  private var active = false

  /// Uses the given descriptors (standard input and output by default).
  public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
    self.input = input
    self.output = output
  }

  /// Whether the input is a terminal.
  public var isTerminal: Bool { isatty(input) == 1 }

  /// Switches to raw mode and the alternate screen and installs the signal handlers.
  public func enter() throws(TerminalError) {
    guard tcgetattr(input, &saved) == 0 else { throw .notATerminal }
    var raw = saved
    cfmakeraw(&raw)
    raw.c_oflag |= tcflag_t(OPOST | ONLCR)
    guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else { throw .notATerminal }
    active = true
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      install(signal) { stopSignal = $0 }
    }
    install(SIGWINCH) { _ in resized = 1 }
    write("\u{1B}[?1049h\u{1B}[H\u{1B}[2J")
  }

  /// Restores the saved mode and the main screen, and shows the cursor; safe to call twice.
  public func restore() {
    guard active else { return }
    active = false
    write("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l")
    _ = tcsetattr(input, TCSAFLUSH, &saved)
  }

  deinit { restore() }

  /// The terminal size, or 80×24 when it cannot be read.
  public var size: TerminalSize {
    var window = winsize()
    guard ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else {
      return TerminalSize(columns: 80, rows: 24)
    }
    return TerminalSize(columns: Int(window.ws_col), rows: Int(window.ws_row))
  }

  /// One cell's size in pixels, when the terminal reports its pixel size (nil otherwise).
  public var cellPixels: (width: Int, height: Int)? {
    var window = winsize()
    guard ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0,
      window.ws_xpixel > 0, window.ws_ypixel > 0
    else { return nil }
    return (Int(window.ws_xpixel) / Int(window.ws_col), Int(window.ws_ypixel) / Int(window.ws_row))
  }

  /// The terminal's answer to the primary device attributes query (`ESC [ c`), such as `ESC [ ? 62 ; 4 c`, or nil
  /// when none came within `milliseconds`. Call before `enter()`: the terminal is raw only for the query.
  public func primaryDeviceAttributes(timeout milliseconds: Int32 = 300) -> String? {
    var original = termios()
    guard tcgetattr(input, &original) == 0 else { return nil }
    var raw = original
    cfmakeraw(&raw)
    guard tcsetattr(input, TCSANOW, &raw) == 0 else { return nil }
    defer { _ = tcsetattr(input, TCSANOW, &original) }
    write("\u{1B}[c")
    var answer: [UInt8] = []
    let deadline = TerminalRunner.now() + Double(milliseconds) / 1000
    while answer.last != UInt8(ascii: "c") || !answer.contains(UInt8(ascii: "?")), answer.count < 256 {
      let left = Int32((deadline - TerminalRunner.now()) * 1000)
      guard left > 0 else { return nil }
      let bytes = read(timeout: left)
      if bytes.isEmpty, TerminalRunner.now() >= deadline { return nil }
      answer += bytes
    }
    return String(decoding: answer, as: UTF8.self)
  }

  /// Writes text to the terminal.
  public func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { Glibc.write(output, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Waits up to `milliseconds` for input and returns what was read (empty on timeout or a signal).
  public func read(timeout milliseconds: Int32) -> [UInt8] {
    var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, milliseconds) > 0 else { return [] }
    var buffer = [UInt8](repeating: 0, count: 1024)
    let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
    if count == 0 { stopSignal = SIGHUP }  // the terminal went away
    return count > 0 ? Array(buffer[..<count]) : []
  }

  /// The stop signal received since the last call, or nil.
  public func takeStopSignal() -> Int32? {
    stopSignal == 0 ? nil : stopSignal
  }

  /// Whether the window was resized since the last call.
  public func takeResize() -> Bool {
    defer { resized = 0 }
    return resized != 0
  }

  private func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(signal, &action, nil)
  }
}

/// Why the terminal cannot be used.
public enum TerminalError: Error, Sendable {
  /// Standard input is not a terminal.
  case notATerminal
}
