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
      "Đã xem hết các ô chờ rà soát: Ctrl-A để duyệt hồ sơ, Ctrl-N để sang hồ sơ khác.",
      "No field awaits review: Ctrl-A approves the record, Ctrl-N opens the next record.")
  }

  static func nothingToUndo(_ language: Language) -> String {
    language.pick("Không có thay đổi nào để hoàn tác.", "Nothing to undo.")
  }

  static func undone(_ language: Language) -> String {
    language.pick("Đã hoàn tác thay đổi gần nhất.", "Last change undone.")
  }

  static func stillPending(_ count: Int, _ language: Language) -> String {
    language.pick(
      "Chưa duyệt được: còn \(count) ô chờ rà soát (dấu ?). Enter để chấp nhận, gõ giá trị để sửa.",
      "Cannot approve yet: \(count) fields await review (marked ?). Enter accepts, typing corrects.")
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

  /// The key hints under the grid in browse mode.
  static func browseHints(_ language: Language) -> String {
    language.pick(
      "Gõ để sửa · Enter chấp nhận · Tab ↑↓ di chuyển · ^Z hoàn tác · ^G nhóm · ^N hồ sơ sau · ^A duyệt · ^F tìm · "
        + "Esc : số hồ sơ · F1 trợ giúp · ^Q thoát",
      "Type to correct · Enter accept · Tab ↑↓ move · ^Z undo · ^G group · ^N next · ^A approve · ^F find · "
        + "Esc : record no. · F1 help · ^Q quit")
  }

  /// The hints under the edit line when there is room for a second row.
  static func editHints(_ language: Language) -> String {
    language.pick(
      "Enter lưu · Esc huỷ · ^U xoá dòng · ^W xoá một từ · ←→ di chuyển con trỏ",
      "Enter save · Esc cancel · ^U clear the line · ^W delete a word · ←→ move the cursor")
  }

  /// The hints after Esc: the command letters.
  static func commandHints(_ language: Language) -> String {
    language.pick(
      "Lệnh: q thoát · n hồ sơ sau · a duyệt · u hoàn tác · g nhóm · / tìm · : đến hồ sơ số · e sửa · ? trợ giúp · Esc huỷ",
      "Command: q quit · n next · a approve · u undo · g group · / find · : go to record · e edit · ? help · Esc cancel"
    )
  }

  static func commandPrompt(_ language: Language) -> String {
    language.pick("Chờ lệnh: gõ một chữ lệnh (xem dòng dưới).", "Waiting for a command letter (see the line below).")
  }

  static func recordNumberNeeded(_ language: Language) -> String {
    language.pick("Cần nhập số hồ sơ, ví dụ 12.", "Type a record number, e.g. 12.")
  }

  static func notInQueue(_ id: Int64, _ language: Language) -> String {
    language.pick(
      "Hồ sơ #\(id) không có trong hàng đợi rà soát (đã rà soát, không có, hoặc ngoài bộ lọc).",
      "Record #\(id) is not in the review queue (already reviewed, missing, or outside the filter).")
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
        "Phím tắt (gõ chữ, số hay dấu luôn là sửa ô hiện tại, không bao giờ là lệnh)", "",
        "gõ giá trị   sửa ô hiện tại (ký tự đầu tiên bắt đầu sửa);  F2  sửa với giá trị cũ",
        "Enter        chấp nhận giá trị và sang ô chờ rà soát tiếp theo",
        "Tab, ←, →    ô trước / ô sau;  ↑ ↓  dòng trên / dòng dưới",
        "Esc          huỷ sửa; ở chế độ xem: chờ một chữ lệnh (Alt + chữ cũng được)",
        "^Z  Esc u    hoàn tác thay đổi gần nhất",
        "^G  Esc g    nhóm: mọi ô chờ rà soát cùng lỗi (hoặc cùng chữ OCR) ở các hồ sơ, sửa một lượt",
        "             (Enter chấp nhận, gõ giá trị + Enter sửa, ^A nhận hết ô không quan trọng, tin cậy cao)",
        "^N  Esc n    sang hồ sơ tiếp theo;  ^O  Esc :  đến hồ sơ theo số",
        "^A  Esc a    duyệt hồ sơ (khi không còn lỗi, hoặc đã ghi lý do cho từng lỗi)",
        "^F  Esc /    tìm theo tên học sinh hoặc CCCD",
        "F1  Esc ?    trợ giúp;  ^Q  Esc q  thoát (mọi thay đổi đã được lưu)",
        "Khi sửa: ^U xoá cả dòng, ^W xoá một từ, ^A / ^E về đầu / cuối dòng", "",
        "Ô quan trọng (họ tên, ngày sinh, CCCD, điểm và mức cả năm) phải nhập hai lần khi sửa.",
        "Dấu ? : ô chờ rà soát;  ! : ô có lỗi;  * : ô đã sửa.", "",
        "Nhấn phím bất kỳ để quay lại.",
      ]
      : [
        "Keys (typing a letter, digit or sign always corrects the current field, never runs a command)", "",
        "type a value  correct the current field (the first character starts the edit);  F2  edit the old value",
        "Enter         accept the value and go to the next field awaiting review",
        "Tab, ←, →     previous / next field;  ↑ ↓  row above / below",
        "Esc           cancel editing; when browsing: wait for a command letter (Alt + letter too)",
        "^Z  Esc u     undo the last change",
        "^G  Esc g     group: every field awaiting review with the same finding (or OCR text), fixed in one pass",
        "              (Enter accept, type a value + Enter set, ^A accept the non-critical, confident rest)",
        "^N  Esc n     next record;  ^O  Esc :  go to a record by number",
        "^A  Esc a     approve the record (no error left, or a reason for each)",
        "^F  Esc /     search by student name or CCCD",
        "F1  Esc ?     help;  ^Q  Esc q  quit (every change is already saved)",
        "While typing: ^U clears the line, ^W deletes a word, ^A / ^E go to its start / end", "",
        "Critical fields (name, birth date, CCCD, year scores and levels) are typed twice when changed.",
        "? : awaiting review;  ! : has an error;  * : corrected.", "",
        "Press any key to return.",
      ]
  }
}
