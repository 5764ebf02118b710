import Glibc
import ReviewUI

/// Runs a review session in a terminal: reads keys, updates the core, performs its effects, repaints.
public struct TerminalRunner {
  private let terminal: RawTerminal
  private var painter: ScreenPainter
  private var decoder = KeyDecoder()
  /// Draws the current field's snippet after each frame; nil draws none (`--no-images`).
  public var snippets: SnippetDrawer?

  /// Creates a runner on a terminal; `attributes` false draws without reverse video or colours.
  public init(terminal: RawTerminal, attributes: Bool) {
    self.terminal = terminal
    self.painter = ScreenPainter(attributes: attributes)
  }

  /// Runs until the reviewer quits or a stop signal arrives; returns the exit status (128 + signal).
  ///
  /// `perform` executes one effect and returns the resulting messages; `idle` runs about once a second
  /// (claim renewal) and may return messages too. The terminal is restored before returning.
  public mutating func run(
    _ model: inout ReviewModel, perform: (ReviewEffect) -> [ReviewMessage], idle: () -> [ReviewMessage]
  ) throws(TerminalError) -> Int32 {
    try terminal.enter()
    defer { terminal.restore() }
    var lastIdle = Self.now()
    func dispatch(_ effects: [ReviewEffect], _ model: inout ReviewModel) {
      var queue = effects
      while !queue.isEmpty {
        let effect = queue.removeFirst()
        for message in perform(effect) { queue += model.update(message, now: Self.now()) }
      }
    }
    dispatch(model.start(), &model)
    while !model.isFinished {
      if terminal.takeResize() { painter.invalidate() }
      let screen = model.render(size: terminal.size)
      if var drawer = snippets {
        let retired = drawer.retire(before: screen.snippet)
        terminal.write(retired.output)
        painter.invalidate(rows: retired.rows)
        snippets = drawer
      }
      terminal.write(painter.paint(screen))
      if var drawer = snippets {
        terminal.write(drawer.update(screen.snippet, repaintedRows: painter.repaintedRows))
        snippets = drawer
      }
      let bytes = terminal.read(timeout: decoder.hasPending ? 50 : 1000)
      if let signal = terminal.takeStopSignal() {
        _ = perform(.quit)
        return 128 + signal
      }
      let keys = bytes.isEmpty ? decoder.flush() : decoder.feed(bytes)
      for key in keys {
        dispatch(model.update(.key(key), now: Self.now()), &model)
        if model.isFinished { break }
      }
      if Self.now() - lastIdle >= 1 {
        lastIdle = Self.now()
        for message in idle() { dispatch(model.update(message, now: Self.now()), &model) }
      }
    }
    return 0
  }

  /// Monotonic seconds.
  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
