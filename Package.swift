// swift-tools-version: 6.0
import PackageDescription

// Modules read as the architecture: dependencies point inward to HocBaModel.
// Each C library enters through one system-library target and one Swift module.
let package = Package(
  name: "hocba",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "hocba", targets: ["hocba"])
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
  ],
  targets: [
    // C libraries: thin system-library targets (module.modulemap + shim.h).
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(
      name: "COpenSSL", pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]),
    .systemLibrary(
      name: "CXMLSec", pkgConfig: "xmlsec1-openssl",
      providers: [.apt(["libxmlsec1-dev"])]),
    .systemLibrary(
      name: "CLeptonica", pkgConfig: "lept",
      providers: [.apt(["libleptonica-dev"])]),
    // No pkgConfig: tesseract.pc adds -lcurl and links a second libcurl (build-facts §2.4 item 12).
    .systemLibrary(
      name: "CTesseract",
      providers: [.apt(["libtesseract-dev"])]),
    // chafa: field snippets drawn in the terminal (kitty, sixel, iTerm2 or Unicode symbols).
    .systemLibrary(
      name: "CChafa", pkgConfig: "chafa",
      providers: [.apt(["libchafa-dev"])]),

    // The PDF học bạ: pango text drawn by cairo (fonts embedded), QR codes by libqrencode.
    .systemLibrary(
      name: "CPangoCairo", pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
    .systemLibrary(
      name: "CQREncode", pkgConfig: "libqrencode",
      providers: [.apt(["libqrencode-dev"])]),

    // The model: value types only.
    .target(name: "HocBaModel"),

    // Wrappers around one C library each.
    .target(name: "HocBaCrypto", dependencies: ["COpenSSL"]),
    // XML signatures on record bytes (signing profile): SignedInfo built here, verification with xmlsec.
    .target(name: "RecordSigning", dependencies: ["HocBaModel", "HocBaCrypto", "RecordXML", "CLibXML2", "CXMLSec"]),
    .target(
      name: "RecordXML", dependencies: ["HocBaModel", "CLibXML2"],
      resources: [.copy("Resources/hocba-1.0.xsd")]),

    // Scanned pages: loading, preparation and OCR (Leptonica, Tesseract).
    .target(name: "ScanCapture", dependencies: ["HocBaModel", "HocBaCrypto", "CLeptonica", "CTesseract"]),

    // The PDF học bạ (bản thể hiện): a pure page layout from the record, drawn by one cairo/pango renderer.
    .target(name: "RecordPDF", dependencies: ["HocBaModel", "CPangoCairo", "CQREncode"]),

    // Page templates (Mappings/): classify pages, locate fields by anchors and ruled tables, read them.
    .target(name: "FieldMapping", dependencies: ["HocBaModel", "ScanCapture"]),

    // The import run: named stages, resumable, parallel pages.
    .target(
      name: "IngestPipeline",
      dependencies: ["HocBaModel", "HocBaCrypto", "ScanCapture", "FieldMapping", "ReviewStore", "HocBaRules"]),

    // Hand-over packages: a stored ZIP (own reader with limits) of signed records and a manifest of hashes.
    .target(name: "RecordPackage", dependencies: ["HocBaModel", "HocBaCrypto"]),

    // The SQLite store.
    .target(
      name: "ReviewStore",
      dependencies: [
        "HocBaModel", "HocBaCrypto", .product(name: "GRDB", package: "GRDB.swift"),
      ]),

    // Synthetic sample records for the demo and the tests (no real student data).
    .target(name: "HocBaSamples", dependencies: ["HocBaModel"]),

    // The consistency checks C1–C17 (shared/domain.md §8) and the school-editable rules policy.
    .target(name: "HocBaRules", dependencies: ["HocBaModel"]),

    // The review program: a pure Elm-style core, and the terminal driver that runs it.
    .target(name: "ReviewUI", dependencies: ["HocBaModel"]),
    .target(name: "TerminalDriver", dependencies: ["ReviewUI", "CChafa"]),

    // The executable: thin, one file per subcommand.
    .executableTarget(
      name: "hocba",
      dependencies: [
        "HocBaModel", "RecordXML", "ReviewStore", "HocBaSamples", "FieldMapping", "IngestPipeline", "HocBaRules",
        "ReviewUI", "TerminalDriver", "RecordSigning", "ScanCapture", "RecordPDF", "RecordPackage",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Tests mirror Sources.
    .target(
      name: "TestSupport", dependencies: ["HocBaModel", "HocBaSamples", "ReviewStore", "ScanCapture"],
      path: "Tests/TestSupport"),
    .testTarget(name: "HocBaModelTests", dependencies: ["HocBaModel", "TestSupport"]),
    .testTarget(name: "HocBaRulesTests", dependencies: ["HocBaRules", "HocBaSamples"]),
    .testTarget(
      name: "IngestPipelineTests",
      dependencies: ["IngestPipeline", "ReviewStore", "HocBaRules", "HocBaSamples", "TestSupport"]),
    .testTarget(name: "HocBaCryptoTests", dependencies: ["HocBaCrypto"]),
    .testTarget(
      name: "RecordSigningTests", dependencies: ["RecordSigning", "RecordXML", "HocBaSamples", "TestSupport"],
      exclude: ["verify_signxml.py", "verify_timestamp.py"]),
    .testTarget(
      name: "RecordXMLTests", dependencies: ["RecordXML", "HocBaSamples", "TestSupport"],
      resources: [.copy("Golden"), .copy("Hostile")]),
    .testTarget(
      name: "ScanCaptureTests", dependencies: ["ScanCapture", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "RecordPDFTests", dependencies: ["RecordPDF", "RecordXML", "HocBaSamples", "TestSupport"]),
    .testTarget(name: "ReviewStoreTests", dependencies: ["ReviewStore", "TestSupport"]),
    .testTarget(name: "FieldMappingTests", dependencies: ["FieldMapping", "TestSupport"]),
    .testTarget(name: "hocbaTests", dependencies: ["hocba", "TestSupport", "RecordPackage"]),
    .testTarget(name: "RecordPackageTests", dependencies: ["RecordPackage"]),
    .testTarget(
      name: "ReviewUITests",
      dependencies: ["ReviewUI", "TerminalDriver", "ReviewStore", "HocBaSamples", "TestSupport", "ScanCapture"],
      exclude: ["Golden"]),
  ]
)
