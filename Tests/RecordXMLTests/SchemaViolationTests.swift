import Foundation
import HocBaModel
import Testing

@testable import RecordXML

/// Schema violations and model-invalid values are refused with the element named and the value left out.
@Suite("Schema violations")
struct SchemaViolationTests {
  /// The sample export with `old` replaced by `new` exactly once.
  private func variant(_ old: String, _ new: String) throws -> String {
    let text = Fixtures.sampleText
    let range = try #require(text.range(of: old), "sample has no \(old)")
    return text.replacingCharacters(in: range, with: new)
  }

  private func expectIssue(
    _ text: String, element: String, problem: RecordXMLIssue.Problem, hiding value: String? = nil
  ) {
    let error = Fixtures.parseError(text, source: "sai.xml")
    let issues = Fixtures.issues(error)
    #expect(issues.contains { $0.element.hasSuffix(element) && $0.problem == problem }, "issues: \(issues)")
    let messages = Fixtures.messages(error)
    #expect(messages.contains("sai.xml") && messages.contains(element))
    if let value { #expect(!messages.contains(value), "message repeats the value \(value)") }
  }

  @Test("a score above 10 is refused")
  func scoreAboveTen() throws {
    expectIssue(
      try variant("<HK1>7.2</HK1>", "<HK1>10.5</HK1>"), element: "MonHoc[1]/HK1", problem: .badValue,
      hiding: "10.5")
  }

  @Test("a score with a decimal comma or two decimals is refused")
  func scoreWithComma() throws {
    expectIssue(try variant("<HK1>7.2</HK1>", "<HK1>7,85</HK1>"), element: "HK1", problem: .badValue, hiding: "7,85")
    expectIssue(try variant("<HK1>7.2</HK1>", "<HK1>7.25</HK1>"), element: "HK1", problem: .badValue)
    expectIssue(try variant("<HK1>7.2</HK1>", "<HK1>7</HK1>"), element: "HK1", problem: .badValue)
  }

  @Test("an unknown level code is refused")
  func unknownLevel() throws {
    expectIssue(
      try variant("<RenLuyen><HK1>T</HK1>", "<RenLuyen><HK1>Giỏi</HK1>"), element: "RenLuyen/HK1",
      problem: .notAllowedCode, hiding: "Giỏi")
    expectIssue(
      try variant("<LenLop>len-lop</LenLop>", "<LenLop>o-lai</LenLop>"), element: "LenLop",
      problem: .notAllowedCode)
  }

  @Test("a missing HoTen is refused, naming HoTen as expected")
  func missingName() throws {
    let text = try variant("<HoTen>Nguyễn Thị Thuỷ</HoTen>", "")
    let issues = Fixtures.issues(Fixtures.parseError(text, source: "sai.xml"))
    #expect(issues.contains { $0.element.hasSuffix("HocSinh/GioiTinh") && $0.expected == ["HoTen"] }, "\(issues)")
    #expect(Fixtures.messages(Fixtures.parseError(text, source: "sai.xml")).contains("HoTen"))
  }

  @Test("an empty required text is refused")
  func emptyText() throws {
    expectIssue(try variant("<Lop>8A1</Lop>", "<Lop></Lop>"), element: "TTChung/Lop", problem: .badValue)
  }

  @Test("elements out of order and unknown elements are refused")
  func order() throws {
    expectIssue(
      try variant("<NamHoc>2023-2024</NamHoc><KhoiLop>8</KhoiLop>", "<KhoiLop>8</KhoiLop><NamHoc>2023-2024</NamHoc>"),
      element: "KhoiLop", problem: .unexpectedElement)
    expectIssue(try variant("<DSCKS/>", "<Extra/><DSCKS/>"), element: "Extra", problem: .unexpectedElement)
  }

  @Test("bad attributes are refused")
  func attributes() throws {
    expectIssue(try variant(#"Id="mh-toan""#, #"Id="mh toan""#), element: "@Id", problem: .badAttribute)
    expectIssue(
      try variant(#"<DLHocBa Id="data">"#, #"<DLHocBa Id="du-lieu">"#), element: "DLHocBa/@Id",
      problem: .badAttribute)
  }

  @Test("bad dates, school years and CCCD patterns are refused")
  func patterns() throws {
    expectIssue(
      try variant("<NgaySinh>2010-03-12</NgaySinh>", "<NgaySinh>12/03/2010</NgaySinh>"),
      element: "NgaySinh", problem: .badValue, hiding: "12/03/2010")
    expectIssue(
      try variant("<NamHoc>2023-2024</NamHoc><KhoiLop>", "<NamHoc>2023</NamHoc><KhoiLop>"),
      element: "NamHoc", problem: .badValue)
    expectIssue(
      try variant("<MDDanh>036310004517</MDDanh>", "<MDDanh>03631000451</MDDanh>"), element: "MDDanh",
      problem: .badValue, hiding: "03631000451")
  }

  @Test("values the schema allows but the model refuses name the element")
  func modelInvalid() throws {
    let cases: [(String, String, String)] = [
      ("<MDDanh>036310004517</MDDanh>", "<MDDanh>999310004517</MDDanh>", "DLHocBa/TTChung/HocSinh/MDDanh"),
      ("<NgaySinh>2010-03-12</NgaySinh>", "<NgaySinh>1850-03-12</NgaySinh>", "DLHocBa/TTChung/HocSinh/NgaySinh"),
      ("<NamHoc>2023-2024</NamHoc><KhoiLop>", "<NamHoc>2023-2025</NamHoc><KhoiLop>", "DLHocBa/TTChung/NamHoc"),
      (#"Id="mh-toan""#, #"Id="mh-toan-x""#, "DLHocBa/BangDiem/MonHoc[2]/@Id"),
    ]
    for (old, new, element) in cases {
      let error = Fixtures.parseError(try variant(old, new), source: "sai.xml")
      guard case .invalidValue("sai.xml", let found, _) = error else {
        Issue.record("\(element): unexpected \(String(describing: error))")
        continue
      }
      #expect(found == element)
    }
  }

  @Test("CheDo and the TongKet block must agree")
  func regime() throws {
    let error = Fixtures.parseError(try variant("<CheDo>TT22</CheDo>", "<CheDo>TT58</CheDo>"), source: "sai.xml")
    #expect(error == .regimeMismatch(source: "sai.xml"))
  }

  @Test("DGNLPC content is refused until the model can keep it")
  func assessmentBlock() throws {
    let text = try variant(
      "<NXChung>", "<DGNLPC><DGia><NoiDung>Tự chủ</NoiDung><MucDG>T</MucDG></DGia></DGNLPC><NXChung>")
    #expect(
      Fixtures.parseError(text, source: "sai.xml") == .unsupportedContent(source: "sai.xml", element: "DLHocBa/DGNLPC"))
  }

  @Test("a signature slot in DSCKS is accepted and ignored by the model")
  func signatureSlot() throws {
    let slot =
      #"<DSCKS><CKS VaiTro="gvmh" Ma="toan"><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" "#
      + #"Id="sig-toan"><ds:SignedInfo/></ds:Signature></CKS></DSCKS>"#
    let record = try RecordXML.parse(Array(try variant("<DSCKS/>", slot).utf8), source: "ky.xml")
    #expect(try record == RecordXML.parse(Array(Fixtures.sampleText.utf8), source: "goc.xml"))
    expectIssue(
      try variant("<DSCKS/>", #"<DSCKS><CKS VaiTro="khac"><x/></CKS></DSCKS>"#), element: "CKS/@VaiTro",
      problem: .badAttribute)
  }
}
