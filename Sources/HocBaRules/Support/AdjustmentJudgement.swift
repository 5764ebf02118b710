import HocBaModel

/// How a printed level relates to the computed one when an adjustment clause may apply.
enum AdjustmentJudgement {
  /// The printed level matches neither the strict nor the adjusted level.
  case mismatch
  /// The printed level is the adjusted one.
  case adjustedLevelPrinted
  /// The printed level is the strict one although the clause would adjust it.
  case strictLevelPrinted

  /// The judgement and its severity under `handling`, or nil when the printed level is consistent.
  static func judge<Level: Equatable>(
    printed: Level, evaluation: LevelEvaluation<Level>, handling: AdjustmentHandling
  ) -> (AdjustmentJudgement, Severity)? {
    guard let adjusted = evaluation.adjusted else {
      return printed == evaluation.strict ? nil : (.mismatch, .error)
    }
    if printed == evaluation.strict {
      switch handling {
      case .review: return (.strictLevelPrinted, .warning)
      case .apply: return (.strictLevelPrinted, .error)
      case .ignore: return nil
      }
    }
    if printed == adjusted {
      switch handling {
      case .review: return (.adjustedLevelPrinted, .warning)
      case .apply: return nil
      case .ignore: return (.adjustedLevelPrinted, .error)
      }
    }
    return (.mismatch, .error)
  }
}

/// A value in tenths written with a decimal comma, for sums above 10 ("70,7").
func decimalComma(tenths: Int) -> String {
  "\(tenths < 0 ? "−" : "")\(abs(tenths) / 10),\(abs(tenths) % 10)"
}
