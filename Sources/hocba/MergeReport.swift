import HocBaModel
import ReviewStore

/// One record's line in the summary of a re-reading: what changed, what kept a reviewer's value, what to do next.
struct MergeReport {
  let merge: RecordMerge

  func line(in language: Language) -> String {
    let id = merge.recordID
    guard merge.wasWritable else {
      let state = merge.state.label(in: language)
      guard !merge.untouchedPaths.isEmpty else {
        return language.pick(
          "#\(id) (\(state)): không đổi, lần đọc lại khớp hồ sơ.",
          "#\(id) (\(state)): unchanged, the new reading matches.")
      }
      let paths = merge.untouchedPaths.joined(separator: ", ")
      let next =
        [.reviewed, .approved].contains(merge.state)
        ? language.pick(
          "mở lại bằng hocba reopen \(id) --reason … rồi nhập lại với --redo",
          "reopen with hocba reopen \(id) --reason … then import again with --redo")
        : language.pick(
          "lập phiên bản sửa bằng hocba correct \(id) nếu bản giấy đúng như lần đọc lại",
          "make a correction version with hocba correct \(id) if the paper matches the new reading")
      return language.pick(
        "#\(id) (\(state)): không sửa; \(merge.untouchedPaths.count) ô đọc lại khác hồ sơ (\(paths)): \(next).",
        "#\(id) (\(state)): not changed; \(merge.untouchedPaths.count) fields read differently (\(paths)): \(next).")
    }
    if merge.changed == 0 && merge.flagged == 0 {
      return language.pick(
        "#\(id): không đổi, lần đọc lại khớp hồ sơ (\(merge.kept) ô giữ giá trị người rà soát)",
        "#\(id): unchanged, the new reading matches (\(merge.kept) fields kept the reviewer's value)")
    }
    return language.pick(
      "#\(id): \(merge.changed) ô nhận giá trị mới, \(merge.kept) ô giữ giá trị người rà soát, "
        + "\(merge.flagged) ô cần xem lại (lần đọc lại khác giá trị đã duyệt)",
      "#\(id): \(merge.changed) fields took the new reading, \(merge.kept) kept the reviewer's value, "
        + "\(merge.flagged) flagged for a second look (the new reading disagrees with the reviewed value)")
  }
}
