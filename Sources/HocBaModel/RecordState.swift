/// The life cycle of a record: imported → in review → reviewed → approved → signing → sealed.
public enum RecordState: String, Sendable, Hashable, Codable, CaseIterable {
  case imported
  case inReview = "in_review"
  case reviewed
  case approved
  case signing
  case sealed

  /// The states a record may move to from this one. A sealed record never changes again.
  public var successors: Set<RecordState> {
    switch self {
    case .imported: [.inReview]
    case .inReview: [.reviewed]
    case .reviewed: [.inReview, .approved]
    case .approved: [.inReview, .signing]
    case .signing: [.sealed]
    case .sealed: []
    }
  }

  /// Whether moving to `next` is allowed.
  public func canMove(to next: RecordState) -> Bool { successors.contains(next) }

  /// Every allowed (from, to) pair, for the database trigger that enforces the same machine.
  public static var allowedTransitions: [(from: RecordState, to: RecordState)] {
    allCases.flatMap { from in from.successors.sorted { $0.rawValue < $1.rawValue }.map { (from, $0) } }
  }

  /// The state's name for users.
  public func label(in language: Language) -> String {
    switch self {
    case .imported: language.pick("mới nhập", "imported")
    case .inReview: language.pick("đang rà soát", "in review")
    case .reviewed: language.pick("đã rà soát", "reviewed")
    case .approved: language.pick("đã phê duyệt", "approved")
    case .signing: language.pick("đang ký số", "signing")
    case .sealed: language.pick("đã niêm phong", "sealed")
    }
  }
}
