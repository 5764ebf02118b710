/// A TT22 level for rèn luyện and học tập: Tốt, Khá, Đạt, Chưa đạt (TT22 Điều 8, 9).
public enum TT22Level: String, Sendable, Hashable, Codable, CaseIterable {
  case good = "T"
  case fair = "K"
  case pass = "Đ"
  case fail = "CĐ"
}

/// The result of a comment-only subject: Đạt or Chưa đạt (TT22 Điều 5, TT58 Điều 6.1.a).
public enum PassLevel: String, Sendable, Hashable, Codable, CaseIterable {
  case pass = "Đ"
  case fail = "CĐ"
}

/// TT58 hạnh kiểm (conduct): Tốt, Khá, Trung bình, Yếu (TT58 Điều 3–4).
public enum ConductLevel: String, Sendable, Hashable, Codable, CaseIterable {
  case good = "T"
  case fair = "K"
  case average = "Tb"
  case weak = "Y"
}

/// TT58 học lực (academic rank): Giỏi, Khá, Trung bình, Yếu, Kém (TT58 Điều 13).
public enum AcademicRank: String, Sendable, Hashable, Codable, CaseIterable {
  case excellent = "G"
  case good = "K"
  case average = "Tb"
  case weak = "Y"
  case poor = "Kém"
}

/// The vocabulary of one level scale: its codes and their full Vietnamese names, read from one table.
public enum LevelScale: String, Sendable, Hashable, CaseIterable {
  /// TT22 rèn luyện and học tập.
  case tt22Level
  /// Đ/CĐ of a comment-only subject (both regimes).
  case passLevel
  /// TT58 hạnh kiểm.
  case conduct
  /// TT58 học lực.
  case academicRank

  /// Code → full name, in display order. The only place level names are written.
  public var vocabulary: [(code: String, name: String)] {
    switch self {
    case .tt22Level: [("T", "Tốt"), ("K", "Khá"), ("Đ", "Đạt"), ("CĐ", "Chưa đạt")]
    case .passLevel: [("Đ", "Đạt"), ("CĐ", "Chưa đạt")]
    case .conduct: [("T", "Tốt"), ("K", "Khá"), ("Tb", "Trung bình"), ("Y", "Yếu")]
    case .academicRank: [("G", "Giỏi"), ("K", "Khá"), ("Tb", "Trung bình"), ("Y", "Yếu"), ("Kém", "Kém")]
    }
  }

  /// The full name of a code on this scale, or nil.
  public func name(of code: String) -> String? { vocabulary.first { $0.code == code }?.name }

  /// The scales a regime uses for its summary block.
  public static func scales(for regime: Regime) -> [LevelScale] {
    regime == .tt22 ? [.tt22Level, .passLevel] : [.conduct, .academicRank, .passLevel]
  }
}
