import ArgumentParser
import Foundation
import HocBaModel
import RecordSigning
import ReviewStore

/// `hocba trust add|list`: the school's trust store (root CAs, intermediates, CRLs) for signer certificates.
struct TrustCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trust",
    abstract: help(
      "Kho tin cậy: chứng thư gốc, trung gian và danh sách thu hồi (CRL).",
      "Trust store: root and intermediate CA certificates and CRLs."),
    subcommands: [Add.self, List.self])

  /// `hocba trust add FILE…`: a self-signed certificate is an anchor, another an intermediate; a CRL is a CRL.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: help("Thêm chứng thư CA hoặc CRL (PEM/DER).", "Add CA certificates or CRLs (PEM/DER)."))

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(help("Tệp chứng thư hoặc CRL.", "Certificate or CRL files."), valueName: "file"))
    var files: [String]

    func run() throws {
      let language = global.language
      try reportingErrors(language) {
        let database = try global.openDatabase()
        for path in files {
          let url = URL(fileURLWithPath: path)
          guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.fileMissing(path: path)
          }
          let name = url.lastPathComponent
          if String(decoding: data.prefix(4096), as: UTF8.self).contains("X509 CRL") {
            let crl = try Self.loadCRL(url)
            try database.addTrustItem(.crl, der: crl.der, label: name, actor: global.actorName)
            Console.output("crl\t\(name)")
            continue
          }
          let certificates: [Certificate]
          do {
            certificates = try Certificate.load([UInt8](data))
          } catch {
            let crl = try Self.loadCRL(url)
            try database.addTrustItem(.crl, der: crl.der, label: name, actor: global.actorName)
            Console.output("crl\t\(name)")
            continue
          }
          for certificate in certificates {
            let kind: TrustKind = certificate.subject == certificate.issuer ? .anchor : .intermediate
            try database.addTrustItem(kind, der: certificate.der, label: certificate.subject, actor: global.actorName)
            Console.output("\(kind.rawValue)\t\(certificate.subject)")
          }
        }
      }
    }

    private static func loadCRL(_ url: URL) throws -> RevocationList {
      do { return try RevocationList.load(file: url) } catch { throw SigningError.crypto(error) }
    }
  }

  /// `hocba trust list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: help("Liệt kê kho tin cậy.", "List the trust store."))

    @OptionGroup var global: GlobalOptions

    func run() throws {
      try reportingErrors(global.language) {
        for item in try global.openDatabase().trustItems() {
          Console.output("\(item.kind.rawValue)\t\(item.label)\t\(SHA256.hex(item.der))")
        }
      }
    }
  }
}
