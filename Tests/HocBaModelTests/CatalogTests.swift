import HocBaModel
import Testing

@Suite struct CatalogTests {
  @Test func regimeFollowsTheRoadmapPerYearAndGrade() {
    func regime(_ start: Int, _ grade: Int) -> Regime? {
      Regime.applicable(schoolYear: SchoolYear(startYear: start)!, grade: grade)
    }
    #expect(regime(2021, 6) == .tt22)
    #expect(regime(2020, 6) == .tt58)
    #expect(regime(2021, 7) == .tt58)
    #expect(regime(2022, 7) == .tt22)
    #expect(regime(2023, 9) == .tt58)
    #expect(regime(2024, 9) == .tt22)
    #expect(regime(2022, 10) == .tt22)
    #expect(regime(2023, 12) == .tt58)
    #expect(regime(2023, 5) == nil)
  }

  @Test func tt22SecondaryHasEightScoredAndFourCommentSubjects() {
    let compulsory = SubjectCatalog.subjects(regime: .tt22, grade: 8).filter { $0.status == .compulsory }
    #expect(compulsory.filter { $0.assessment == .scored }.count == 8)
    #expect(compulsory.filter { $0.assessment == .commented }.count == 4)
  }

  @Test func tt58ChemistryStartsInGradeEight() {
    #expect(!SubjectCatalog.subjects(regime: .tt58, grade: 7).contains { $0.code == "hoa-hoc" })
    #expect(SubjectCatalog.subjects(regime: .tt58, grade: 8).contains { $0.code == "hoa-hoc" })
  }

  @Test func subjectCodesAreUniquePerRegimeAndBand() {
    for regime in Regime.allCases {
      for band in GradeBand.allCases {
        let codes = SubjectCatalog.entries.filter { $0.regime == regime && $0.band == band }.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(!codes.isEmpty)
      }
    }
  }

  @Test func levelVocabulariesMatchTheEnumCodes() {
    #expect(LevelScale.tt22Level.vocabulary.map(\.code) == TT22Level.allCases.map(\.rawValue))
    #expect(LevelScale.passLevel.vocabulary.map(\.code) == PassLevel.allCases.map(\.rawValue))
    #expect(LevelScale.conduct.vocabulary.map(\.code) == ConductLevel.allCases.map(\.rawValue))
    #expect(LevelScale.academicRank.vocabulary.map(\.code) == AcademicRank.allCases.map(\.rawValue))
    #expect(LevelScale.academicRank.name(of: "Tb") == "Trung bình")
  }

  @Test func dateAndSchoolYearParsing() {
    #expect(CalendarDate(parsing: "12/03/2010")?.iso == "2010-03-12")
    #expect(CalendarDate(parsing: "2010-03-12")?.description == "12/03/2010")
    #expect(CalendarDate(parsing: "30/02/2010") == nil)
    #expect(CalendarDate(parsing: "29/02/2012") != nil)
    #expect(SchoolYear(parsing: "2023 - 2024")?.description == "2023-2024")
    #expect(SchoolYear(parsing: "2023-2025") == nil)
  }

  @Test func stateMachineAllowsOnlyTheForwardPathAndReopening() {
    #expect(RecordState.imported.canMove(to: .inReview))
    #expect(!RecordState.imported.canMove(to: .approved))
    #expect(RecordState.approved.canMove(to: .inReview))
    #expect(RecordState.sealed.successors.isEmpty)
    #expect(RecordState.allowedTransitions.count == 7)
  }

  @Test func namesAreStoredInNFC() {
    let decomposed = "Nguye\u{0302}\u{0303}n"  // "Nguyễn" in NFD
    let student = StudentIdentity(
      fullName: decomposed, sex: .male, birthDate: CalendarDate(year: 2010, month: 1, day: 1)!)
    #expect(student.fullName.unicodeScalars.count == 6)
    #expect(student.fullName == "Nguyễn")
  }

  @Test func languageResolution() {
    #expect(Language.resolve(flag: nil, environment: [:]) == .vietnamese)
    #expect(Language.resolve(flag: nil, environment: ["LANG": "en_US.UTF-8"]) == .english)
    #expect(Language.resolve(flag: "vi", environment: ["LANG": "en_US.UTF-8"]) == .vietnamese)
    #expect(Language.resolve(flag: nil, environment: ["LANG": "C.UTF-8"]) == .vietnamese)
  }
}
