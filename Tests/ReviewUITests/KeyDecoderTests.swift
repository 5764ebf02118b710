import ReviewUI
import TerminalDriver
import Testing

/// Bytes from a terminal become keys: UTF-8 text, control keys and escape sequences, even when split.
struct KeyDecoderTests {
  @Test func vietnameseTextIsDecodedFromUTF8EvenAcrossReads() {
    var decoder = KeyDecoder()
    let bytes = Array("Thuỷ".utf8)
    var keys = decoder.feed(bytes[..<4])
    keys += decoder.feed(bytes[4...])
    #expect(keys == "Thuỷ".map { Key.character($0) })
  }

  @Test func combiningMarksJoinTheirBaseLetter() {
    var decoder = KeyDecoder()
    let keys = decoder.feed(Array("y\u{0309}".utf8))
    #expect(keys == [.character("y\u{0309}")])
  }

  @Test func ctrlLettersAndF1AreKeysOfTheirOwn() {
    var decoder = KeyDecoder()
    #expect(
      decoder.feed([0x01, 0x11, 0x15, 0x17, 0x1A, 0x03, 0x09, 0x1B, 0x4F, 0x50, 0x1B, 0x5B, 0x31, 0x31, 0x7E]) == [
        .control("a"), .control("q"), .control("u"), .control("w"), .control("z"), .interrupt, .tab, .f1, .f1,
      ])
  }

  @Test func escapeSequencesAndControlKeys() {
    var decoder = KeyDecoder()
    let input = "\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}[Z\u{1B}OQ\u{1B}[12~\u{1B}[3~\u{1B}[H\u{1B}[F\r\t\u{7F}\u{03}"
    #expect(
      decoder.feed(Array(input.utf8)) == [
        .up, .down, .right, .left, .backTab, .f2, .f2, .delete, .home, .end, .enter, .tab, .backspace, .interrupt,
      ])
  }

  @Test func loneEscapeWaitsForMoreBytesThenFlushes() {
    var decoder = KeyDecoder()
    #expect(decoder.feed([0x1B]).isEmpty)
    #expect(decoder.hasPending)
    #expect(decoder.flush() == [.escape])
    #expect(decoder.feed([0x1B, 0x5B]).isEmpty)
    #expect(decoder.feed([0x41]) == [.up])
  }

  @Test func painterRedrawsOnlyChangedRows() {
    var painter = ScreenPainter(attributes: false)
    let first = painter.paint(Screen(lines: ["ab", "cd"]))
    #expect(first.contains("ab") && first.contains("cd"))
    let second = painter.paint(Screen(lines: ["ab", "cx"]))
    #expect(!second.contains("ab"))
    #expect(second.contains("\u{1B}[2;1Hcx"))
  }
}
