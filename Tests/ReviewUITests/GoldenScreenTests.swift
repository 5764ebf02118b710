import Foundation
import HocBaModel
import ReviewUI
import Testing

/// The main screens as plain text at 80×24 and 160×48. Set HOCBA_UPDATE_GOLDEN=1 to rewrite the files.
struct GoldenScreenTests {
  static let small = TerminalSize(columns: 80, rows: 24)
  static let large = TerminalSize(columns: 160, rows: 48)

  func check(_ model: ReviewModel, _ size: TerminalSize, _ name: String) throws {
    let screen = model.render(size: size)
    #expect(screen.lines.count == size.rows)
    #expect(screen.lines.allSatisfy { $0.count == size.columns })
    #expect(!screen.text.contains("\u{1B}"), "goldens carry no colour codes")
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden/\(name)-\(size.columns)x\(size.rows).txt")
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if existing == nil || ProcessInfo.processInfo.environment["HOCBA_UPDATE_GOLDEN"] == "1" {
      try screen.text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(screen.text == existing, "screen \(name) differs from \(url.lastPathComponent)")
  }

  @Test(arguments: [small, large]) func browsingAFlaggedField(size: TerminalSize) throws {
    try check(ReviewModelTests.opened(), size, "browse")
  }

  @Test(arguments: [small, large]) func editingWithLiveValidation(size: TerminalSize) throws {
    var model = ReviewModelTests.opened()
    _ = model.update(.key(.enter))
    _ = ReviewModelTests.type("7,55", into: &model)
    try check(model, size, "editing")
  }

  @Test(arguments: [small, large]) func secondEntryOfACriticalField(size: TerminalSize) throws {
    var model = ReviewModelTests.opened()
    _ = model.update(.key(.f2))
    _ = ReviewModelTests.type("Nguyễn Thị Thuỷ", into: &model)
    _ = model.update(.key(.enter))
    try check(model, size, "confirming")
  }

  @Test(arguments: [small, large]) func acknowledgingAnError(size: TerminalSize) throws {
    var model = ReviewModelTests.opened()
    for _ in 0..<4 { _ = model.update(.key(.enter)) }
    _ = model.update(.key(.control("a")))
    _ = ReviewModelTests.type("Sổ gốc ghi như vậy", into: &model)
    try check(model, size, "acknowledging")
  }

  @Test(arguments: [small, large]) func help(size: TerminalSize) throws {
    var model = ReviewModelTests.opened()
    _ = model.update(.key(.f1))
    try check(model, size, "help")
  }

  @Test(arguments: [small, large]) func groupMode(size: TerminalSize) throws {
    var model = GroupModeTests.grouped()
    _ = model.update(.key(.down))
    try check(model, size, "group")
  }

  @Test func emptyQueueAndEnglish() throws {
    var model = ReviewModel(language: .vietnamese, reviewer: "Lan")
    _ = model.update(.queueLoaded([]))
    try check(model, Self.small, "empty")
    try check(ReviewModelTests.opened(.english), Self.small, "browse-en")
  }
}
