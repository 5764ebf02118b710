import HocBaModel

/// The information page of the paper học bạ: national header, title, the student, the parents, the school,
/// the personal ID and the lookup code with its QR code, and the study history table.
enum InformationPage {
  static func place(_ record: SchoolYearRecord, qr: [[Bool]]?, on flow: inout PageFlow) {
    flow.paragraph("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", style: .heading, gap: 1)
    flow.paragraph("Độc lập - Tự do - Hạnh phúc", style: TextStyle(size: 10, bold: true, alignment: .center))
    flow.y += 18
    flow.paragraph("HỌC BẠ", style: .title, gap: 2)
    flow.paragraph(Wording.band(record.grade), style: .heading, gap: 16)
    let s = record.student
    if let qr, let code = s.lookupCode {
      let side = 84.0
      let frame = Frame(x: PageFlow.right - side, y: flow.y, width: side, height: side)
      flow.current.items.append(.qrCode(qr, frame))
      flow.current.items.append(
        .text(
          "Mã tra cứu: \(code)", Frame(x: frame.x - 20, y: frame.y + side + 2, width: side + 20, height: 10),
          TextStyle(size: 7, alignment: .center)))
    }
    let narrow = PageFlow.contentWidth - 110
    func line(_ label: String, _ value: String?) {
      flow.paragraph(label + ": " + (value ?? ""), width: narrow)
    }
    line("Họ và tên học sinh", s.fullName)
    line("Giới tính", Wording.sex(s.sex))
    line("Ngày sinh", s.birthDate.description)
    line("Nơi sinh", s.birthPlace)
    line("Dân tộc", s.ethnicity)
    line("Quốc tịch", s.nationality)
    line("Chỗ ở hiện nay", s.residence)
    line("Mã định danh cá nhân", s.citizenID?.digits)
    line("Mã tra cứu học bạ", s.lookupCode)
    if let date = s.effectiveDate { line("Ngày có hiệu lực", date.description) }
    for (label, guardian) in [("Họ và tên cha", s.father), ("Họ và tên mẹ", s.mother), ("Người giám hộ", s.guardian)] {
      guard let guardian else { continue }
      flow.field(label, guardian.fullName + (guardian.occupation.map { " — Nghề nghiệp: \($0)" } ?? ""))
    }
    flow.y += 8
    flow.field("Trường", record.school.name)
    flow.field("Mã trường", record.school.code)
    flow.field("Huyện/Quận", record.school.district)
    flow.field("Tỉnh/Thành phố", record.school.province)
    flow.field("Chế độ đánh giá", record.regime.rawValue)
    history(record.history, on: &flow)
  }

  private static func history(_ rows: [StudyHistoryEntry], on flow: inout PageFlow) {
    flow.y += 10
    flow.paragraph("QUÁ TRÌNH HỌC TẬP", style: .heading, gap: 4)
    let widths = [62.0, 40, 205, 62, 70, PageFlow.contentWidth - 439]
    let centered = [TextStyle.centeredCell, .centeredCell, .cell, .centeredCell, .centeredCell, .centeredCell]
    flow.row(
      ["Năm học", "Lớp", "Tên trường, huyện, tỉnh", "Số đăng bộ", "Ngày nhập học / chuyển đến", "Hình thức"],
      widths: widths, styles: Array(repeating: .header, count: 6))
    for row in rows {
      flow.row(
        [
          row.schoolYear.description, row.className, Wording.school(row.school), row.registerNumber ?? "",
          row.entryDate?.description ?? "", Wording.entry(row.entryKind),
        ], widths: widths, styles: centered)
    }
  }
}
