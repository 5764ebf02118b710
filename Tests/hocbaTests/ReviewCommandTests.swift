import Foundation
import HocBaModel
import HocBaSamples
import ReviewStore
import Testing

/// The review commands through the built binary: the scriptable path, and the terminal program inside tmux.
@Suite(.serialized) struct ReviewCommandTests {
  static func field(_ path: String, _ type: String, _ value: String, _ confidence: Double) -> PageFieldEvidence {
    PageFieldEvidence(
      path: path, type: type, critical: false, rawText: value, normalizedValue: value, confidence: confidence,
      box: FieldBox(x: 1, y: 1, width: 5, height: 5), cropPath: nil)
  }

  /// A database with `count` records; each has a flagged name, a wrong HK II score and a flagged Cả năm score.
  static func makeDatabase(_ path: String, count: Int = 1) throws {
    let database = try ReviewDatabase.open(path: path)
    for index in 0..<count {
      let scan = try database.registerScan(
        sha256: String(repeating: String(index), count: 64), fileName: "so-\(index).tif", pageCount: 2)
      let info = try #require(
        try database.savePage(
          PageEvidence(
            scanID: scan.id, pageNumber: 1, contentSHA256: nil, outcome: .mapped, kind: "info",
            fields: [field("student.fullName", "name", "Nguyen Thi Thuy", 60)]), actor: "test"))
      let year = try #require(
        try database.savePage(
          PageEvidence(
            scanID: scan.id, pageNumber: 2, contentSHA256: nil, outcome: .mapped, kind: "year-tt22-thcs",
            fields: [
              field("subjects.toan.firstTerm", "score", "6.6", 95),
              field("subjects.toan.secondTerm", "score", "8.4", 55),
              field("subjects.toan.fullYear", "score", "6.5", 70),
            ]), actor: "test"))
      var record = SampleRecords.tt22Secondary
      record.student.fullName = index == 0 ? "Nguyen Thi Thuy" : "Học Sinh \(index)"
      record.student.citizenID = nil
      let pages = try database.mappedPages(unassignedOnly: true).filter { [info, year].contains($0.id) }
      let id = try database.createRecord(record, fromPages: pages, assigning: [year], actor: "import") {
        $0.confidence < 80
      }
      _ = try database.addFinding(
        StoredFinding(
          recordID: id, fieldPath: "subjects.toan.fullYear", ruleCode: "C02", severity: .error,
          detail: "Điểm cả năm không khớp."), actor: "rules")
    }
  }

  @Test func fieldsSetAndApproveFromAScript() throws {
    let scratch = try Scratch()
    try Self.makeDatabase(scratch.path("hocba.sqlite"))
    let listed = try CommandRunner.hocba(["fields", "--needs-review", "--json"], in: scratch.url)
    #expect(listed.status == 0, "\(listed.stderr)")
    let lines = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
    #expect(
      lines.compactMap { $0["path"] as? String }.sorted() == [
        "student.fullName", "subjects.toan.fullYear", "subjects.toan.secondTerm",
      ])
    let bad = try CommandRunner.hocba(
      ["set", "1", "subjects.toan.secondTerm", "7,55", "--reason", "x"], in: scratch.url)
    #expect(bad.status == 65)
    let set = try CommandRunner.hocba(
      ["set", "1", "subjects.toan.secondTerm", "6,4", "--reason", "Sai so với sổ", "--actor", "Lan"], in: scratch.url)
    #expect(set.status == 0, "\(set.stderr)")
    let blocked = try CommandRunner.hocba(["approve", "1"], in: scratch.url)
    #expect(blocked.status == 77)
    #expect(blocked.stderr.contains("còn 2 ô chờ rà soát"))
    for (path, value) in [("student.fullName", "Nguyễn Thị Thuỷ"), ("subjects.toan.fullYear", "6,5")] {
      #expect(try CommandRunner.hocba(["set", "1", path, value, "--reason", "Đối chiếu"], in: scratch.url).status == 0)
    }
    let approved = try CommandRunner.hocba(
      ["approve", "1", "--acknowledge-errors", "Sổ gốc ghi như vậy", "--actor", "Lan"], in: scratch.url)
    #expect(approved.status == 0, "\(approved.stderr)")
    let database = try ReviewDatabase.open(path: scratch.path("hocba.sqlite"))
    let stored = try #require(try database.record(id: 1))
    #expect(stored.state == .reviewed)
    #expect(stored.record.student.fullName == "Nguyễn Thị Thuỷ")
    #expect(stored.record.subjects.first { $0.code == "toan" }?.secondTerm?.canonical == "6.4")
    #expect(try database.verifyAuditChain() == .intact(rows: try auditCount(database)))
  }

  private func auditCount(_ database: ReviewDatabase) throws -> Int {
    if case .intact(let rows) = try database.verifyAuditChain() { return rows }
    return -1
  }
}

/// The review program in a real terminal: tmux panes, keys sent with send-keys, screens read with capture-pane.
extension ReviewCommandTests {
  @Suite(.serialized) struct Terminal {
    /// One private tmux server, killed when the test ends.
    final class Tmux {
      let socket = "hocba-test-\(UUID().uuidString.prefix(8))"
      let directory: URL

      init(directory: URL) { self.directory = directory }
      deinit { _ = try? run(["kill-server"]) }

      /// Runs tmux through system(3): Foundation's Process waits forever on the server that new-session forks.
      @discardableResult
      func run(_ arguments: [String]) throws -> String {
        let capture = directory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: capture) }
        let quoted = (["-L", socket, "-u"] + arguments).map {
          "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        let command =
          "cd '\(directory.path)' && env LANG=C.UTF-8 TERM=xterm-256color /usr/bin/tmux \(quoted.joined(separator: " "))"
          + " > '\(capture.path)' 2>/dev/null < /dev/null"
        _ = system(command)
        return (try? String(contentsOf: capture, encoding: .utf8)) ?? ""
      }

      /// Starts a shell in a new session named `name` that runs `command` between two `stty -g` snapshots.
      func start(_ name: String, _ command: String) throws {
        try run(["new-session", "-d", "-s", name, "-x", "80", "-y", "24", "bash --norc --noprofile"])
        try run([
          "send-keys", "-t", name, "stty -g > \(name).before; \(command); echo EXIT=$?; stty -g > \(name).after",
          "Enter",
        ])
      }

      func screen(_ name: String) -> String { (try? run(["capture-pane", "-p", "-t", name])) ?? "" }

      /// Polls the pane until it shows `text` (no fixed sleeps), up to `seconds`.
      func waitFor(_ name: String, _ text: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
          if screen(name).contains(text) { return true }
          Thread.sleep(forTimeInterval: 0.05)
        }
        return false
      }

      func keys(_ name: String, _ keys: String...) throws { try run(["send-keys", "-t", name] + keys) }
      func type(_ name: String, _ text: String) throws { try run(["send-keys", "-t", name, "-l", text]) }

      /// The pid of the program running in the pane's shell.
      func programPID(_ name: String) throws -> Int32? {
        let shell = try run(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(
          in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return children.split(separator: " ").first.flatMap { Int32($0) }
      }

      func terminalRestored(_ name: String) throws -> Bool {
        // "EXIT=…" is echoed just before `stty -g > name.after` runs: wait for that file to be written.
        let afterFile = directory.appendingPathComponent("\(name).after").path
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline
          && ((try? FileManager.default.attributesOfItem(atPath: afterFile)[.size] as? Int) ?? 0) == 0
        {
          Thread.sleep(forTimeInterval: 0.05)
        }
        let before = try String(contentsOf: directory.appendingPathComponent("\(name).before"), encoding: .utf8)
        let after = try String(contentsOf: directory.appendingPathComponent("\(name).after"), encoding: .utf8)
        return before == after && !before.isEmpty
      }
    }

    static var review: String { CommandRunner.hocba.path + " review --db hocba.sqlite --lease 3" }

    @Test func correctsAScoreTypesAVietnameseNameApprovesAndRestoresTheTerminal() throws {
      let scratch = try Scratch()
      try ReviewCommandTests.makeDatabase(scratch.path("hocba.sqlite"))
      let tmux = Tmux(directory: scratch.url)
      try tmux.start("a", Self.review + " --reviewer Lan")
      #expect(tmux.waitFor("a", "Nguyen Thi Thuy]?"), "\(tmux.screen("a"))")
      // Typing over the field edits it: no letter of the name is a command.
      try tmux.type("a", "Nguyễn Thị Thuỷ")
      try tmux.keys("a", "Enter")
      try tmux.type("a", "Nguyễn Thị Thuỷ")
      try tmux.keys("a", "Enter")
      #expect(tmux.waitFor("a", "[8,4]?"), "\(tmux.screen("a"))")
      // HK II 7,5 leaves Cả năm 6,5 inconsistent: the rules run in the write and C2 shows at once.
      try tmux.type("a", "7,5")
      try tmux.keys("a", "Enter")
      #expect(tmux.waitFor("a", "[6,5]!?"), "\(tmux.screen("a"))")
      #expect(tmux.waitFor("a", "Lỗi C2: Cả năm môn Toán"), "\(tmux.screen("a"))")
      try tmux.keys("a", "Enter", "C-a")
      #expect(tmux.waitFor("a", "Lý do vẫn duyệt"), "\(tmux.screen("a"))")
      try tmux.type("a", "Sổ gốc ghi như vậy")
      try tmux.keys("a", "Enter")
      #expect(tmux.waitFor("a", "Không còn hồ sơ nào chờ rà soát"), "\(tmux.screen("a"))")
      try tmux.keys("a", "Escape", "q")
      #expect(tmux.waitFor("a", "EXIT=0"), "\(tmux.screen("a"))")
      #expect(try tmux.terminalRestored("a"))

      let database = try ReviewDatabase.open(path: scratch.path("hocba.sqlite"))
      let stored = try #require(try database.record(id: 1))
      #expect(stored.state == .reviewed)
      #expect(stored.record.student.fullName == "Nguyễn Thị Thuỷ")
      #expect(stored.record.subjects.first { $0.code == "toan" }?.secondTerm?.canonical == "7.5")
      let audit = try CommandRunner.tool(
        "sqlite3",
        [
          "hocba.sqlite",
          "SELECT count(*) FROM audit_log WHERE actor = 'Lan' AND action = 'review' AND new_value LIKE '%keystrokes%';",
        ], in: scratch.url)
      #expect(audit.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
      #expect(try CommandRunner.hocba(["audit", "verify"], in: scratch.url).status == 0)
    }

    @Test func twoReviewersNeverShareARecordAndADeadReviewersClaimExpires() throws {
      let scratch = try Scratch()
      try ReviewCommandTests.makeDatabase(scratch.path("hocba.sqlite"), count: 2)
      let tmux = Tmux(directory: scratch.url)
      try tmux.start("a", Self.review + " --reviewer Lan")
      #expect(tmux.waitFor("a", " #1 · Nguyen Thi Thuy"), "\(tmux.screen("a"))")
      try tmux.start("b", Self.review + " --reviewer Minh")
      #expect(tmux.waitFor("b", " #2 · Học Sinh 1"), "\(tmux.screen("b"))")
      try tmux.keys("b", "C-f")
      try tmux.type("b", "thuy")
      try tmux.keys("b", "Enter")
      #expect(tmux.waitFor("b", "đang được Lan rà soát"), "\(tmux.screen("b"))")
      // Lan's program dies without releasing its claim; after the 3-second lease Minh can open the record.
      let lan = try #require(try tmux.programPID("a"))
      kill(lan, SIGKILL)
      var opened = false
      let deadline = Date().addingTimeInterval(20)
      while !opened && Date() < deadline {
        try tmux.keys("b", "C-f")
        try tmux.type("b", "thuy")
        try tmux.keys("b", "Enter")
        opened = tmux.waitFor("b", " #1 · Nguyen Thi Thuy", seconds: 1)
      }
      #expect(opened, "\(tmux.screen("b"))")
      try tmux.keys("b", "C-c")
      #expect(tmux.waitFor("b", "EXIT=0"), "\(tmux.screen("b"))")
      #expect(try tmux.terminalRestored("b"), "restored after Ctrl-C")

      try tmux.start("c", Self.review + " --reviewer Minh")
      #expect(tmux.waitFor("c", "hàng đợi"), "\(tmux.screen("c"))")
      let minh = try #require(try tmux.programPID("c"))
      kill(minh, SIGTERM)
      #expect(tmux.waitFor("c", "EXIT=143"), "\(tmux.screen("c"))")
      #expect(try tmux.terminalRestored("c"), "restored after SIGTERM")
    }
  }
}
