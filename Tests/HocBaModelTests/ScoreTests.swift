import HocBaModel
import Testing

@Suite struct ScoreTests {
  @Test(arguments: [("7,8", 78), ("7.8", 78), ("10", 100), ("0", 0), (" 8,0 ", 80), ("9", 90), ("0,5", 5)])
  func parsesValidScores(text: String, tenths: Int) throws {
    #expect(try Score(parsing: text).tenths == tenths)
  }

  @Test(arguments: [
    ("10,5", ScoreError.outOfRange), ("7,85", .tooManyDecimals), ("-1", .malformed), ("", .empty),
    ("7,", .malformed), (",5", .malformed), ("7,5,1", .malformed), ("abc", .malformed), ("100", .outOfRange),
    ("   ", .empty), ("7 5", .malformed),
  ])
  func refusesInvalidScores(text: String, expected: ScoreError) {
    #expect(throws: expected) { try Score(parsing: text) }
  }

  @Test func printsWithDecimalComma() throws {
    #expect(try Score(parsing: "7.8").description == "7,8")
    #expect(try Score(parsing: "10").description == "10,0")
    #expect(try Score(parsing: "7,8").canonical == "7.8")
  }

  @Test func yearAverageRoundsHalfUp() throws {
    // (6,6 + 2 × 6,4) / 3 = 6,4667 → 6,5 (crosses the 6,5 threshold).
    #expect(Score.yearAverage(firstTerm: try Score(parsing: "6,6"), secondTerm: try Score(parsing: "6,4")).tenths == 65)
    // (7,7 + 2 × 6,4) / 3 = 6,833 → 6,8.
    #expect(Score.yearAverage(firstTerm: try Score(parsing: "7,7"), secondTerm: try Score(parsing: "6,4")).tenths == 68)
    // (8,0 + 2 × 8,5) / 3 = 8,333 → 8,3.
    #expect(Score.yearAverage(firstTerm: try Score(parsing: "8"), secondTerm: try Score(parsing: "8,5")).tenths == 83)
  }

  @Test func exactHalfRoundsUp() {
    // 6,45 → 6,5 and 8,25 → 8,3 (binary floating point gives 8,2).
    #expect(Score.roundedHalfUp(numeratorTenths: 645, denominator: 10)?.tenths == 65)
    #expect(Score.roundedHalfUp(numeratorTenths: 825, denominator: 10)?.tenths == 83)
    #expect(Score.roundedHalfUp(numeratorTenths: 824, denominator: 10)?.tenths == 82)
    #expect(Score.roundedHalfUp(numeratorTenths: 1, denominator: 0) == nil)
    // The TT22 worked example: (21,5 + 10 + 30) / 8 = 7,6875 → 7,7.
    #expect(Score.roundedHalfUp(numeratorTenths: 615, denominator: 8)?.tenths == 77)
  }

  @Test func meanOfScores() throws {
    let scores = try ["8,0", "7,5", "6,0"].map { try Score(parsing: $0) }
    // 21,5 / 3 = 7,1667 → 7,2.
    #expect(Score.mean(scores)?.tenths == 72)
    #expect(Score.mean([]) == nil)
  }

  @Test func boundsAndOrdering() throws {
    #expect(Score(tenths: 101) == nil)
    #expect(Score(tenths: -1) == nil)
    #expect(try Score(parsing: "6,5") < Score(parsing: "6,6"))
  }

  @Test func messagesAreVietnameseByDefaultAndEnglishOnRequest() {
    #expect(ScoreError.outOfRange.message(in: .vietnamese).contains("0 đến 10"))
    #expect(ScoreError.outOfRange.message(in: .english).contains("between 0 and 10"))
  }
}
