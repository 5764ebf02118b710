import Foundation

/// Rasterises a PDF with poppler's command-line tools: `pdfinfo` for the page count, sizes and encryption,
/// then `pdftoppm -r 300 -png` on a private copy of the hashed bytes, into a temporary folder that is always removed. Pages without colour are kept as
/// 8-bit grey; pages with colour (red corrections, seals) stay RGB so that the red ink can be split off.
struct PDFRasterizer {
  let file: String
  let limits: LoadLimits

  /// Every page at `PageLoader.pdfResolution` dpi: 8-bit grey, or 32-bit RGB when the page has colour.
  /// `bytes` (the file as hashed) is what poppler reads, from a private copy. Pages poppler cannot render are
  /// named in the returned `incompleteFile` problem when at least one page could be read.
  func pages(_ bytes: [UInt8]) throws(CaptureError) -> ([LoadedPage], CaptureError?) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-pdf-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    } catch {
      throw .unreadable(file: folder.path, reason: "cannot create a temporary folder")
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("input.pdf")
    guard FileManager.default.createFile(atPath: copy.path, contents: Data(bytes)) else {
      throw .unreadable(file: folder.path, reason: "cannot write a temporary copy")
    }
    let sizes = try pageSizes(copy.path)
    let dpi = Double(PageLoader.pdfResolution)
    for (index, size) in sizes.enumerated() {
      let width = Int((size.width / 72 * dpi).rounded(.up))
      let height = Int((size.height / 72 * dpi).rounded(.up))
      try PageLoader.check(width: width, height: height, name: file, page: index + 1, limits: limits)
    }
    let result = try run(
      "pdftoppm", ["-r", String(PageLoader.pdfResolution), "-png", copy.path, folder.appendingPathComponent("p").path])
    // pdftoppm names pages p-1.png … or p-01.png … depending on the page count.
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let numbered = names.compactMap { name -> (Int, String)? in
      guard name.hasPrefix("p-"), name.hasSuffix(".png"), let n = Int(name.dropFirst(2).dropLast(4)) else { return nil }
      return (n, name)
    }.sorted { $0.0 < $1.0 }
    guard result.status == 0 || !numbered.isEmpty else { throw classify(result.errorText) }
    var pages: [LoadedPage] = []
    var damaged: [Int] = []
    for number in 1...sizes.count {
      guard let name = numbered.first(where: { $0.0 == number })?.1,
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
        var image = try? PageLoader.decodeSingle(Array(data), name: file, page: number, limits: limits)
      else {
        damaged.append(number)
        continue
      }
      if image.depth != 8 && !image.hasColour { image = try image.grey8() }
      if image.resolution == 0 { image.setResolution(PageLoader.pdfResolution) }
      pages.append(LoadedPage(image: image, pageNumber: number))
    }
    guard !damaged.isEmpty else { return (pages, nil) }
    guard !pages.isEmpty else {
      throw .pdfRenderFailed(file: file, page: nil, detail: "pdftoppm wrote 0 of \(sizes.count) pages")
    }
    return (
      pages, .incompleteFile(file: file, damagedPages: damaged, pageCount: sizes.count, keptPages: pages.count)
    )
  }

  /// Page sizes in points from `pdfinfo -f 1 -l N`.
  private func pageSizes(_ path: String) throws(CaptureError) -> [(width: Double, height: Double)] {
    let summary = try run("pdfinfo", [path])
    guard summary.status == 0 else { throw classify(summary.errorText) }
    guard let countLine = summary.output.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
      let count = Int(countLine.dropFirst(6).trimmingCharacters(in: .whitespaces))
    else { throw .pdfRenderFailed(file: file, page: nil, detail: "pdfinfo gave no page count") }
    guard count > 0 else { throw .pdfWithoutPages(file: file) }
    guard count <= limits.maximumPages else {
      throw .tooManyPages(file: file, pages: count, limit: limits.maximumPages)
    }
    let detail = try run("pdfinfo", ["-f", "1", "-l", String(count), path])
    guard detail.status == 0 else { throw classify(detail.errorText) }
    // Lines look like "Page    1 size: 595.276 x 841.89 pts (A4)"; "rot" lines do not matter for the area.
    let sizes = detail.output.split(separator: "\n").compactMap { line -> (Double, Double)? in
      guard line.hasPrefix("Page"), let range = line.range(of: " size:") else { return nil }
      let fields = line[range.upperBound...].split(separator: " ")
      guard fields.count >= 3, let width = Double(fields[0]), let height = Double(fields[2]) else { return nil }
      return (width, height)
    }
    guard sizes.count == count else {
      throw .pdfRenderFailed(file: file, page: nil, detail: "pdfinfo listed \(sizes.count) of \(count) page sizes")
    }
    return sizes
  }

  /// Maps poppler's stderr to a specific error (its messages name no content).
  private func classify(_ errorText: String) -> CaptureError {
    let lower = errorText.lowercased()
    if lower.contains("password") { return .encryptedPDF(file: file) }
    if lower.contains("page count 0") || lower.contains("last page (0)") { return .pdfWithoutPages(file: file) }
    let firstLine = errorText.split(separator: "\n").first.map(String.init) ?? "exit status"
    return .pdfRenderFailed(file: file, page: nil, detail: String(firstLine.prefix(200)))
  }

  private struct ToolResult {
    var status: Int32
    var output: String
    var errorText: String
  }

  /// Runs a poppler tool found on PATH (or in /usr/bin); stderr goes to a temporary file so pipes cannot fill up.
  private func run(_ tool: String, _ arguments: [String]) throws(CaptureError) -> ToolResult {
    guard let executable = Self.locate(tool) else { throw .pdfToolMissing(tool: tool) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = "C"
    process.environment = environment
    let output = Pipe()
    let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hocba-\(tool)-\(UUID().uuidString).err")
    guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
      let errorHandle = try? FileHandle(forWritingTo: errorFile)
    else { throw .unreadable(file: errorFile.path, reason: "cannot create a temporary file") }
    defer { try? FileManager.default.removeItem(at: errorFile) }
    process.standardOutput = output
    process.standardError = errorHandle
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      try? errorHandle.close()
      throw .pdfToolMissing(tool: tool)
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try? errorHandle.close()
    let errorData = FileManager.default.contents(atPath: errorFile.path) ?? Data()
    return ToolResult(
      status: process.terminationStatus, output: String(decoding: data, as: UTF8.self),
      errorText: String(decoding: errorData, as: UTF8.self))
  }

  private static func locate(_ tool: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders = path.split(separator: ":").map(String.init) + ["/usr/bin"]
    return folders.map { $0 + "/" + tool }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }
}
