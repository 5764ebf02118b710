// Internal helpers: ordinals and display names of the model's level enums (names from LevelScale).
import HocBaModel

extension TT22Level {
  /// Ordinal: Chưa đạt 0, Đạt 1, Khá 2, Tốt 3.
  var ordinal: Int {
    switch self {
    case .fail: 0
    case .pass: 1
    case .fair: 2
    case .good: 3
    }
  }

  /// The level with `ordinal`, clamped to Chưa đạt … Tốt.
  init(ordinal: Int) {
    self = [.fail, .pass, .fair, .good][min(max(ordinal, 0), 3)]
  }

  /// The full Vietnamese name ("Tốt", "Chưa đạt").
  var name: String { LevelScale.tt22Level.name(of: rawValue) ?? rawValue }

}

extension AcademicRank {
  /// Ordinal: Kém 0, Yếu 1, Trung bình 2, Khá 3, Giỏi 4.
  var ordinal: Int {
    switch self {
    case .poor: 0
    case .weak: 1
    case .average: 2
    case .good: 3
    case .excellent: 4
    }
  }

  /// The full Vietnamese name ("Giỏi", "Trung bình").
  var name: String { LevelScale.academicRank.name(of: rawValue) ?? rawValue }

}

extension ConductLevel {
  /// Ordinal: Yếu 0, Trung bình 1, Khá 2, Tốt 3.
  var ordinal: Int {
    switch self {
    case .weak: 0
    case .average: 1
    case .fair: 2
    case .good: 3
    }
  }

  /// The full Vietnamese name ("Tốt", "Trung bình").
  var name: String { LevelScale.conduct.name(of: rawValue) ?? rawValue }

}

extension PassLevel {
  /// The full Vietnamese name ("Đạt", "Chưa đạt").
  var name: String { LevelScale.passLevel.name(of: rawValue) ?? rawValue }
}
