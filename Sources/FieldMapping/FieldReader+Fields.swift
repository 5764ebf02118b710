import HocBaModel
import ScanCapture

// Fields outside tables: right of a label, a lexicon phrase found on the page, or a text line below an anchor.
extension FieldReader {
  /// Reads every entry of the template's `fields`.
  func readFields() throws -> [FieldReading] {
    let labels = claimedLabels()
    return try template.fields.map { spec in
      let target = Target(
        path: spec.path, type: spec.type, profile: spec.profile, lexicon: spec.lexicon, critical: spec.critical ?? false
      )
      if let phrases = spec.label {
        return try readLabelled(spec, target: target, phrases: phrases, labels: labels)
      } else if let mode = spec.phrase {
        return try readPhrase(target, wholeLine: mode == "line")
      } else {
        return try readBelow(spec, target: target)
      }
    }
  }

  /// Label occurrences on the page; where labels overlap ("Họ và tên" inside "Họ và tên cha") the longer wins.
  func claimedLabels() -> [(phrase: String, match: PageText.Match)] { template.claimedLabels(in: text) }

  /// The value right of a label, up to the next label on the same row (or a stop phrase, or the line end).
  func readLabelled(
    _ spec: FieldSpec, target: Target, phrases: [String], labels: [(phrase: String, match: PageText.Match)]
  ) throws -> FieldReading {
    let occurrences = labels.filter { phrases.contains($0.phrase) }.map(\.match.box)
      .sorted { $0.y != $1.y ? $0.y < $1.y : $0.x < $1.x }
    let wanted = spec.occurrence ?? 1
    let index = wanted < 0 ? occurrences.count + wanted : wanted - 1
    guard occurrences.indices.contains(index) else {
      return empty(target, box: PixelRect(x: 0, y: 0, width: 0, height: 0), found: false)
    }
    let label = occurrences[index]
    let middle = label.y + label.height / 2
    let start = labelEnd(label, labels: labels.map(\.match.box)) + pixels(0.02)
    let stops = labels.map(\.match.box).filter { other in
      other.x >= start - pixels(0.02) && abs(other.y + other.height / 2 - middle) < label.height * 3 / 4
    }
    let end = (stops.map(\.x).min() ?? image.width - pixels(0.2)) - pixels(0.02)
    let band = PixelRect(x: start, y: middle - label.height, width: max(1, end - start), height: 2 * label.height)
    let onRow = { (mark: PixelRect) in abs(mark.y + mark.height / 2 - middle) <= label.height * 3 / 4 }
    let lowest = max(3, label.height * 35 / 100)
    // Bars of character boxes can reach the band's edges, where ruling remnants are dropped: look with them.
    let (boxed, bars) = boxBars(among: try marks(in: band, minimumHeight: lowest, keepingRules: true).filter(onRow))
    let found = try (bars.isEmpty ? marks(in: band, minimumHeight: lowest).filter(onRow) : boxed)
      .sorted { $0.x < $1.x }
    var kept: [PixelRect] = []
    for mark in found {
      if let last = kept.last, mark.x - (last.x + last.width) > pixels(0.8) { break }
      kept.append(mark)
    }
    guard !kept.isEmpty else { return empty(target, box: band, found: true) }
    let ink = PageText.union(kept)
    let reading = try withoutBars(bars).read(target, inkBox: ink, limit: band)
    // Only a full first line (ending in a comma, or reaching the end of its band) goes on below: a misread label
    // on the next line must not turn the father's name into the end of an address.
    let full =
      reading.rawText.last(where: { !$0.isWhitespace }) == ","
      || ink.x + ink.width >= band.x + band.width - pixels(1.0)
    if spec.wraps == true, full,
      let next = try continuation(under: band, label: label, labels: labels.map(\.match.box))
    {
      return joined(reading, try read(target, inkBox: next.ink, limit: next.limit))
    }
    return reading
  }

  /// Where a label's printed text ends: at its own right edge, or past a qualifier the form adds before the
  /// colon ("Họ và tên học sinh:", "Nơi sinh (tỉnh, thành phố):"): a word ending in ":" at most three words on,
  /// before the next label of the row.
  func labelEnd(_ label: PixelRect, labels: [PixelRect]) -> Int {
    let right = label.x + label.width
    let middle = label.y + label.height / 2
    let sameRow = { (box: PixelRect) in abs(box.y + box.height / 2 - middle) < label.height / 2 }
    let nextLabel = labels.filter { $0.x > right && sameRow($0) }.map(\.x).min() ?? Int.max
    let following = text.words.filter { word in
      word.box.x >= right - pixels(0.02) && word.box.x < min(nextLabel, right + pixels(1.2)) && sameRow(word.box)
    }.sorted { $0.box.x < $1.box.x }
    let before = text.words.filter { word in
      word.box.x + word.box.width <= right + pixels(0.02) && word.box.x >= label.x && sameRow(word.box)
    }
    // A label already ending in ":" ends there.
    if before.max(by: { $0.box.x < $1.box.x })?.text.hasSuffix(":") == true { return right }
    guard let colonIndex = following.prefix(3).firstIndex(where: { $0.text.hasSuffix(":") }) else { return right }
    // A qualifier is lower case or in brackets; a capital is a value ("Nơi sinh Hà Nội Dân tộc: Kinh").
    let qualifier = following[...colonIndex].allSatisfy { word in
      word.text.first.map { $0 == "(" || $0.isLowercase } ?? false
    }
    guard qualifier else { return right }
    return following[colonIndex].box.x + following[colonIndex].box.width
  }

  /// A lexicon phrase printed on its own ("Được lên lớp", "HIỆU TRƯỞNG"): found on the page, then read again.
  func readPhrase(_ target: Target, wholeLine: Bool) throws -> FieldReading {
    let lexicon = target.lexicon.flatMap { template.lexicons[$0] } ?? [:]
    // Longest phrases first; ties by text, so the result never depends on dictionary order.
    let keys = lexicon.keys.sorted {
      (TextMatching.tokens($0).count, $1) > (TextMatching.tokens($1).count, $0)
    }
    var used: Set<Int> = []
    var hits: [(code: String, match: PageText.Match)] = []
    for key in keys {
      for match in text.find(key) where used.isDisjoint(with: match.words) {
        guard !wholeLine || standsAlone(match) else { continue }
        used.formUnion(match.words)
        hits.append((lexicon[key] ?? "", match))
      }
    }
    // The lowest occurrence: the signer's title sits under the approval heading.
    guard let hit = hits.max(by: { $0.match.box.y < $1.match.box.y }) else {
      return empty(target, box: PixelRect(x: 0, y: 0, width: 0, height: 0), found: false)
    }
    return try read(target, inkBox: hit.match.box, fallbackCode: hit.code)
  }

  /// Whether no other word sits next to the match on its row (a heading printed on its own line).
  func standsAlone(_ match: PageText.Match) -> Bool {
    let box = match.box
    let middle = box.y + box.height / 2
    let reach = pixels(0.3)
    return !text.words.enumerated().contains { index, word in
      guard !match.words.contains(index), abs(word.box.y + word.box.height / 2 - middle) < box.height / 2 else {
        return false
      }
      let gapRight = word.box.x - (box.x + box.width)
      let gapLeft = box.x - (word.box.x + word.box.width)
      return (0..<reach).contains(gapRight) || (0..<reach).contains(gapLeft)
    }
  }

  /// A line of text under an anchor heading: the first line, or the last within `within` inches (a name under
  /// a signature).
  func readBelow(_ spec: FieldSpec, target: Target) throws -> FieldReading {
    let occurrences = text.find(spec.below ?? "").map(\.box).sorted { $0.y < $1.y }
    let wanted = spec.occurrence ?? 1
    let index = wanted < 0 ? occurrences.count + wanted : wanted - 1
    guard occurrences.indices.contains(index) else {
      return empty(target, box: PixelRect(x: 0, y: 0, width: 0, height: 0), found: false)
    }
    let anchor = occurrences[index]
    let left = max(0, anchor.x - anchor.width * 3 / 10)
    let right = min(image.width, anchor.x + anchor.width * 13 / 10)
    let top = anchor.y + anchor.height + pixels(0.03)
    let band = PixelRect(x: left, y: top, width: right - left, height: pixels(spec.within ?? 0.6))
    let found = try marks(in: band, minimumHeight: max(3, anchor.height * 4 / 10)).sorted { $0.y < $1.y }
    var lines: [[PixelRect]] = []
    for mark in found {
      if let last = lines.last, let bottom = last.map({ $0.y + $0.height }).max(), mark.y < bottom - mark.height / 3 {
        lines[lines.count - 1].append(mark)
      } else {
        lines.append([mark])
      }
    }
    let chosen = spec.line == "last" ? lines.last : lines.first
    guard let chosen else { return empty(target, box: band, found: true) }
    return try read(target, inkBox: PageText.union(chosen), limit: band)
  }
}
