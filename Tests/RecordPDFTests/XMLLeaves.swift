import Foundation

/// The leaf values of a compact hocba XML export, each with its element path (e.g. `MonHoc/HK1`).
enum XMLLeaves {
  static func of(_ xml: String) -> [(path: [String], value: String)] {
    var stack: [String] = []
    var leaves: [(path: [String], value: String)] = []
    var rest = Substring(xml)
    while let open = rest.firstIndex(of: "<") {
      let text = rest[rest.startIndex..<open]
      guard let close = rest[open...].firstIndex(of: ">") else { break }
      let tag = rest[rest.index(after: open)..<close]
      if tag.hasPrefix("/") {
        if !text.isEmpty { leaves.append((stack, unescape(String(text)))) }
        stack.removeLast()
      } else if !tag.hasPrefix("?") && !tag.hasSuffix("/") {
        stack.append(String(tag.split(separator: " ").first ?? ""))
      }
      rest = rest[rest.index(after: close)...]
    }
    return leaves
  }

  private static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
