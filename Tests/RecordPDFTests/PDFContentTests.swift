import Foundation
import HocBaModel
import HocBaSamples
import RecordPDF
import RecordXML
import TestSupport
import Testing

/// The PDF học bạ carries every value of the XML export of the same record, read back with pdftotext.
@Suite("PDF học bạ content")
struct PDFContentTests {
  /// The samples, plus a departed-teacher year with a substitution statement and an incoming transfer.
  static var records: [SchoolYearRecord] {
    var departed = SampleRecords.tt22Secondary
    departed.provenance.digitizationCase = .departedTeacherContent(subjectCodes: ["toan"])
    departed.provenance.substitution = SubstitutionStatement(
      signer: "Lê Văn Hiệu", departedTeachers: ["Đỗ Văn Minh"], subjectCodes: ["toan"], schoolYears: ["2023-2024"],
      reason: "Giáo viên đã chuyển công tác")
    departed.corrections = CorrectionNote(count: 2, subjectCodes: ["toan", "khtn"])
    var transfer = SampleRecords.tt22Upper
    transfer.provenance.digitizationCase = .incomingTransfer(originSchool: SchoolRef(name: "Trường THCS Hoa Lư"))
    transfer.provenance.transferConfirmation = TransferConfirmation(
      clerk: "Văn Thư Mẫu", principal: "Lê Văn Hiệu", statement: "Khớp với học bạ giấy lưu trữ")
    return SampleRecords.all + [departed, transfer]
  }

  static let tt22Levels = ["T": "Tốt", "K": "Khá", "Đ": "Đạt", "CĐ": "Chưa đạt"]
  static let conduct = ["T": "Tốt", "K": "Khá", "Tb": "Trung bình", "Y": "Yếu"]
  static let rank = ["G": "Giỏi", "K": "Khá", "Tb": "Trung bình", "Y": "Yếu", "Kém": "Kém"]
  static let promotion = [
    "len-lop": "Được lên lớp", "khong-len-lop": "Không được lên lớp",
    "len-lop-sau-ren-luyen-he": "Được lên lớp sau khi rèn luyện trong kì nghỉ hè",
    "len-lop-sau-danh-gia-lai": "Được lên lớp sau kiểm tra, đánh giá lại",
    "hoan-thanh-chuong-trinh": "Hoàn thành chương trình",
    "chua-hoan-thanh-chuong-trinh": "Chưa hoàn thành chương trình",
  ]

  /// How an XML leaf value is written on the paper form (nil: not on the form).
  static func printed(_ path: [String], _ value: String) -> String? {
    let name = path.last ?? ""
    let parent = path.dropLast().last ?? ""
    let iso = value.split(separator: "-")
    switch (parent, name) {
    case ("MonHoc", "Ma"): return nil  // subject codes are identifiers, not on the paper form
    case ("HocSinh", "GioiTinh"): return value == "2" ? "Nữ" : "Nam"
    case ("PDuyet", "Ngay"): return "ngày \(Int(iso[2])!) tháng \(Int(iso[1])!) năm \(iso[0])"
    case (_, "NgaySinh"), (_, "NgayVao"), (_, "NHLuc"): return "\(iso[2])/\(iso[1])/\(iso[0])"
    case ("MonHoc", "HK1"), ("MonHoc", "HK2"), ("MonHoc", "CaNam"), ("MonHoc", "DGLai"), ("DTBCMon", _):
      return value.replacingOccurrences(of: ".", with: ",")
    case ("RenLuyen", _), ("HocTap", _): return tt22Levels[value]
    case ("HanhKiem", _): return conduct[value]
    case ("HocLuc", _): return rank[value]
    case (_, "LenLop"): return promotion[value]
    default: return value
    }
  }

  @Test("every XML value is in the PDF text", arguments: 0..<5)
  func everyValue(index: Int) throws {
    let record = Self.records[index]
    let scratch = try TemporaryDirectory()
    let file = scratch.path("r.pdf")
    try Data(try RecordPDF.render(record)).write(to: URL(fileURLWithPath: file))
    let text = try PDFTools.text(of: file)
    let xml = String(decoding: try RecordXML.export(record), as: UTF8.self)
    var checked = 0
    for (path, value) in XMLLeaves.of(xml) {
      guard let expected = Self.printed(path, value) else { continue }
      #expect(
        text.contains(PDFTools.normalized(expected)), "\(path.joined(separator: "/")) is missing from the PDF text")
      checked += 1
    }
    #expect(checked > 40)
    // Values that are not leaves of their own in the XML but belong to the form.
    #expect(text.contains("HỌC BẠ") && text.contains("QUÁ TRÌNH HỌC TẬP"))
    #expect(text.contains("KẾT QUẢ RÈN LUYỆN VÀ HỌC TẬP") && text.contains("THÔNG TIN SỐ HOÁ"))
  }

  @Test("a digitized record shows its basis and every scan hash")
  func digitization() throws {
    let record = Self.records[3]
    let scratch = try TemporaryDirectory()
    let file = scratch.path("r.pdf")
    try Data(try RecordPDF.render(record)).write(to: URL(fileURLWithPath: file))
    let text = try PDFTools.text(of: file)
    #expect(!record.provenance.sources.isEmpty)
    for page in record.provenance.sources {
      #expect(text.contains("\(page.page) \(page.fileName) \(page.sha256)"))
    }
    #expect(text.contains("Căn cứ số hoá: Số hoá nội dung do giáo viên đã nghỉ ghi (gv-da-nghi); môn: toan"))
    #expect(text.contains("Lý do: Giáo viên đã chuyển công tác"))
  }

  @Test("a changed value changes the PDF text (the check can fail)")
  func changedValue() throws {
    var record = SampleRecords.tt22Secondary
    record.subjects[1].firstTerm = .score(try Score(parsing: "9,9"))
    let scratch = try TemporaryDirectory()
    let file = scratch.path("r.pdf")
    try Data(try RecordPDF.render(record)).write(to: URL(fileURLWithPath: file))
    let text = try PDFTools.text(of: file)
    #expect(text.contains("Toán 9,9"))
    #expect(!text.contains("Toán 6,6"))
  }
}
