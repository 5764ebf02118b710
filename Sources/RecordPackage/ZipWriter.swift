/// Writes a stored (uncompressed) ZIP archive: entries sorted by name, every timestamp 1980-01-01 00:00, no extra
/// fields, so the same files always give the same bytes.
public enum ZipWriter {
  /// The archive holding `entries` (path inside the archive, contents).
  public static func archive(_ entries: [(path: String, bytes: [UInt8])]) -> [UInt8] {
    var output: [UInt8] = []
    var central: [UInt8] = []
    let sorted = entries.sorted { $0.path < $1.path }
    for entry in sorted {
      let name = Array(entry.path.utf8)
      let crc = CRC32.checksum(entry.bytes)
      let offset = UInt32(output.count)
      output.append(le32: ZipFormat.localSignature)
      output += (common(name: name, crc: crc, size: UInt32(entry.bytes.count)))
      output += name
      output += entry.bytes
      central.append(le32: ZipFormat.centralSignature)
      central.append(le16: ZipFormat.madeByUnix)
      central += (common(name: name, crc: crc, size: UInt32(entry.bytes.count)))
      central.append(le16: 0)  // comment length
      central.append(le16: 0)  // disk number
      central.append(le16: 0)  // internal attributes
      central.append(le32: ZipFormat.regularFileMode << 16)
      central.append(le32: offset)
      central += name
    }
    let centralOffset = UInt32(output.count)
    output += central
    output.append(le32: ZipFormat.endSignature)
    output.append(le16: 0)
    output.append(le16: 0)
    output.append(le16: UInt16(sorted.count))
    output.append(le16: UInt16(sorted.count))
    output.append(le32: UInt32(central.count))
    output.append(le32: centralOffset)
    output.append(le16: 0)
    return output
  }

  /// The fields local and central headers share, from "version needed" to "extra length".
  private static func common(name: [UInt8], crc: UInt32, size: UInt32) -> [UInt8] {
    var fields: [UInt8] = []
    fields.append(le16: 20)  // version needed: 2.0
    fields.append(le16: ZipFormat.utf8Flag)
    fields.append(le16: 0)  // method: stored
    fields.append(le16: 0)  // time 00:00:00
    fields.append(le16: ZipFormat.fixedDate)
    fields.append(le32: crc)
    fields.append(le32: size)
    fields.append(le32: size)
    fields.append(le16: UInt16(name.count))
    fields.append(le16: 0)  // extra length
    return fields
  }
}

/// Constants of the ZIP format (APPNOTE 6.3) this package uses.
enum ZipFormat {
  static let localSignature: UInt32 = 0x0403_4b50
  static let centralSignature: UInt32 = 0x0201_4b50
  static let endSignature: UInt32 = 0x0605_4b50
  /// Version made by: Unix host (3), spec 3.0.
  static let madeByUnix: UInt16 = 0x031E
  /// General purpose flag bit 11: names are UTF-8.
  static let utf8Flag: UInt16 = 0x0800
  /// DOS date 1980-01-01.
  static let fixedDate: UInt16 = 0x0021
  /// A regular file, rw-r--r--.
  static let regularFileMode: UInt32 = 0o100644
}

extension [UInt8] {
  mutating func append(le16 value: UInt16) {
    append(UInt8(value & 0xFF))
    append(UInt8(value >> 8))
  }

  mutating func append(le32 value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }

  func le16(at offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }

  func le32(at offset: Int) -> UInt32 {
    UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
      | UInt32(self[offset + 3]) << 24
  }
}
