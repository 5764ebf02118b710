import Foundation
import TestSupport
import Testing

/// A throw-away PKI (openssl CLI, at test time; nothing secret committed) and a SoftHSM2 token holding the
/// school key, for the `sign`/`verify` command tests. Built once per test process.
final class SigningPKI: Sendable {
  static let shared: Result<SigningPKI, any Error> = Result { try SigningPKI() }
  static let softHSMModule = "/usr/lib/softhsm/libsofthsm2.so"

  /// Identities with a PKCS#12 file (password `password`) and a PEM certificate.
  static let identities = [
    "principal", "school", "math", "expired", "notyet", "encipher", "revoked", "untrusted",
  ]

  let directory: URL
  let password: String
  let tokenPIN: String
  let softHSMConfig: URL
  func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
  func p12(_ identity: String) -> String { file("\(identity).p12") }
  func pem(_ identity: String) -> String { file("\(identity).pem") }

  /// A local TSA (scripts/test_tsa.py) with the `tsa` identity, under the issuing CA.
  func localTSA(_ mode: LocalTSA.Mode = .good) throws -> LocalTSA {
    try LocalTSA(certificate: pem("tsa"), key: file("tsa-key.pem"), chain: file("inter.pem"), mode: mode)
  }
  var tokenURI: String { "pkcs11:token=hocba-school;object=school;type=private" }
  var environment: [String: String] { ["SOFTHSM2_CONF": softHSMConfig.path] }

  private init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("hocba-sign-pki-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    password = UUID().uuidString
    tokenPIN = String(UUID().uuidString.prefix(8))
    softHSMConfig = directory.appendingPathComponent("softhsm2.conf")
    try Self.script.write(to: directory.appendingPathComponent("pki.sh"), atomically: true, encoding: .utf8)
    try "directories.tokendir = \(directory.path)/tokens\nobjectstore.backend = file\nlog.level = ERROR\n"
      .write(to: softHSMConfig, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["pki.sh", Self.softHSMModule]
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging([
      "P12PASS": password, "TOKENPIN": tokenPIN, "SOFTHSM2_CONF": softHSMConfig.path,
    ]) { $1 }
    let log = directory.appendingPathComponent("pki.log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: log)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(message: "pki.sh: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }
  }

  struct Failure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }

  /// Writes `text` to a file for `--pin-fd 0`.
  func secretFile(_ text: String) throws -> String {
    let path = file("secret-\(UUID().uuidString)")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private static let script = #"""
    set -eu
    MODULE="$1"
    mkdir -p db/new tokens
    : > db/index.txt; echo 1000 > db/serial; echo 1000 > db/crlnumber
    cat > ca.cnf <<EOF
    [ ca ]
    default_ca = inter
    [ inter ]
    dir = $PWD/db
    database = \$dir/index.txt
    new_certs_dir = \$dir/new
    serial = \$dir/serial
    crlnumber = \$dir/crlnumber
    certificate = $PWD/inter.pem
    private_key = $PWD/inter.key
    default_md = sha256
    default_crl_days = 30
    policy = anything
    unique_subject = no
    utf8 = yes
    string_mask = utf8only
    [ anything ]
    countryName = optional
    organizationName = optional
    commonName = optional
    [ staff ]
    basicConstraints = critical, CA:FALSE
    keyUsage = critical, digitalSignature, nonRepudiation
    [ encipher ]
    basicConstraints = critical, CA:FALSE
    keyUsage = critical, keyEncipherment
    [ tsa ]
    basicConstraints = critical, CA:FALSE
    keyUsage = critical, digitalSignature, nonRepudiation
    extendedKeyUsage = critical, timeStamping
    [ subca ]
    basicConstraints = critical, CA:TRUE, pathlen:0
    keyUsage = critical, keyCertSign, cRLSign
    EOF
    q() { openssl "$@" >/dev/null 2>pki.err || { cat pki.err >&2; return 1; }; }
    for n in ca other; do
      q req -x509 -utf8 -newkey rsa:2048 -nodes -keyout $n.key -out $n.pem -days 3650 -sha256 \
        -subj "/C=VN/O=Hocba Test/CN=$n Root" -addext basicConstraints=critical,CA:TRUE \
        -addext keyUsage=critical,keyCertSign,cRLSign
    done
    q req -new -utf8 -newkey rsa:2048 -nodes -keyout inter.key -out inter.csr -subj "/C=VN/O=Hocba Test/CN=Issuing CA"
    q x509 -req -in inter.csr -CA ca.pem -CAkey ca.key -set_serial 2 -days 1825 -sha256 -extfile ca.cnf \
      -extensions subca -out inter.pem
    issue() { # name subject extensions start end
      q req -new -utf8 -newkey rsa:2048 -nodes -keyout $1.key -out $1.csr -subj "$2"
      if [ "$1" = untrusted ]; then
        q x509 -req -in $1.csr -CA other.pem -CAkey other.key -set_serial 7 -days 365 -sha256 -extfile ca.cnf \
          -extensions staff -out $1.pem
        chain=other.pem
      else
        q ca -batch -config ca.cnf -extensions $3 -in $1.csr -out $1.pem -notext -startdate $4 -enddate $5
        chain=inter.pem
      fi
      q pkcs12 -export -inkey $1.key -in $1.pem -certfile $chain -name $1 -out $1.p12 -passout env:P12PASS
    }
    past=$(date -u -d '-30 days' +%y%m%d%H%M%SZ); future=$(date -u -d '+365 days' +%y%m%d%H%M%SZ)
    issue principal "/C=VN/O=Trường THCS Đại An/CN=Lê Văn Hiệu" staff $past $future
    issue school "/C=VN/O=Trường THCS Đại An" staff $past $future
    issue math "/C=VN/O=Trường THCS Đại An/CN=Đỗ Văn Minh" staff $past $future
    issue expired "/C=VN/O=Trường THCS Đại An/CN=Hết Hạn" staff $(date -u -d '-400 days' +%y%m%d%H%M%SZ) \
      $(date -u -d '-10 days' +%y%m%d%H%M%SZ)
    issue notyet "/C=VN/O=Trường THCS Đại An/CN=Chưa Hiệu Lực" staff $(date -u -d '+10 days' +%y%m%d%H%M%SZ) \
      $(date -u -d '+400 days' +%y%m%d%H%M%SZ)
    issue encipher "/C=VN/O=Trường THCS Đại An/CN=Mã Hoá" encipher $past $future
    issue revoked "/C=VN/O=Trường THCS Đại An/CN=Bị Thu Hồi" staff $past $future
    issue untrusted "/C=VN/O=Giả Mạo/CN=Lê Văn Hiệu" staff $past $future
    issue tsa "/C=VN/O=Hocba Test/CN=Hocba Test TSA" tsa $past $future
    cp tsa.key tsa-key.pem
    q ca -batch -config ca.cnf -revoke revoked.pem
    q ca -batch -config ca.cnf -gencrl -out crl.pem
    softhsm2-util --init-token --free --label hocba-school --so-pin "${TOKENPIN}so" --pin "$TOKENPIN" >/dev/null
    q pkey -in school.key -outform DER -out school-key.der
    q x509 -in school.pem -outform DER -out school-cert.der
    for pair in school-key.der:privkey school-cert.der:cert; do
      pkcs11-tool --module "$MODULE" --token-label hocba-school --login --pin "$TOKENPIN" \
        --write-object "${pair%%:*}" --type "${pair##*:}" --id 01 --label school >/dev/null 2>&1
    done
    rm -f *.key *.csr school-key.der
    """#
}
