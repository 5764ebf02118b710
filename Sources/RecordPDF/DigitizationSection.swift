import HocBaModel

/// For a digitized record: the basis of digitization and the scanned pages with their SHA-256, as in the XML's
/// `SoHoa` block (reviewers, the substitution statement and the transfer confirmation when present).
enum DigitizationSection {
  static func place(_ p: Provenance, on flow: inout PageFlow) {
    flow.ensure(80)
    flow.y += 6
    flow.paragraph("THÔNG TIN SỐ HOÁ", style: .heading, gap: 4)
    flow.field("Căn cứ số hoá", Wording.digitization(p.digitizationCase))
    if !p.sources.isEmpty {
      let widths = [36.0, 150, PageFlow.contentWidth - 186]
      flow.row(["Trang", "Tệp quét", "SHA-256"], widths: widths, styles: Array(repeating: .header, count: 3))
      for page in p.sources {
        flow.row(
          [String(page.page), page.fileName, page.sha256], widths: widths,
          styles: [.centeredCell, .cell, TextStyle(size: 7)])
      }
      flow.y += 3
    }
    if !p.reviewers.isEmpty { flow.field("Người đối chiếu", p.reviewers.joined(separator: ", ")) }
    if let s = p.substitution {
      flow.field("Người ký thay", s.signer)
      flow.field("Giáo viên đã nghỉ", s.departedTeachers.joined(separator: ", "))
      flow.field("Môn học", s.subjectCodes.joined(separator: ", "))
      flow.field("Năm học", s.schoolYears.joined(separator: ", "))
      flow.field("Lý do", s.reason)
    }
    if let c = p.transferConfirmation {
      flow.field("Văn thư", c.clerk)
      flow.field("Hiệu trưởng", c.principal)
      flow.field("Nội dung xác nhận", c.statement)
    }
  }
}
