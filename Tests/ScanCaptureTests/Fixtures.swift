import Foundation

/// Locations of the committed fixtures (regenerate with Fixtures/make_fixtures.py).
enum Fixture {
  static func url(_ name: String) -> URL {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
      fatalError("Fixtures folder missing from the test bundle")
    }
    return folder.appendingPathComponent(name)
  }

  /// Score cells of the upright synthetic page (see SCORE_CELLS in make_fixtures.py), with their printed values.
  static let scoreCells: [(x: Int, y: Int, width: Int, height: Int, value: String)] = [
    (900, 700, 260, 90, "7,8"), (900, 790, 260, 90, "10"), (900, 880, 260, 90, "6,5"),
  ]

  /// A PNG that is only a signature and an IHDR chunk claiming `width`×`height` (no pixel data).
  static func headerOnlyPNG(width: UInt32, height: UInt32) -> [UInt8] {
    func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
    let body = Array("IHDR".utf8) + bigEndian(width) + bigEndian(height) + [8, 0, 0, 0, 0]
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + bigEndian(13) + body + bigEndian(crc32(body))
  }

  private static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
