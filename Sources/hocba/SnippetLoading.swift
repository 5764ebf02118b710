import Foundation
import HocBaModel
import ScanCapture
import TerminalDriver

/// Reads field crops for `hocba review` from the work folder beside the database (`<name>.work/`).
enum SnippetLoading {
  /// A drawer for `terminal` (its mode from `HOCBA_SNIPPET`, the environment or the terminal's answer to a
  /// device attributes query), reading crops beside `databasePath`. Warns about an unknown `HOCBA_SNIPPET`.
  static func drawer(databasePath: String, terminal: RawTerminal, language: Language) -> SnippetDrawer {
    let environment = ProcessInfo.processInfo.environment
    if case .invalid(let value) = GraphicsDetection.override(environment) {
      Console.message(
        language.pick(
          "\(GraphicsDetection.overrideVariable)=\(value) không rõ (symbols, sixel, kitty hoặc iterm): tự nhận biết.",
          "\(GraphicsDetection.overrideVariable)=\(value) is unknown (symbols, sixel, kitty or iterm): detecting."))
    }
    let attributes = GraphicsDetection.asksTerminal(environment) ? terminal.primaryDeviceAttributes() : nil
    let mode = GraphicsDetection.mode(environment: environment, primaryAttributes: attributes)
    let workFolder = URL(fileURLWithPath: databasePath).deletingPathExtension().appendingPathExtension("work")
    let renderer = SnippetRenderer(environment: environment, mode: mode, cell: terminal.cellPixels)
    return SnippetDrawer(renderer: renderer) {
      cropPath, maxWidth, maxHeight in
      load(cropPath, in: workFolder, maxWidth: maxWidth, maxHeight: maxHeight)
    }
  }

  /// The crop at `cropPath` (relative to `workFolder`, never outside it) as grey pixels, or nil.
  static func load(_ cropPath: String, in workFolder: URL, maxWidth: Int, maxHeight: Int) -> GreyImage? {
    guard !cropPath.hasPrefix("/"), !cropPath.split(separator: "/").contains("..") else { return nil }
    let url = workFolder.appendingPathComponent(cropPath)
    guard let image = try? PageImage.load(png: url),
      let grey = image.greyPixels(fittingWidth: maxWidth, height: maxHeight)
    else { return nil }
    return GreyImage(width: grey.width, height: grey.height, pixels: grey.pixels)
  }
}
