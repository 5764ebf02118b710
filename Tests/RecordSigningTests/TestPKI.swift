import Foundation
import RecordSigning
import TestSupport

/// A throw-away PKI made with the openssl CLI at test time (nothing secret is committed): a root CA, an
/// intermediate, staff and school certificates (RSA 2048), plus bad ones (expired, not yet valid, no signing
/// keyUsage, revoked, from another CA). Built once per test process.
final class TestPKI: Sendable {
  static let shared: Result<TestPKI, any Error> = Result { try TestPKI() }

  /// Every identity has a PKCS#12 file protected by `password`.
  enum Identity: String, CaseIterable {
    case mathTeacher, homeroom, principal, school, expired, notYetValid, noSigningUsage, revoked, untrusted
    /// A time-stamp authority (extended key usage timeStamping, critical) under the issuing CA.
    case tsa
  }

  let directory: URL
  let password: String
  var rootPEM: URL { directory.appendingPathComponent("ca.pem") }
  var intermediatePEM: URL { directory.appendingPathComponent("inter.pem") }
  var crl: URL { directory.appendingPathComponent("crl.pem") }

  private init() throws {
    directory = try Tools.temporaryDirectory("pki")
    password = UUID().uuidString
    try makeAuthorities()
    let now = Date()
    let day: TimeInterval = 86_400
    for identity in Identity.allCases {
      let (subject, extensions, start, end): (String, String, Date, Date) =
        switch identity {
        case .mathTeacher: ("/C=VN/O=Trường THCS Đại An/CN=Đỗ Văn Minh", "staff", now - 30 * day, now + 365 * day)
        case .homeroom: ("/C=VN/O=Trường THCS Đại An/CN=Phạm Thu Hà", "staff", now - 30 * day, now + 365 * day)
        case .principal: ("/C=VN/O=Trường THCS Đại An/CN=Lê Văn Hiệu", "staff", now - 30 * day, now + 365 * day)
        case .school: ("/C=VN/ST=Ninh Bình/O=Trường THCS Đại An", "staff", now - 30 * day, now + 365 * day)
        case .expired: ("/C=VN/O=Trường THCS Đại An/CN=Hết Hạn", "staff", now - 400 * day, now - 10 * day)
        case .notYetValid: ("/C=VN/O=Trường THCS Đại An/CN=Chưa Hiệu Lực", "staff", now + 10 * day, now + 400 * day)
        case .noSigningUsage: ("/C=VN/O=Trường THCS Đại An/CN=Mã Hoá", "encipher", now - 30 * day, now + 365 * day)
        case .revoked: ("/C=VN/O=Trường THCS Đại An/CN=Bị Thu Hồi", "staff", now - 30 * day, now + 365 * day)
        case .untrusted: ("/C=VN/O=Giả Mạo/CN=Đỗ Văn Minh", "staff", now - 30 * day, now + 365 * day)
        case .tsa: ("/C=VN/O=Hocba Test/CN=Hocba Test TSA", "tsa", now - 30 * day, now + 365 * day)
        }
      try issue(identity, subject: subject, extensions: extensions, start: start, end: end)
    }
    try openssl(["ca", "-batch", "-config", "ca.cnf", "-revoke", "revoked.pem"])
    try openssl(["ca", "-batch", "-config", "ca.cnf", "-gencrl", "-out", "crl.pem"])
  }

  func p12(_ identity: Identity) -> URL { directory.appendingPathComponent("\(identity.rawValue).p12") }
  func certificatePEM(_ identity: Identity) -> URL { directory.appendingPathComponent("\(identity.rawValue).pem") }
  func keyPEM(_ identity: Identity) -> URL { directory.appendingPathComponent("\(identity.rawValue).key") }

  /// A local TSA (scripts/test_tsa.py) with the `tsa` identity.
  func localTSA(_ mode: LocalTSA.Mode = .good) throws -> LocalTSA {
    try LocalTSA(
      certificate: certificatePEM(.tsa).path, key: keyPEM(.tsa).path, chain: intermediatePEM.path, mode: mode)
  }

  func signer(_ identity: Identity) throws -> PKCS12Signer {
    try PKCS12Signer(file: p12(identity), password: Secret(password))
  }

  /// The root as anchor, the intermediate and the CRL.
  func trustStore(withCRL: Bool = true) throws -> TrustStore {
    TrustStore(
      anchors: try Certificate.load(file: rootPEM), intermediates: try Certificate.load(file: intermediatePEM),
      revocationLists: withCRL ? [try RevocationList.load(file: crl)] : [])
  }

  private func openssl(_ arguments: [String]) throws {
    try Tools.check("openssl", arguments, in: directory, environment: ["P12PASS": password])
  }

  private func makeAuthorities() throws {
    let config = """
      [ ca ]
      default_ca = intermediate
      [ intermediate ]
      dir = \(directory.path)/db
      database = $dir/index.txt
      new_certs_dir = $dir/new
      serial = $dir/serial
      crlnumber = $dir/crlnumber
      certificate = \(directory.path)/inter.pem
      private_key = \(directory.path)/inter.key
      default_md = sha256
      default_crl_days = 30
      policy = anything
      unique_subject = no
      copy_extensions = none
      utf8 = yes
      string_mask = utf8only
      [ anything ]
      countryName = optional
      stateOrProvinceName = optional
      organizationName = optional
      commonName = optional
      [ staff ]
      basicConstraints = critical, CA:FALSE
      keyUsage = critical, digitalSignature, nonRepudiation
      subjectKeyIdentifier = hash
      authorityKeyIdentifier = keyid
      [ encipher ]
      basicConstraints = critical, CA:FALSE
      keyUsage = critical, keyEncipherment
      [ tsa ]
      basicConstraints = critical, CA:FALSE
      keyUsage = critical, digitalSignature, nonRepudiation
      extendedKeyUsage = critical, timeStamping
      subjectKeyIdentifier = hash
      authorityKeyIdentifier = keyid
      [ subca ]
      basicConstraints = critical, CA:TRUE, pathlen:0
      keyUsage = critical, keyCertSign, cRLSign
      subjectKeyIdentifier = hash
      authorityKeyIdentifier = keyid
      """
    try config.write(to: directory.appendingPathComponent("ca.cnf"), atomically: true, encoding: .utf8)
    let db = directory.appendingPathComponent("db")
    try FileManager.default.createDirectory(at: db.appendingPathComponent("new"), withIntermediateDirectories: true)
    try "".write(to: db.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
    try "1000\n".write(to: db.appendingPathComponent("serial"), atomically: true, encoding: .utf8)
    try "1000\n".write(to: db.appendingPathComponent("crlnumber"), atomically: true, encoding: .utf8)
    for (name, subject) in [
      ("ca", "/C=VN/O=Hocba Test/CN=Hocba Test Root CA"), ("other", "/C=VN/O=Other/CN=Other Root CA"),
    ] {
      try openssl([
        "req", "-x509", "-utf8", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).pem",
        "-days", "3650", "-sha256", "-subj", subject, "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
      ])
    }
    try openssl([
      "req", "-new", "-utf8", "-newkey", "rsa:2048", "-nodes", "-keyout", "inter.key", "-out", "inter.csr",
      "-subj", "/C=VN/O=Hocba Test/CN=Hocba Test Issuing CA",
    ])
    try openssl([
      "x509", "-req", "-in", "inter.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "2", "-days", "1825",
      "-sha256", "-extfile", "ca.cnf", "-extensions", "subca", "-out", "inter.pem",
    ])
  }

  private func issue(_ identity: Identity, subject: String, extensions: String, start: Date, end: Date) throws {
    let name = identity.rawValue
    try openssl([
      "req", "-new", "-utf8", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).csr",
      "-subj", subject,
    ])
    if identity == .untrusted {
      try openssl([
        "x509", "-req", "-in", "\(name).csr", "-CA", "other.pem", "-CAkey", "other.key", "-set_serial", "7",
        "-days", "365", "-sha256", "-extfile", "ca.cnf", "-extensions", "staff", "-out", "\(name).pem",
      ])
    } else {
      try openssl([
        "ca", "-batch", "-config", "ca.cnf", "-extensions", extensions, "-in", "\(name).csr", "-out", "\(name).pem",
        "-notext", "-startdate", Self.utcTime(start), "-enddate", Self.utcTime(end),
      ])
    }
    let chainFile = identity == .untrusted ? "other.pem" : "inter.pem"
    try openssl([
      "pkcs12", "-export", "-inkey", "\(name).key", "-in", "\(name).pem", "-certfile", chainFile, "-name", name,
      "-out", "\(name).p12", "-passout", "env:P12PASS",
    ])
  }

  private static func utcTime(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyMMddHHmmss'Z'"
    return formatter.string(from: date)
  }
}
