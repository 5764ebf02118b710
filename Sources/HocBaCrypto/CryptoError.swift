/// Why a certificate, key or signing operation failed. `detail` holds OpenSSL's library and reason strings
/// (never key material, PINs or passwords).
public enum CryptoError: Error, Sendable, Equatable {
  /// A file could not be read (its path is given, not its content).
  case fileUnreadable(path: String)
  /// A certificate (PEM or DER) could not be parsed.
  case certificateUnreadable(detail: String)
  /// A CRL could not be parsed.
  case revocationListUnreadable(detail: String)
  /// A PKCS#12 file did not open: wrong password or damaged file.
  case pkcs12Unreadable(detail: String)
  /// The PKCS#12 file or token holds no private key or no certificate.
  case keyOrCertificateMissing
  /// The private key does not belong to the certificate.
  case keyCertificateMismatch
  /// The PKCS#11 engine or module could not be loaded or logged in.
  case tokenUnavailable(detail: String)
  /// The `pkcs11:` URI names no usable key on the token (or the PIN was refused).
  case tokenKeyNotFound(detail: String)
  /// Only RSA keys sign in this profile.
  case unsupportedKeyType
  /// A SHA-1 (or otherwise too weak) algorithm was asked for.
  case weakAlgorithm(String)
  /// The signature operation itself failed.
  case signingFailed(detail: String)
  /// Any other OpenSSL failure.
  case openSSL(detail: String)
  /// A PIN or password read from a file descriptor is longer than `limit` bytes (no newline or end of file).
  case secretTooLong(limit: Int)
  /// A time-stamp response or token (RFC 3161) could not be parsed.
  case timeStampUnreadable(detail: String)
  /// The time-stamp authority answered with a status other than granted (PKIStatus value).
  case timeStampNotGranted(status: Int)
}
