/// Reads a stored ZIP archive in memory, refusing anything a hand-over package never contains: compression,
/// encryption, links or folders, unsafe names, overlapping or oversized entries. Nothing is written to disk.
public enum ZipReader {
  /// Limits on what is read; the defaults fit a school's whole year with scans.
  public struct Limits: Sendable {
    public var maximumEntries = 20_000
    public var maximumEntryBytes = 64 * 1_048_576
    public var maximumTotalBytes = 1_000 * 1_048_576
    public init() {}
  }

  /// The entries of `archive` in archive order, each checked against its CRC-32.
  public static func entries(_ archive: [UInt8], limits: Limits = Limits()) throws(PackageError) -> [(
    path: String, bytes: [UInt8]
  )] {
    let end = try endRecord(archive)
    let count = Int(archive.le16(at: end + 10))
    guard count <= limits.maximumEntries else { throw .tooManyEntries(count, limit: limits.maximumEntries) }
    let centralSize = Int(archive.le32(at: end + 12))
    let centralOffset = Int(archive.le32(at: end + 16))
    guard archive.le16(at: end + 4) == 0, archive.le16(at: end + 6) == 0, centralOffset + centralSize <= end else {
      throw .malformed("central directory")
    }
    var cursor = centralOffset
    var total = 0
    var seen = Set<String>()
    var ranges: [(start: Int, end: Int)] = []
    var result: [(path: String, bytes: [UInt8])] = []
    for _ in 0..<count {
      guard cursor + 46 <= end, archive.le32(at: cursor) == ZipFormat.centralSignature else {
        throw .malformed("central directory")
      }
      let flags = archive.le16(at: cursor + 8)
      let method = archive.le16(at: cursor + 10)
      let crc = archive.le32(at: cursor + 16)
      let compressed = Int(archive.le32(at: cursor + 20))
      let size = Int(archive.le32(at: cursor + 24))
      let nameLength = Int(archive.le16(at: cursor + 28))
      let variable = nameLength + Int(archive.le16(at: cursor + 30)) + Int(archive.le16(at: cursor + 32))
      let mode = archive.le32(at: cursor + 38) >> 16
      let local = Int(archive.le32(at: cursor + 42))
      guard cursor + 46 + variable <= end else { throw .malformed("central directory") }
      let nameBytes = Array(archive[(cursor + 46)..<(cursor + 46 + nameLength)])
      cursor += 46 + variable
      let path = try checkedName(nameBytes)
      guard seen.insert(path).inserted else { throw .duplicateEntry(path) }
      guard mode & 0o170000 == 0 || mode & 0o170000 == 0o100000 else { throw .notRegularFile(path) }
      guard flags & 0x1 == 0 else { throw .encrypted(path) }
      guard method == 0 else { throw .compressed(path) }
      guard size <= limits.maximumEntryBytes else { throw .entryTooLarge(path, limit: limits.maximumEntryBytes) }
      guard compressed == size else { throw .sizeMismatch(path) }
      total += size
      guard total <= limits.maximumTotalBytes else { throw .archiveTooLarge(limit: limits.maximumTotalBytes) }
      let data = try localData(archive, at: local, name: nameBytes, size: size, before: centralOffset, path: path)
      ranges.append((local, data.upperBound))
      let bytes = Array(archive[data])
      guard CRC32.checksum(bytes) == crc else { throw .checksumMismatch(path) }
      result.append((path, bytes))
    }
    let ordered = ranges.sorted { $0.start < $1.start }
    for (earlier, later) in zip(ordered, ordered.dropFirst()) where later.start < earlier.end {
      throw .malformed("overlapping entries")
    }
    return result
  }

  /// The offset of the end-of-central-directory record (searched back over at most a 64 KiB comment).
  private static func endRecord(_ archive: [UInt8]) throws(PackageError) -> Int {
    guard archive.count >= 22 else { throw .malformed("too short") }
    var offset = archive.count - 22
    let lowest = max(0, archive.count - 22 - 65_535)
    while offset >= lowest {
      if archive.le32(at: offset) == ZipFormat.endSignature,
        offset + 22 + Int(archive.le16(at: offset + 20)) == archive.count
      {
        return offset
      }
      offset -= 1
    }
    throw .malformed("no end of central directory")
  }

  /// The range of an entry's data after its local header, which must repeat the central name.
  private static func localData(
    _ archive: [UInt8], at offset: Int, name: [UInt8], size: Int, before limit: Int, path: String
  ) throws(PackageError) -> Range<Int> {
    guard offset + 30 <= limit, archive.le32(at: offset) == ZipFormat.localSignature else {
      throw .malformed("local header of \(path)")
    }
    let nameLength = Int(archive.le16(at: offset + 26))
    let start = offset + 30 + nameLength + Int(archive.le16(at: offset + 28))
    guard start + size <= limit, nameLength == name.count,
      Array(archive[(offset + 30)..<(offset + 30 + nameLength)]) == name
    else { throw .malformed("local header of \(path)") }
    return start..<(start + size)
  }

  /// The entry name as a relative path of plain components; `..`, absolute paths, backslashes refused.
  static func checkedName(_ bytes: [UInt8]) throws(PackageError) -> String {
    guard let name = String(validating: bytes, as: UTF8.self), !name.isEmpty, !name.contains("\0") else {
      throw .unsafePath(String(decoding: bytes, as: UTF8.self))
    }
    let components = name.split(separator: "/", omittingEmptySubsequences: false)
    guard !name.hasPrefix("/"), !name.contains("\\"), !name.contains(":"),
      components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
    else { throw .unsafePath(name) }
    return name
  }
}
