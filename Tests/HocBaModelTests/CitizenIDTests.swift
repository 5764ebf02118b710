import HocBaModel
import Testing

@Suite struct CitizenIDTests {
  @Test func decodesStructure() throws {
    // Synthetic: 036 Nam Định, digit 4 = 3 (21st century, female), yy = 10.
    let id = try CitizenID(parsing: "036 310 004 517")
    #expect(id.digits == "036310004517")
    #expect(id.provinceCode == "036")
    #expect(id.provinceName == "Nam Định")
    #expect(id.sex == .female)
    #expect(id.birthYear == 2010)
  }

  @Test(arguments: [("001099000001", Sex.male, 1999), ("001199000001", .female, 1999), ("079205000001", .male, 2005)])
  func centuryAndSexDigit(text: String, sex: Sex, year: Int) throws {
    let id = try CitizenID(parsing: text)
    #expect(id.sex == sex)
    #expect(id.birthYear == year)
  }

  @Test func ignoresDotsAndSpaces() throws {
    #expect(try CitizenID(parsing: "001.208.009.876").digits == "001208009876")
  }

  @Test(arguments: [
    ("00120800987", CitizenIDError.wrongLength(11)), ("0012080098761", .wrongLength(13)), ("", .wrongLength(0)),
  ])
  func refusesWrongLength(text: String, expected: CitizenIDError) {
    #expect(throws: expected) { try CitizenID(parsing: text) }
  }

  @Test func refusesLettersFromOCR() {
    #expect(throws: CitizenIDError.notDigits) { try CitizenID(parsing: "O01208009876") }
    #expect(throws: CitizenIDError.notDigits) { try CitizenID(parsing: "00120800987l") }
  }

  @Test(arguments: ["003208009876", "099208009876", "000208009876", "097208009876"])
  func refusesUnknownProvinceCodes(text: String) {
    #expect(throws: CitizenIDError.unknownProvince) { try CitizenID(parsing: text) }
  }

  @Test func acceptsEveryOneOfTheSixtyThreeProvinces() throws {
    #expect(ProvinceCodes.table.count == 63)
    for code in ProvinceCodes.table.keys {
      #expect(try CitizenID(parsing: code + "208009876").provinceCode == code)
    }
  }

  @Test func reportsDisagreementWithRecordedSexAndBirthYear() throws {
    let id = try CitizenID(parsing: "036310004517")
    #expect(id.inconsistencies(sex: .female, birthYear: 2010).isEmpty)
    #expect(id.inconsistencies(sex: .male, birthYear: 2010) == [.sex])
    #expect(id.inconsistencies(sex: .female, birthYear: 1910) == [.birthYear])
    #expect(id.inconsistencies(sex: .male, birthYear: 2011) == [.sex, .birthYear])
    #expect(id.inconsistencies(sex: .unknown, birthYear: nil).isEmpty)
  }

  @Test func errorMessagesDoNotRepeatTheDigits() {
    for error in [CitizenIDError.notDigits, .wrongLength(11), .unknownProvince] {
      #expect(!error.message(in: .vietnamese).contains("0012"))
      #expect(error.message(in: .vietnamese).lowercased().contains("mã định danh"))
    }
  }
}
