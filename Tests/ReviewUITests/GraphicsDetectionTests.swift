import TerminalDriver
import Testing

/// Issue 19 item 5: which way snippets are drawn, from HOCBA_SNIPPET, the environment and the terminal's answer.
struct GraphicsDetectionTests {
  static let xterm = ["TERM": "xterm-256color"]

  @Test(arguments: [
    (["TERM": "xterm-kitty"], GraphicsMode.kitty), (["TERM": "xterm-256color", "KITTY_WINDOW_ID": "3"], .kitty),
    (["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"], .iterm2),
    (["TERM": "xterm-256color", "LC_TERMINAL": "iTerm2"], .iterm2),
    (["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], .sixels), (["TERM": "foot"], .sixels),
    (["TERM": "foot-extra"], .sixels), (["TERM": "mlterm"], .sixels), (["TERM": "dumb"], .symbols),
    (["TERM": "xterm-kitty", "TMUX": "/tmp/tmux-0/default,1,0"], .symbols), (["TERM": "screen-256color"], .symbols),
    (["TERM": "tmux-256color", "KITTY_WINDOW_ID": "1"], .symbols),
  ])
  func theEnvironmentNamesTheTerminal(environment: [String: String], expected: GraphicsMode) {
    #expect(GraphicsDetection.mode(environment: environment) == expected, "\(environment)")
  }

  @Test func theOverrideWinsOverEverythingAndUnknownValuesAreReported() {
    let cases: [(String, GraphicsMode)] = [
      ("symbols", .symbols), ("sixel", .sixels), ("SIXELS", .sixels), ("kitty", .kitty), ("iterm", .iterm2),
      (" iterm2 ", .iterm2),
    ]
    for (value, mode) in cases {
      let environment = ["TERM": "xterm-kitty", "TMUX": "/tmp/t", "HOCBA_SNIPPET": value]
      #expect(GraphicsDetection.override(environment) == .mode(mode), "\(value)")
      #expect(GraphicsDetection.mode(environment: environment) == mode, "\(value)")
      #expect(!GraphicsDetection.asksTerminal(environment), "a forced mode asks nothing")
    }
    let symbols = ["TERM": "xterm-kitty", "HOCBA_SNIPPET": "symbols"]
    #expect(GraphicsDetection.mode(environment: symbols, primaryAttributes: "\u{1B}[?62;4c") == .symbols)
    let unknown = ["TERM": "xterm-kitty", "HOCBA_SNIPPET": "ascii-art"]
    #expect(GraphicsDetection.override(unknown) == .invalid("ascii-art"))
    #expect(GraphicsDetection.mode(environment: unknown) == .kitty, "an unknown value detects")
    #expect(
      GraphicsDetection.override(Self.xterm) == .none && GraphicsDetection.override(["HOCBA_SNIPPET": ""]) == .none)
  }

  @Test func aDeviceAttributesAnswerListingFourMeansSixels() {
    #expect(GraphicsDetection.sixelInAttributes("\u{1B}[?62;4;22c"))
    #expect(GraphicsDetection.sixelInAttributes("\u{1B}[?63;1;2;4;6;9;15;22c"))
    #expect(GraphicsDetection.sixelInAttributes("\u{1B}[?4c"))
    #expect(!GraphicsDetection.sixelInAttributes("\u{1B}[?64;1;2;6;9;15;18;21;22c"), "xterm without sixels")
    #expect(!GraphicsDetection.sixelInAttributes("\u{1B}[?62;42;44c"), "42 is not 4")
    #expect(!GraphicsDetection.sixelInAttributes("62;4c"), "not an answer")
    #expect(!GraphicsDetection.sixelInAttributes("\u{1B}[?62;4"), "cut before its end")
    #expect(GraphicsDetection.mode(environment: Self.xterm, primaryAttributes: "\u{1B}[?62;4;22c") == .sixels)
    #expect(GraphicsDetection.mode(environment: Self.xterm, primaryAttributes: "\u{1B}[?64;1;2;22c") == .symbols)
    #expect(GraphicsDetection.mode(environment: Self.xterm, primaryAttributes: nil) == .symbols)
  }

  @Test func theTerminalIsAskedOnlyWhenItsAnswerCanMatter() {
    #expect(GraphicsDetection.asksTerminal(Self.xterm))
    #expect(!GraphicsDetection.asksTerminal(["TERM": "xterm-kitty"]), "known by name")
    #expect(!GraphicsDetection.asksTerminal(["TERM": "foot"]))
    #expect(!GraphicsDetection.asksTerminal(["TERM": "xterm-256color", "TMUX": "/tmp/t"]), "tmux passes no pictures")
    #expect(!GraphicsDetection.asksTerminal(["TERM": "dumb"]))
  }
}
