/// A one-line text editor on Unicode characters (grapheme clusters), with a cursor.
public struct EditLine: Sendable, Hashable {
  /// The characters typed so far.
  public private(set) var characters: [Character]
  /// The cursor position, 0...count.
  public private(set) var cursor: Int

  /// Creates a line holding `text` with the cursor at its end.
  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  /// The text.
  public var text: String { String(characters) }

  /// Applies an editing key; returns false for keys the line does not handle.
  ///
  /// As in a shell: Ctrl-A / Ctrl-E go to the start / end, Ctrl-U deletes to the start, Ctrl-K to the end,
  /// Ctrl-W the word before the cursor (and the spaces after it).
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      characters.insert(character, at: cursor)
      cursor += 1
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(characters.count, cursor + 1)
    case .home: cursor = 0
    case .end: cursor = characters.count
    case .backspace:
      guard cursor > 0 else { return true }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete:
      guard cursor < characters.count else { return true }
      characters.remove(at: cursor)
    case .control("a"): cursor = 0
    case .control("e"): cursor = characters.count
    case .control("u"):
      characters.removeFirst(cursor)
      cursor = 0
    case .control("k"): characters.removeLast(characters.count - cursor)
    case .control("w"):
      var start = cursor
      while start > 0, characters[start - 1].isWhitespace { start -= 1 }
      while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    default: return false
    }
    return true
  }
}
