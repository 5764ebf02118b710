/// Every readable page of one scanned file, the file's hash, and the pages that could not be read.
public struct LoadedScan {
  /// The pages that were decoded, in file order.
  public let pages: [LoadedPage]
  /// The SHA-256 of the bytes the pages were decoded from.
  public let sha256: String
  /// Why some pages are missing (`CaptureError.incompleteFile`), nil when every page was read.
  public let problem: CaptureError?
  /// What the image libraries printed while decoding a file that was read anyway (warnings), for its summary.
  public var libraryMessages: [String] = []

  /// The number of pages the file declares (readable or not), as far as it can be known.
  public var declaredPageCount: Int {
    guard case .incompleteFile(_, let damaged, let count, _) = problem?.underlying else { return pages.count }
    return count ?? pages.count + damaged.count
  }
}
