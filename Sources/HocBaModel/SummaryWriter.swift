/// Writes one `summary.<group>.<column>` value into a year's results block (TT22 or TT58).
enum SummaryWriter {
  static func write(
    _ summary: YearSummary, group: String, column: String, value: String?, path: String
  ) throws(FieldWriteError) -> YearSummary {
    switch summary {
    case .tt22(var block):
      guard let level = try parse(value, TT22Level.init(rawValue:), path) else {
        try set(&block, group: group, column: column, nil, path: path)
        return .tt22(block)
      }
      try set(&block, group: group, column: column, level, path: path)
      return .tt22(block)
    case .tt58(var block):
      switch group {
      case "conduct":
        let level = try parse(value, ConductLevel.init(rawValue:), path)
        switch column {
        case "firstTerm": block.conductFirstTerm = level
        case "secondTerm": block.conductSecondTerm = level
        case "fullYear": block.conductFullYear = level
        case "reassessment": block.conductReassessed = level
        default: throw .unknownPath(path)
        }
      case "rank":
        let rank = try parse(value, AcademicRank.init(rawValue:), path)
        switch column {
        case "firstTerm": block.rankFirstTerm = rank
        case "secondTerm": block.rankSecondTerm = rank
        case "fullYear": block.rankFullYear = rank
        case "reassessment": block.rankReassessed = rank
        default: throw .unknownPath(path)
        }
      case "average":
        let score = try parse(value, { try? Score(parsing: $0) }, path)
        switch column {
        case "firstTerm": block.averageFirstTerm = score
        case "secondTerm": block.averageSecondTerm = score
        case "fullYear": block.averageFullYear = score
        default: throw .unknownPath(path)
        }
      default: throw .unknownPath(path)
      }
      return .tt58(block)
    }
  }

  private static func parse<T>(
    _ value: String?, _ make: (String) -> T?, _ path: String
  ) throws(FieldWriteError) -> T? {
    guard let value else { return nil }
    guard let result = make(value) else { throw .invalidValue(path: path) }
    return result
  }

  private static func set(
    _ block: inout TT22Summary, group: String, column: String, _ level: TT22Level?, path: String
  ) throws(FieldWriteError) {
    let levels: WritableKeyPath<TT22Summary, TT22Levels>
    switch group {
    case "conduct": levels = \.conduct
    case "learning": levels = \.learning
    default: throw .unknownPath(path)
    }
    switch column {
    case "firstTerm": block[keyPath: levels].firstTerm = level
    case "secondTerm": block[keyPath: levels].secondTerm = level
    case "fullYear": block[keyPath: levels].fullYear = level
    case "reassessment": block[keyPath: levels].reassessed = level
    default: throw .unknownPath(path)
    }
  }
}
