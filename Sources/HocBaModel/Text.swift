import Foundation

extension String {
  /// The text in Unicode NFC (precomposed), the form every stored and exported text uses (domain.md §6.1).
  public var nfc: String { precomposedStringWithCanonicalMapping }
}

extension Optional where Wrapped == String {
  /// The text in NFC, or nil.
  var nfc: String? { map(\.nfc) }
}
