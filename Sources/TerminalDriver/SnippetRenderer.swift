internal import CChafa
import Glibc

/// An 8-bit grey picture: row-major pixels, 0 black … 255 white.
public struct GreyImage: Sendable, Hashable {
  /// Width in pixels.
  public var width: Int
  /// Height in pixels.
  public var height: Int
  /// `width × height` grey levels.
  public var pixels: [UInt8]

  /// Creates a picture; `pixels` must hold `width × height` values.
  public init(width: Int, height: Int, pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }
}

/// How a terminal can show pictures.
public enum GraphicsMode: String, Sendable, CaseIterable {
  /// The kitty graphics protocol.
  case kitty
  /// DEC sixels.
  case sixels
  /// iTerm2 inline images.
  case iterm2
  /// Unicode block symbols with colours: works everywhere.
  case symbols
}

/// Draws grey pictures with chafa, in the best mode the terminal supports.
public struct SnippetRenderer: Sendable {
  /// The drawing mode.
  public let mode: GraphicsMode
  /// The environment the terminal's escape sequences are detected from.
  private let environment: [String: String]

  /// One cell's width in pixels (10 unless the terminal said), for the pixel modes and the aspect ratio.
  public let cellWidth: Int
  /// One cell's height in pixels (20 unless the terminal said).
  public let cellHeight: Int

  /// A renderer for a terminal described by `environment`; `mode` nil detects the best mode. `cell` is the
  /// cell size in pixels when the terminal reports it (`RawTerminal.cellPixels`).
  public init(environment: [String: String], mode: GraphicsMode? = nil, cell: (width: Int, height: Int)? = nil) {
    self.environment = environment
    self.mode = mode ?? Self.detect(environment: environment)
    self.cellWidth = max(1, cell?.width ?? 10)
    self.cellHeight = max(1, cell?.height ?? 20)
  }

  /// The best mode the terminal described by `environment` supports, without asking the terminal
  /// (`GraphicsDetection.mode`).
  public static func detect(environment: [String: String]) -> GraphicsMode {
    GraphicsDetection.mode(environment: environment)
  }

  /// The mode chafa's terminal database gives for `environment` (kitty, then iTerm2, then sixels, else symbols).
  static func databaseMode(environment: [String: String]) -> GraphicsMode {
    guard let info = termInfo(environment) else { return .symbols }
    defer { chafa_term_info_unref(info) }
    if chafa_term_info_have_seq(info, CHAFA_TERM_SEQ_BEGIN_KITTY_IMMEDIATE_IMAGE_V1) != 0 { return .kitty }
    if chafa_term_info_have_seq(info, CHAFA_TERM_SEQ_BEGIN_ITERM2_IMAGE) != 0 { return .iterm2 }
    if chafa_term_info_have_seq(info, CHAFA_TERM_SEQ_BEGIN_SIXELS) != 0 { return .sixels }
    return .symbols
  }

  /// The cells (columns × rows) `image` takes when fitted into `columns × rows`, keeping its aspect ratio.
  public func fittedCells(_ image: GreyImage, columns: Int, rows: Int) -> (columns: Int, rows: Int) {
    var width = Int32(max(1, columns))
    var height = Int32(max(1, rows))
    chafa_calc_canvas_geometry(
      Int32(max(1, image.width)), Int32(max(1, image.height)), &width, &height,
      Float(cellWidth) / Float(cellHeight), 1, 0)
    return (Int(max(1, width)), Int(max(1, height)))
  }

  /// The picture fitted into `columns × rows` cells: one string per row in symbols mode, else one escape
  /// sequence to print at the top-left cell. Empty when chafa fails or the picture is empty.
  public func render(_ image: GreyImage, columns: Int, rows: Int) -> [String] {
    guard image.width > 0, image.height > 0, image.pixels.count == image.width * image.height, columns > 0,
      rows > 0, let info = Self.termInfo(environment)
    else { return [] }
    defer { chafa_term_info_unref(info) }
    if mode != .symbols, let database = chafa_term_db_get_default(),
      let fallback = chafa_term_db_get_fallback_info(database)
    {
      chafa_term_info_supplement(info, fallback)  // a forced or shortcut-detected mode still gets its sequences
      chafa_term_info_unref(fallback)
    }
    let cells = fittedCells(image, columns: columns, rows: rows)
    let symbols = chafa_symbol_map_new()
    let config = chafa_canvas_config_new()
    defer {
      chafa_canvas_config_unref(config)
      chafa_symbol_map_unref(symbols)
    }
    // Blocks (halves, quadrants, eighths) for the strokes and box-drawing lines for their thin edges: on field
    // crops this read best of the sets tried (blocks alone blur thin strokes; ASCII and half blocks add noise).
    chafa_symbol_map_add_by_tags(
      symbols,
      ChafaSymbolTags(
        CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_BORDER.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue))
    chafa_canvas_config_set_symbol_map(config, symbols)
    chafa_canvas_config_set_geometry(config, Int32(cells.columns), Int32(cells.rows))
    chafa_canvas_config_set_cell_geometry(config, Int32(cellWidth), Int32(cellHeight))
    chafa_canvas_config_set_pixel_mode(config, pixelMode)
    if mode == .symbols && !(["truecolor", "24bit"].contains(environment["COLORTERM"] ?? "")) {
      chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_INDEXED_240)
    }
    guard let canvas = chafa_canvas_new(config) else { return [] }
    defer { chafa_canvas_unref(canvas) }
    var rgba = [UInt8](repeating: 255, count: image.pixels.count * 4)
    for (index, grey) in image.pixels.enumerated() {
      rgba[index * 4] = grey
      rgba[index * 4 + 1] = grey
      rgba[index * 4 + 2] = grey
    }
    chafa_canvas_draw_all_pixels(
      canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, rgba, Int32(image.width), Int32(image.height),
      Int32(image.width * 4))
    guard let printed = chafa_canvas_print(canvas, info) else { return [] }
    let text = String(cString: printed.pointee.str)
    g_string_free(printed, 1)
    guard mode == .symbols else { return [text] }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\u{1B}[0m" }
  }

  private var pixelMode: ChafaPixelMode {
    switch mode {
    case .kitty: CHAFA_PIXEL_MODE_KITTY
    case .sixels: CHAFA_PIXEL_MODE_SIXELS
    case .iterm2: CHAFA_PIXEL_MODE_ITERM2
    case .symbols: CHAFA_PIXEL_MODE_SYMBOLS
    }
  }

  /// chafa's description of the terminal's escape sequences, detected from `environment`.
  private static func termInfo(_ environment: [String: String]) -> OpaquePointer? {
    guard let database = chafa_term_db_get_default() else { return nil }
    var entries: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") }
    entries.append(nil)
    defer { for entry in entries { free(entry) } }
    return entries.withUnsafeMutableBufferPointer { chafa_term_db_detect(database, $0.baseAddress) }
  }
}
