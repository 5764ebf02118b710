import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `hocba sign --pin-fd 3` with fd 3 a real pipe (posix_spawn file actions), as a wrapper script or a password
/// manager would hand it over; the PIN never shows in argv, the environment, the output or the audit log.
@Suite("PIN from a file descriptor", .serialized)
struct PINDescriptorTests {
  /// Spawns `hocba` with fd 3 the read end of a pipe; `pin` is written to the other end, then it is closed.
  /// Without `pin`, fd 3 is closed in the child.
  static func spawnWithPipe(_ school: SigningCommandTests.School, _ arguments: [String], pin: String?) throws
    -> CommandRunner.Result
  {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let out = school.scratch.path("pipe-out-\(UUID().uuidString)")
    let err = school.scratch.path("pipe-err-\(UUID().uuidString)")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if pin != nil {
      posix_spawn_file_actions_adddup2(&actions, fds[0], 3)
    } else {
      posix_spawn_file_actions_addopen(&actions, 3, "/dev/null", O_RDONLY, 0)
      posix_spawn_file_actions_addclose(&actions, 3)
    }
    posix_spawn_file_actions_addclose(&actions, fds[1])
    let argv = [CommandRunner.hocba.path] + arguments + ["--db", school.db]
    let environment = [
      "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")", "LANG=C.UTF-8",
      "SOFTHSM2_CONF=\(school.pki.softHSMConfig.path)",
    ]
    var cArguments = argv.map { strdup($0) } + [nil]
    var cEnvironment = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in cArguments + cEnvironment { free(pointer) }
    }
    var child: pid_t = 0
    let spawned = posix_spawn(&child, argv[0], &actions, nil, &cArguments, &cEnvironment)
    close(fds[0])
    #expect(spawned == 0, "posix_spawn: \(spawned)")
    let line = (pin ?? "") + "\n"
    _ = line.withCString { write(fds[1], $0, strlen($0)) }
    close(fds[1])
    var status: Int32 = 0
    waitpid(child, &status, 0)
    let exitCode = (status >> 8) & 0xFF
    return CommandRunner.Result(
      status: exitCode, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
  }

  @Test("--pin-fd 3 reads the PIN from a pipe; the PIN is nowhere in the output or the audit log")
  func pipe3() throws {
    let school = try SigningCommandTests.School()
    let id = try school.approvedRecord(SigningCommandTests.transfer())
    let signed = try Self.spawnWithPipe(
      school,
      ["sign", "--as", "principal", "--key", school.pki.p12("principal"), "--pin-fd", "3", "--yes", "--lang", "en"],
      pin: school.pki.password)
    #expect(signed.status == 0, "\(signed.stderr)")
    #expect(signed.stdout.contains("\(id)\tsig-ht\t"), "\(signed.stdout)")
    #expect(!signed.stdout.contains(school.pki.password) && !signed.stderr.contains(school.pki.password))
    let audit = try school.ok(["audit", "log", "--json"])
    #expect(!audit.stdout.isEmpty && !audit.stdout.contains(school.pki.password))
    let dump = try school.scratch.sql(".dump")
    #expect(!dump.isEmpty && !dump.contains(school.pki.password))

    // A wrong PIN through the same pipe: refused as a PKCS#12 that does not open, not as an unreadable fd.
    let wrong = try Self.spawnWithPipe(
      school,
      ["sign", "--as", "school", "--key", school.pki.p12("school"), "--pin-fd", "3", "--yes", "--lang", "en"],
      pin: "wrong-\(UUID().uuidString)")
    #expect(wrong.status == 65 && wrong.stderr.contains("PKCS#12 file did not open"), "\(wrong.stderr)")
  }

  @Test("--pin-fd names a closed descriptor: exit 74 naming /dev/fd/N, nothing signed")
  func closedDescriptor() throws {
    let school = try SigningCommandTests.School()
    _ = try school.approvedRecord(SigningCommandTests.transfer())
    let result = try Self.spawnWithPipe(
      school,
      ["sign", "--as", "principal", "--key", school.pki.p12("principal"), "--pin-fd", "3", "--yes", "--lang", "en"],
      pin: nil)
    #expect(result.status == 74 && result.stderr.contains("/dev/fd/3 cannot be read"), "\(result.stderr)")
    #expect(try school.scratch.sql("SELECT count(*) FROM signed_document") == "0")
  }
}
