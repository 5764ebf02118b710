import HocBaModel

/// The words of the TT22 paper form for coded values (the document itself is Vietnamese, like the paper book).
enum Wording {
  static func band(_ grade: Int) -> String {
    GradeBand(grade: grade) == .thpt ? "TRUNG HỌC PHỔ THÔNG" : "TRUNG HỌC CƠ SỞ"
  }

  static func sex(_ sex: Sex) -> String { sex == .female ? "Nữ" : "Nam" }

  /// The level's name ("Tốt", "Khá", …), or the code when the scale does not know it.
  static func level(_ code: String?, scale: LevelScale) -> String {
    guard let code else { return "" }
    return scale.name(of: code) ?? code
  }

  static func promotion(_ decision: PromotionDecision?) -> String {
    switch decision {
    case nil: ""
    case .promoted: "Được lên lớp"
    case .notPromoted: "Không được lên lớp"
    case .promotedAfterSummerTraining: "Được lên lớp sau khi rèn luyện trong kì nghỉ hè"
    case .promotedAfterReassessment: "Được lên lớp sau kiểm tra, đánh giá lại"
    case .completedProgramme: "Hoàn thành chương trình"
    case .notCompleted: "Chưa hoàn thành chương trình"
    }
  }

  static func entry(_ kind: EntryKind) -> String { kind.rawValue }

  static func digitization(_ c: DigitizationCase) -> String {
    switch c {
    case .ownArchive: "Số hoá học bạ giấy lưu trữ của nhà trường (\(c.code))"
    case .departedTeacherContent(let codes):
      "Số hoá nội dung do giáo viên đã nghỉ ghi (\(c.code)); môn: \(codes.joined(separator: ", "))"
    case .incomingTransfer(let origin): "Học sinh chuyển đến (\(c.code)); trường gốc: \(school(origin))"
    }
  }

  /// "Name, district, province" (the parts that are known).
  static func school(_ s: SchoolRef) -> String {
    ([s.name] + [s.district, s.province].compactMap { $0 }).joined(separator: ", ")
  }
}
