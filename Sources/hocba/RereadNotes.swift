import HocBaModel
import ReviewStore
import ReviewUI

extension FindingSnapshot {
  /// One note per field a re-reading (`import --redo`) disagreed with, shown beside the field in the station:
  /// the reviewer's value and the new reading, to decide against the paper. Information, not an error: deciding
  /// the field clears it.
  static func rereadNotes(_ fields: [ReviewField], language: Language) -> [FindingSnapshot] {
    fields.filter(\.rereadFlagged).map { field in
      let empty = language.pick("(trống)", "(empty)")
      let kept = field.observation.normalizedValue ?? empty
      let reread = field.rereadValue ?? empty
      return FindingSnapshot(
        id: 0, fieldPath: field.observation.path, ruleCode: language.pick("ĐỌC-LẠI", "REREAD"), isError: false,
        detail: language.pick(
          "lần đọc lại ra “\(reread)”, khác giá trị đã duyệt “\(kept)”: đối chiếu bản giấy rồi xác nhận hoặc sửa.",
          "the new reading is “\(reread)”, not the reviewed “\(kept)”: check the paper, then confirm or correct."))
    }
  }
}
