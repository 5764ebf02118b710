import Foundation
import ScanCapture
import TerminalDriver

/// Reads field crops for `hocba review` from the work folder beside the database (`<name>.work/`).
enum SnippetLoading {
  /// A drawer for the terminal described by the environment (cells of `cell` pixels when known), reading
  /// crops beside `databasePath`.
  static func drawer(databasePath: String, cell: (width: Int, height: Int)?) -> SnippetDrawer {
    let environment = ProcessInfo.processInfo.environment
    let workFolder = URL(fileURLWithPath: databasePath).deletingPathExtension().appendingPathExtension("work")
    return SnippetDrawer(renderer: SnippetRenderer(environment: environment, cell: cell)) {
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
