import HocBaModel
import ReviewUI
import Testing

/// Issue 19 item 5: at 80×24 every key hint is on screen whole and the queue is shown.
struct SmallTerminalTests {
  static let size = TerminalSize(columns: 80, rows: 24)

  /// The rows between the last separator and the notice row.
  static func promptRows(_ screen: Screen) -> [String] {
    let separator = screen.lines.lastIndex { $0.hasPrefix("────") }!
    return Array(screen.lines[(separator + 1)..<(screen.lines.count - 1)])
  }

  /// Each hint (the parts between " · ") appears whole in the prompt rows, and no row is cut.
  static func expectWhole(_ hints: [String], _ screen: Screen, sourceLocation: SourceLocation = #_sourceLocation) {
    let rows = promptRows(screen)
    #expect(rows.count == 2, sourceLocation: sourceLocation)
    #expect(
      !rows.contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("…") }, "\(rows)",
      sourceLocation: sourceLocation)
    let shown = rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " · ")
    for hint in hints {
      #expect(shown.contains(hint), "\(hint) in \(rows)", sourceLocation: sourceLocation)
    }
  }

  @Test func browseCommandAndGroupHintsAreNeverCutAt80Columns() throws {
    var model = ReviewModelTests.opened()
    Self.expectWhole(
      ["Gõ để sửa", "^A duyệt", "Esc : số hồ sơ", "F1 trợ giúp", "^Q thoát"], model.render(size: Self.size))
    var english = ReviewModelTests.opened(.english)
    Self.expectWhole(["Type to correct", "^A approve", "^Q quit"], english.render(size: Self.size))
    _ = english.update(.key(.escape))
    Self.expectWhole(["q quit", ": go to record", "Esc cancel"], english.render(size: Self.size))
    _ = model.update(.key(.escape))
    Self.expectWhole(["q thoát", ": đến hồ sơ số", "? trợ giúp", "Esc huỷ"], model.render(size: Self.size))
    let grouped = GroupModeTests.grouped()
    Self.expectWhole(["^A nhận hết ô thường", "Esc quay lại"], grouped.render(size: Self.size))
  }

  @Test func theEditLineKeepsItsKeysOnTheSecondRow() {
    var model = ReviewModelTests.opened()
    _ = ReviewModelTests.type("Ng", into: &model)
    let rows = Self.promptRows(model.render(size: Self.size))
    #expect(rows.first?.hasPrefix("Sửa: Ng") == true, "\(rows)")
    #expect(rows.last?.contains("^U xoá dòng · ^W xoá một từ") == true, "\(rows)")
  }

  @Test func theQueueIsShownAt80Columns() {
    var model = ReviewModelTests.opened()
    let text = model.render(size: Self.size).text
    #expect(text.contains("Hàng đợi: ▶#1 Nguyen Thi Thuy 1!/5? · #2 Trần Văn Bình 0!/2?"), "\(text)")
    model.showsSnippets = true
    let withSnippet = model.render(size: Self.size)
    #expect(withSnippet.snippet != nil)
    #expect(withSnippet.text.contains("Hàng đợi: ▶#1"), "\(withSnippet.text)")
  }
}
