/// Which way the review station draws snippets: the `HOCBA_SNIPPET` override, then what the environment names,
/// then the terminal's answer to the primary device attributes query, then chafa's terminal database.
public enum GraphicsDetection {
  /// The environment variable that forces a mode: `symbols`, `sixel`, `kitty` or `iterm`.
  public static let overrideVariable = "HOCBA_SNIPPET"

  /// What `HOCBA_SNIPPET` asks for.
  public enum Override: Sendable, Hashable {
    /// Not set (or empty): detect.
    case none
    /// A known mode.
    case mode(GraphicsMode)
    /// A value that names no mode (the caller warns and detects).
    case invalid(String)
  }

  /// `HOCBA_SNIPPET` read from `environment` (case-insensitive; `sixels` and `iterm2` are accepted too).
  public static func override(_ environment: [String: String]) -> Override {
    guard let raw = environment[overrideVariable]?.filter({ !$0.isWhitespace }), !raw.isEmpty else { return .none }
    switch raw.lowercased() {
    case "symbols", "symbol", "text": return .mode(.symbols)
    case "sixel", "sixels": return .mode(.sixels)
    case "kitty": return .mode(.kitty)
    case "iterm", "iterm2": return .mode(.iterm2)
    default: return .invalid(raw)
    }
  }

  /// The mode for the terminal described by `environment`, given its answer to `ESC [ c` (nil when it was not
  /// asked or did not answer). Inside tmux or screen, which do not pass pictures through, symbols unless forced.
  public static func mode(environment: [String: String], primaryAttributes: String? = nil) -> GraphicsMode {
    if case .mode(let forced) = override(environment) { return forced }
    if multiplexed(environment) { return .symbols }
    if let named = named(environment) { return named }
    if let primaryAttributes, sixelInAttributes(primaryAttributes) { return .sixels }
    return SnippetRenderer.databaseMode(environment: environment)
  }

  /// Whether asking the terminal (`ESC [ c`) can change the answer: no override, no multiplexer, no terminal
  /// known by name.
  public static func asksTerminal(_ environment: [String: String]) -> Bool {
    guard case .none = override(environment) else { return false }
    guard !multiplexed(environment), environment["TERM"] != "dumb" else { return false }
    return named(environment) == nil
  }

  /// Whether a primary device attributes answer (`ESC [ ? 62 ; 4 ; 22 c`) lists attribute 4, sixel graphics.
  public static func sixelInAttributes(_ response: String) -> Bool {
    guard let start = response.range(of: "\u{1B}[?"), let end = response[start.upperBound...].firstIndex(of: "c")
    else { return false }
    return response[start.upperBound..<end].split(separator: ";").contains("4")
  }

  /// Inside tmux or screen.
  private static func multiplexed(_ environment: [String: String]) -> Bool {
    let term = environment["TERM"] ?? ""
    return environment["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux")
  }

  /// A terminal recognised by the variables it sets.
  private static func named(_ environment: [String: String]) -> GraphicsMode? {
    let term = environment["TERM"] ?? ""
    let program = environment["TERM_PROGRAM"] ?? ""
    if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" { return .kitty }
    if program == "iTerm.app" || environment["LC_TERMINAL"] == "iTerm2" { return .iterm2 }
    if program == "WezTerm" || term == "wezterm" { return .sixels }
    if term.hasPrefix("foot") || term.hasPrefix("mlterm") || environment["MLTERM"] != nil { return .sixels }
    return nil
  }
}
