import HocBaModel

/// The page of one school year: the subject table with comments and teachers, the corrections note, the
/// conduct and learning results, absences, promotion, awards, the homeroom comment and the signature blocks.
enum YearPage {
  static func place(_ record: SchoolYearRecord, images: SignatureImages, on flow: inout PageFlow) {
    flow.newPage()
    flow.paragraph(
      "Họ và tên: \(record.student.fullName)    Lớp: \(record.className)    Năm học: \(record.schoolYear)",
      style: TextStyle(size: 10, bold: true), gap: 6)
    flow.paragraph("KẾT QUẢ HỌC TẬP CÁC MÔN HỌC, HOẠT ĐỘNG GIÁO DỤC", style: .heading, gap: 4)
    subjects(record.subjects, on: &flow)
    flow.y += 3
    let corrected = record.corrections.subjectCodes.joined(separator: ", ")
    flow.paragraph(
      "Trong bảng này có sửa chữa ở \(record.corrections.count) chỗ, thuộc các môn học: \(corrected)", style: .cell,
      gap: 8)
    results(record, on: &flow)
    flow.y += 4
    flow.field("Tổng số buổi nghỉ học cả năm", record.absences.map(String.init))
    flow.field("Lên lớp", Wording.promotion(record.promotion))
    flow.field("Khen thưởng", record.awards.joined(separator: "; "))
    flow.y += 6
    SignatureBlocks.place(record, images: images, on: &flow)
  }

  private static func subjects(_ rows: [SubjectResult], on flow: inout PageFlow) {
    let widths = [118.0, 38, 38, 38, 48, PageFlow.contentWidth - 280]
    flow.row(
      [
        "Môn học / hoạt động giáo dục", "Học kì I", "Học kì II", "Cả năm", "Điểm/mức đánh giá lại",
        "Nhận xét sự tiến bộ, ưu điểm nổi bật, hạn chế chủ yếu và chữ ký của giáo viên môn học",
      ], widths: widths, styles: Array(repeating: .header, count: 6))
    for row in rows {
      var remark = row.comment ?? ""
      if let teacher = row.teacher { remark += (remark.isEmpty ? "" : "\n") + "GVMH: \(teacher)" }
      flow.row(
        [
          row.name, row.firstTerm?.description ?? "", row.secondTerm?.description ?? "",
          row.fullYear?.description ?? "", row.reassessment?.description ?? "", remark,
        ], widths: widths, styles: [.cell, .centeredCell, .centeredCell, .centeredCell, .centeredCell, .cell])
    }
  }

  private static func results(_ record: SchoolYearRecord, on flow: inout PageFlow) {
    flow.paragraph("KẾT QUẢ RÈN LUYỆN VÀ HỌC TẬP", style: .heading, gap: 4)
    let terms = ["Học kì I", "Học kì II", "Cả năm", "Đánh giá lại"]
    switch record.summary {
    case .tt22(let s):
      let widths = [130.0, 170, 170]
      flow.row(
        ["", "Kết quả rèn luyện", "Kết quả học tập"], widths: widths, styles: Array(repeating: .header, count: 3))
      let conduct = [s.conduct.firstTerm, s.conduct.secondTerm, s.conduct.fullYear, s.conduct.reassessed]
      let learning = [s.learning.firstTerm, s.learning.secondTerm, s.learning.fullYear, s.learning.reassessed]
      for index in terms.indices {
        flow.row(
          [
            terms[index], Wording.level(conduct[index]?.rawValue, scale: .tt22Level),
            Wording.level(learning[index]?.rawValue, scale: .tt22Level),
          ], widths: widths, styles: [.cell, .centeredCell, .centeredCell])
      }
    case .tt58(let s):
      let widths = [130.0, 120, 120, 100]
      flow.row(
        ["", "Hạnh kiểm", "Học lực", "Điểm TB các môn"], widths: widths, styles: Array(repeating: .header, count: 4))
      let conduct = [s.conductFirstTerm, s.conductSecondTerm, s.conductFullYear, s.conductReassessed]
      let rank = [s.rankFirstTerm, s.rankSecondTerm, s.rankFullYear, s.rankReassessed]
      let average = [s.averageFirstTerm, s.averageSecondTerm, s.averageFullYear, nil]
      for index in terms.indices {
        flow.row(
          [
            terms[index], Wording.level(conduct[index]?.rawValue, scale: .conduct),
            Wording.level(rank[index]?.rawValue, scale: .academicRank), average[index]?.description ?? "",
          ], widths: widths, styles: [.cell, .centeredCell, .centeredCell, .centeredCell])
      }
    }
  }
}
