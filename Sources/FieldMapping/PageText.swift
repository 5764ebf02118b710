import ScanCapture

/// The words of a full-page OCR pass, indexed for phrase search without diacritics and case.
struct PageText {
  /// One phrase occurrence: the indices of its words and their union box.
  struct Match: Hashable {
    var words: [Int]
    var box: PixelRect
  }

  let words: [OCRWord]
  /// Matching tokens in reading order, and the word each came from.
  private let tokens: [String]
  private let tokenWords: [Int]

  init(words: [OCRWord]) {
    self.words = words
    var tokens: [String] = []
    var owners: [Int] = []
    for (index, word) in words.enumerated() {
      for token in TextMatching.tokens(word.text) {
        tokens.append(token)
        owners.append(index)
      }
    }
    self.tokens = tokens
    self.tokenWords = owners
  }

  /// Every occurrence of `phrase`, in reading order.
  func find(_ phrase: String) -> [Match] {
    TextMatching.occurrences(of: TextMatching.tokens(phrase), in: tokens).map { range in
      let indices = Array(Set(range.map { tokenWords[$0] })).sorted()
      return Match(words: indices, box: Self.union(indices.map { words[$0].box }))
    }
  }

  /// This text with the words of another reading of the same page added where this one has no word (their boxes
  /// touch no word box here, within `gap` pixels), as further lines after this text's own. A second reading of a
  /// word the first pass has would only duplicate it (and shift table headers).
  func adding(_ other: [OCRWord], gap: Int = 4) -> PageText {
    let lineBase = (words.map(\.lineIndex).max() ?? -1) + 1
    let blockBase = (words.map(\.blockIndex).max() ?? -1) + 1
    let added = other.filter { word in
      let box = word.box
      return !words.contains { existing in
        let near = existing.box
        return box.x < near.x + near.width + gap && near.x < box.x + box.width + gap
          && box.y < near.y + near.height + gap && near.y < box.y + box.height + gap
      }
    }
    .map { word in
      var moved = word
      moved.lineIndex += lineBase
      moved.blockIndex += blockBase
      return moved
    }
    return PageText(words: words + added)
  }

  /// Whether `phrase` occurs anywhere.
  func contains(_ phrase: String) -> Bool { !find(phrase).isEmpty }

  /// The words whose centre lies inside `rect`, left to right within lines, lines top to bottom.
  func words(inside rect: PixelRect) -> [OCRWord] {
    words.filter { word in
      let cx = word.box.x + word.box.width / 2
      let cy = word.box.y + word.box.height / 2
      return cx >= rect.x && cx < rect.x + rect.width && cy >= rect.y && cy < rect.y + rect.height
    }
    .sorted { a, b in
      let sameLine = abs((a.box.y + a.box.height / 2) - (b.box.y + b.box.height / 2)) < max(a.box.height, 8) / 2
      return sameLine ? a.box.x < b.box.x : a.box.y < b.box.y
    }
  }

  /// The page's text lines (Tesseract's lines), each as its words left to right.
  var lines: [[OCRWord]] {
    Dictionary(grouping: words, by: \.lineIndex).sorted { $0.key < $1.key }
      .map { $0.value.sorted { $0.box.x < $1.box.x } }
  }

  /// The smallest rectangle holding every box (zero rectangle for none).
  static func union(_ boxes: [PixelRect]) -> PixelRect {
    guard let first = boxes.first else { return PixelRect(x: 0, y: 0, width: 0, height: 0) }
    var left = first.x
    var top = first.y
    var right = first.x + first.width
    var bottom = first.y + first.height
    for box in boxes.dropFirst() {
      left = min(left, box.x)
      top = min(top, box.y)
      right = max(right, box.x + box.width)
      bottom = max(bottom, box.y + box.height)
    }
    return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
  }
}
