/// A full walk of a TIFF file's directory chain (one directory per page), done on the bytes before libtiff sees
/// them: libtiff's own count stops silently at the first directory it cannot read, so a file cut inside page 2
/// would pass for a complete one-page file.
struct TIFFDirectoryWalk: Equatable {
  /// Pages whose directory lies inside the file, in order; `dataInside` is false when a strip or tile of the page
  /// lies (partly) past the end of the file.
  var directories: [(dataInside: Bool, index: Int)]
  /// True when the chain points past the end of the file, into itself, or is malformed: pages are missing.
  var chainBroken: Bool

  static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.chainBroken == rhs.chainBroken && lhs.directories.map(\.dataInside) == rhs.directories.map(\.dataInside)
  }

  init(directories: [(dataInside: Bool, index: Int)], chainBroken: Bool) {
    self.directories = directories
    self.chainBroken = chainBroken
  }

  /// Walks classic TIFF (II or MM); returns nil for anything else (BigTIFF is left to libtiff).
  init?(_ bytes: [UInt8], maximumPages: Int) {
    guard bytes.count >= 8 else { return nil }
    let little: Bool
    switch (bytes[0], bytes[1]) {
    case (0x49, 0x49): little = true
    case (0x4D, 0x4D): little = false
    default: return nil
    }
    let reader = Reader(bytes: bytes, little: little)
    guard reader.u16(2) == 42, var offset = reader.u32(4) else { return nil }
    directories = []
    chainBroken = false
    var visited: Set<Int> = []
    while offset != 0 {
      guard directories.count <= maximumPages, visited.insert(offset).inserted,
        let count = reader.u16(offset), let next = reader.u32(offset + 2 + 12 * count)
      else {
        chainBroken = true
        return
      }
      directories.append((reader.dataInside(directory: offset, entries: count), directories.count))
      offset = next
    }
  }

  private struct Reader {
    let bytes: [UInt8]
    let little: Bool

    func u16(_ offset: Int) -> Int? {
      guard offset >= 0, offset + 2 <= bytes.count else { return nil }
      let (a, b) = (Int(bytes[offset]), Int(bytes[offset + 1]))
      return little ? a | b << 8 : a << 8 | b
    }

    func u32(_ offset: Int) -> Int? {
      guard let low = u16(offset + (little ? 0 : 2)), let high = u16(offset + (little ? 2 : 0)) else { return nil }
      return high << 16 | low
    }

    /// One value of a SHORT (3) or LONG (4) array: inline when it fits in the entry's 4 bytes.
    func value(type: Int, count: Int, field: Int, at index: Int) -> Int? {
      let size = type == 3 ? 2 : 4
      let start = count * size <= 4 ? field : u32(field)
      guard let start else { return nil }
      return type == 3 ? u16(start + index * size) : u32(start + index * size)
    }

    /// Whether every strip (273/279) or tile (324/325) of the directory lies inside the file.
    func dataInside(directory: Int, entries: Int) -> Bool {
      var arrays: [Int: (type: Int, count: Int, field: Int)] = [:]
      for entry in 0..<entries {
        let base = directory + 2 + 12 * entry
        guard let tag = u16(base), let type = u16(base + 2), let count = u32(base + 4) else { return false }
        arrays[tag] = (type, count, base + 8)
      }
      guard let offsets = arrays[273] ?? arrays[324], let lengths = arrays[279] ?? arrays[325],
        offsets.count == lengths.count, offsets.count > 0, [3, 4].contains(offsets.type),
        [3, 4].contains(lengths.type)
      else { return false }
      for index in 0..<offsets.count {
        guard
          let start = value(type: offsets.type, count: offsets.count, field: offsets.field, at: index),
          let length = value(type: lengths.type, count: lengths.count, field: lengths.field, at: index),
          start + length <= bytes.count
        else { return false }
      }
      return true
    }
  }
}
