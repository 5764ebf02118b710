import HocBaModel

/// The core's messages for reviewers, in Vietnamese or English. Field values never appear in them.
enum Text {
  static func reviewed(_ id: Int64, _ language: Language) -> String {
    language.pick("Đã rà soát xong hồ sơ #\(id).", "Record #\(id) reviewed.")
  }

  static func queueEmpty(_ language: Language) -> String {
    language.pick("Không còn hồ sơ nào chờ rà soát.", "No more records awaiting review.")
  }

  static func allSeen(_ language: Language) -> String {
    language.pick(
      "Đã xem hết các ô chờ rà soát: nhấn a để duyệt hồ sơ, n để sang hồ sơ khác.",
      "No field awaits review: press a to approve the record, n for the next record.")
  }

  static func nothingToUndo(_ language: Language) -> String {
    language.pick("Không có thay đổi nào để hoàn tác.", "Nothing to undo.")
  }

  static func undone(_ language: Language) -> String {
    language.pick("Đã hoàn tác thay đổi gần nhất.", "Last change undone.")
  }

  static func stillPending(_ count: Int, _ language: Language) -> String {
    language.pick(
      "Chưa duyệt được: còn \(count) ô chờ rà soát (dấu ?). Enter để chấp nhận, e để sửa.",
      "Cannot approve yet: \(count) fields await review (marked ?). Enter accepts, e edits.")
  }

  static func acknowledgePrompt(_ finding: FindingSnapshot, _ language: Language) -> String {
    language.pick(
      "Lỗi \(finding.ruleCode) chưa xử lý: nhập lý do vẫn duyệt rồi Enter, hoặc Esc để quay lại sửa.",
      "Error \(finding.ruleCode) is open: type why you approve anyway and press Enter, or Esc to fix it.")
  }

  static func reasonNeeded(_ language: Language) -> String {
    language.pick("Cần nhập lý do.", "A reason is required.")
  }

  static func confirmPrompt(_ language: Language) -> String {
    language.pick(
      "Ô quan trọng: nhập lại giá trị mới lần thứ hai để xác nhận.",
      "Critical field: type the new value a second time to confirm.")
  }

  static func mismatch(_ language: Language) -> String {
    language.pick(
      "Hai lần nhập không khớp: nhập lại từ đầu theo bản giấy.",
      "The two entries differ: type the value again from the paper.")
  }

  static func notFound(_ language: Language) -> String {
    language.pick(
      "Không tìm thấy học sinh này trong hàng đợi.", "No student in the queue matches.")
  }

  static func status(_ status: ReviewStatus, _ language: Language) -> String {
    switch status {
    case .pending: language.pick("chờ rà soát", "awaiting review")
    case .accepted: language.pick("đã chấp nhận", "accepted")
    case .corrected: language.pick("đã sửa", "corrected")
    case .rejected: language.pick("đã loại", "rejected")
    }
  }

  static func help(_ language: Language) -> [String] {
    language == .vietnamese
      ? [
        "Phím tắt", "",
        "Enter      chấp nhận giá trị và sang ô chờ rà soát tiếp theo",
        "Tab, ←, →  ô trước / ô sau;  ↑ ↓  dòng trên / dòng dưới",
        "e hoặc F2  sửa ô hiện tại (gõ chữ số để sửa điểm ngay)",
        "Esc        huỷ sửa",
        "u          hoàn tác thay đổi gần nhất",
        "g          nhóm: mọi ô chờ rà soát cùng lỗi (hoặc cùng chữ OCR) ở các hồ sơ, sửa một lượt",
        "           (Enter chấp nhận, gõ giá trị + Enter sửa, A chấp nhận tất cả, Esc quay lại)",
        "n          sang hồ sơ tiếp theo",
        "a          duyệt hồ sơ (khi không còn lỗi, hoặc đã ghi lý do cho từng lỗi)",
        "/          tìm theo tên học sinh hoặc CCCD",
        "?          trợ giúp;  q  thoát (mọi thay đổi đã được lưu)", "",
        "Ô quan trọng (họ tên, ngày sinh, CCCD, điểm và mức cả năm) phải nhập hai lần khi sửa.",
        "Dấu ? : ô chờ rà soát;  ! : ô có lỗi;  * : ô đã sửa.", "",
        "Nhấn phím bất kỳ để quay lại.",
      ]
      : [
        "Keys", "",
        "Enter      accept the value and go to the next field awaiting review",
        "Tab, ←, →  previous / next field;  ↑ ↓  row above / below",
        "e or F2    edit the current field (type a digit to edit a score at once)",
        "Esc        cancel editing",
        "u          undo the last change",
        "g          group: every field awaiting review with the same finding (or OCR text), fixed in one pass",
        "           (Enter accept, type a value + Enter set, A accept all, Esc back)",
        "n          next record",
        "a          approve the record (no error left, or a reason for each)",
        "/          search by student name or CCCD",
        "?          help;  q  quit (every change is already saved)", "",
        "Critical fields (name, birth date, CCCD, year scores and levels) are typed twice when changed.",
        "? : awaiting review;  ! : has an error;  * : corrected.", "",
        "Press any key to return.",
      ]
  }
}
