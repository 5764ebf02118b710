import Foundation
import HocBaModel
import ScanCapture
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct PageLoaderTests {
  @Test(arguments: [("page.png", 8), ("page.jpg", 32), ("page-seal.png", 32)])
  func loadsSinglePageImages(name: String, depth: Int) throws {
    let pages = try PageLoader.load(Fixture.url(name))
    #expect(pages.count == 1)
    let page = try #require(pages.first)
    #expect(page.pageNumber == 1)
    #expect(page.image.width == 1400 && page.image.height == 1300)
    #expect(page.image.resolution == 300)
    #expect(page.image.depth == depth)
  }

  @Test func loadsEveryPageOfATIFF() throws {
    let pages = try PageLoader.load(Fixture.url("two-pages.tif"))
    #expect(pages.map(\.pageNumber) == [1, 2])
    for page in pages {
      #expect(page.image.width == 1400 && page.image.height == 1300)
      #expect(page.image.resolution == 300)
      #expect(page.image.depth == 1)
    }
  }

  @Test func rasterisesEveryPageOfAPDFAt300DPI() throws {
    let before = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
      $0.hasPrefix("hocba-pdf-")
    }
    let pages = try PageLoader.load(Fixture.url("two-pages.pdf"))
    #expect(pages.map(\.pageNumber) == [1, 2])
    for page in pages {
      #expect(page.image.width == 1400 && page.image.height == 1300)
      #expect(page.image.resolution == 300)
      #expect(page.image.depth == 8)
    }
    // Other tests (and other hocba runs) may rasterise PDFs at the same time: a folder that appeared meanwhile
    // must be gone within a minute (theirs are removed when their rasterisation ends; ours before `load` returns).
    var appeared: Set<String> = []
    for _ in 0..<120 {
      let after = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
        $0.hasPrefix("hocba-pdf-")
      }
      appeared = Set(after).subtracting(before)
      if appeared.isEmpty { break }
      Thread.sleep(forTimeInterval: 0.5)
    }
    #expect(appeared.isEmpty, "temporary folders are removed")
    // The blank second page has far less ink than the text page.
    #expect(pages[0].image.inkFraction(in: nil) > 10 * pages[1].image.inkFraction(in: nil))
  }

  @Test(arguments: [
    ("empty.png", CaptureError.emptyFile(file: "")),
    ("not-an-image.png", .unsupportedFormat(file: "")),
    ("truncated.png", .corruptImage(file: "", page: nil)),
    ("encrypted.pdf", .encryptedPDF(file: "")),
    ("no-pages.pdf", .pdfWithoutPages(file: "")),
  ])
  func refusesBadFilesWithASpecificError(name: String, expected: CaptureError) {
    let url = Fixture.url(name)
    expectFailure(loading: url, as: expected.withFile(url.path))
  }

  @Test func refusesAHugeImageFromItsHeaderWithoutDecoding() throws {
    let folder = try TemporaryDirectory()
    let url = folder.url.appendingPathComponent("huge.png")
    try Data(Fixture.headerOnlyPNG(width: 30_000, height: 30_000)).write(to: url)
    expectFailure(loading: url, as: .imageTooLarge(file: url.path, page: nil, width: 30_000, height: 30_000))
  }

  @Test func appliesCustomLimitsToEveryPage() {
    let url = Fixture.url("two-pages.tif")
    let small = LoadLimits(maximumSide: 1000, maximumPixels: 1_000_000, maximumFileBytes: 1 << 20, maximumPages: 5)
    expectFailure(loading: url, limits: small, as: .imageTooLarge(file: url.path, page: 1, width: 1400, height: 1300))
    let onePage = LoadLimits(maximumSide: 12_000, maximumPixels: 10_000_000, maximumFileBytes: 1 << 20, maximumPages: 1)
    expectFailure(loading: url, limits: onePage, as: .tooManyPages(file: url.path, pages: 2, limit: 1))
    let tiny = LoadLimits(maximumSide: 12_000, maximumPixels: 10_000_000, maximumFileBytes: 100, maximumPages: 5)
    expectFailure(loading: url, limits: tiny, as: .fileTooLarge(file: url.path, bytes: 8272, limit: 100))
  }

  @Test func refusesSymlinkLoopsMissingFilesAndFolders() throws {
    let folder = try TemporaryDirectory()
    let first = folder.url.appendingPathComponent("a.png")
    let second = folder.url.appendingPathComponent("b.png")
    try FileManager.default.createSymbolicLink(atPath: first.path, withDestinationPath: second.path)
    try FileManager.default.createSymbolicLink(atPath: second.path, withDestinationPath: first.path)
    expectFailure(loading: first, as: .symlinkLoop(file: first.path))

    let dangling = folder.url.appendingPathComponent("dangling.png")
    try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "missing.png")
    expectFailure(loading: dangling, as: .fileNotFound(file: dangling.path))
    expectFailure(loading: folder.url, as: .notRegularFile(file: folder.url.path))

    let link = folder.url.appendingPathComponent("link.png")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: Fixture.url("page.png").path)
    #expect(try PageLoader.load(link).count == 1)
  }

  @Test(.enabled(if: getuid() != 0, "root can read any file"))
  func reportsPermissionProblemsAsIOErrors() throws {
    let folder = try TemporaryDirectory()
    let url = folder.url.appendingPathComponent("locked.png")
    try FileManager.default.copyItem(at: Fixture.url("page.png"), to: url)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
    #expect(throws: CaptureError.self) { try PageLoader.load(url) }
    do {
      _ = try PageLoader.load(url)
    } catch {
      #expect(error.kind == .io)
    }
  }

  @Test func messagesAreVietnameseByDefaultAndNameTheFile() {
    let error = CaptureError.corruptImage(file: "/quet/hoc-ba-01.tif", page: 3)
    #expect(error.message(in: .vietnamese).contains("/quet/hoc-ba-01.tif"))
    #expect(error.message(in: .vietnamese).contains("trang 3"))
    #expect(error.message(in: .english).contains("page 3"))
    #expect(error.kind == .invalidInput)
    #expect(CaptureError.encryptedPDF(file: "x.pdf").message(in: .vietnamese).contains("mật khẩu"))
  }

  private func expectFailure(
    loading url: URL, limits: LoadLimits = .default, as expected: CaptureError,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    do {
      let pages = try PageLoader.load(url, limits: limits)
      Issue.record("expected \(expected), loaded \(pages.count) pages", sourceLocation: sourceLocation)
    } catch {
      #expect(error == expected, sourceLocation: sourceLocation)
      #expect(error.message(in: .vietnamese).contains(url.path), sourceLocation: sourceLocation)
      #expect(error.kind == .invalidInput || error.kind == .notFound, sourceLocation: sourceLocation)
    }
  }
}

extension CaptureError {
  /// The same case naming `file` (the fixture table cannot know the bundle path).
  fileprivate func withFile(_ file: String) -> CaptureError {
    switch self {
    case .emptyFile: .emptyFile(file: file)
    case .unsupportedFormat: .unsupportedFormat(file: file)
    case .corruptImage(_, let page): .corruptImage(file: file, page: page)
    case .encryptedPDF: .encryptedPDF(file: file)
    case .pdfWithoutPages: .pdfWithoutPages(file: file)
    default: self
    }
  }
}
