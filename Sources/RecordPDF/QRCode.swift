internal import CQREncode

/// QR codes through libqrencode.
enum QRCode {
  /// The module matrix of `text` (byte mode, error correction M), row by row, true for dark.
  static func modules(for text: String) throws(RecordPDFError) -> [[Bool]] {
    guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { throw .qrCodeFailed }
    defer { QRcode_free(code) }
    let width = Int(code.pointee.width)
    guard width > 0, let data = code.pointee.data else { throw .qrCodeFailed }
    return (0..<width).map { row in (0..<width).map { column in data[row * width + column] & 1 == 1 } }
  }
}
