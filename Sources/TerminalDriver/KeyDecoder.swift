import ReviewUI

/// Turns terminal input bytes into keys: UTF-8 characters, control keys and CSI / SS3 escape sequences.
///
/// Bytes of an incomplete sequence are kept until the next `feed`; a lone Escape is reported by `flush()`
/// when no more bytes follow.
public struct KeyDecoder: Sendable {
  private var pending: [UInt8] = []

  /// Creates a decoder with no pending bytes.
  public init() {}

  /// True when a lone Escape (or a cut sequence) waits for more bytes.
  public var hasPending: Bool { !pending.isEmpty }

  /// Decodes as many keys as the bytes (plus those kept from before) allow.
  public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
    pending.append(contentsOf: bytes)
    var keys: [Key] = []
    var index = 0
    while index < pending.count {
      guard let (key, length) = decode(at: index) else { break }
      index += length
      guard let key else { continue }
      if case .character(let mark) = key,
        mark.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }),
        case .character(let base)? = keys.last
      {
        keys[keys.count - 1] = .character(Character(String(base) + String(mark)))
      } else {
        keys.append(key)
      }
    }
    pending.removeFirst(index)
    return keys
  }

  /// Reports the kept bytes when no more input came: a lone Escape becomes `.escape`.
  public mutating func flush() -> [Key] {
    defer { pending.removeAll() }
    return pending.first == 0x1B ? [.escape] : []
  }

  /// The key at `index` and its byte length; nil when the bytes there are incomplete. A nil key is skipped.
  private func decode(at index: Int) -> (Key?, Int)? {
    let byte = pending[index]
    switch byte {
    case 0x0D, 0x0A: return (.enter, 1)
    case 0x09: return (.tab, 1)
    case 0x7F, 0x08: return (.backspace, 1)
    case 0x03: return (.interrupt, 1)
    case 0x1B: return escape(at: index)
    case 0x01...0x1A: return (.control(Character(Unicode.Scalar(byte + 0x60))), 1)
    case 0x00..<0x20: return (nil, 1)
    default: return utf8(at: index)
    }
  }

  private func escape(at index: Int) -> (Key?, Int)? {
    guard index + 1 < pending.count else { return nil }
    let next = pending[index + 1]
    if next == 0x5B {  // CSI: ESC [ params final
      var end = index + 2
      while end < pending.count, !(0x40...0x7E).contains(pending[end]) { end += 1 }
      guard end < pending.count else { return nil }
      let parameters = String(decoding: pending[(index + 2)..<end], as: UTF8.self)
      return (csi(final: pending[end], parameters), end - index + 1)
    }
    if next == 0x4F {  // SS3: ESC O x
      guard index + 2 < pending.count else { return nil }
      let keys: [UInt8: Key] = [
        0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end, 0x50: .f1, 0x51: .f2,
      ]
      return (keys[pending[index + 2]], 3)
    }
    return (.escape, 1)
  }

  private func csi(final: UInt8, _ parameters: String) -> Key? {
    switch final {
    case 0x41: return .up
    case 0x42: return .down
    case 0x43: return .right
    case 0x44: return .left
    case 0x48: return .home
    case 0x46: return .end
    case 0x5A: return .backTab
    case 0x7E:
      switch parameters.split(separator: ";").first.map(String.init) {
      case "1", "7": return .home
      case "4", "8": return .end
      case "3": return .delete
      case "11": return .f1
      case "12": return .f2
      default: return nil
      }
    default: return nil
    }
  }

  private func utf8(at index: Int) -> (Key?, Int)? {
    let byte = pending[index]
    let length =
      switch byte {
      case 0xC0..<0xE0: 2
      case 0xE0..<0xF0: 3
      case 0xF0..<0xF8: 4
      case 0x80..<0xC0, 0xF8...: 0
      default: 1
      }
    guard length > 0 else { return (nil, 1) }  // a stray continuation byte
    guard index + length <= pending.count else { return nil }
    let text = String(decoding: pending[index..<(index + length)], as: UTF8.self)
    guard let character = text.first, text != "\u{FFFD}" else { return (nil, length) }
    return (.character(character), length)
  }
}
