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

    // The model: value types only.
    .target(name: "HocBaModel"),

    // Wrappers around one C library each.
    .target(name: "HocBaCrypto", dependencies: ["COpenSSL"]),
    .target(
      name: "RecordXML", dependencies: ["HocBaModel", "CLibXML2"],
      resources: [.copy("Resources/hocba-1.0.xsd")]),

    // The SQLite store.
    .target(
      name: "ReviewStore",
      dependencies: [
        "HocBaModel", "HocBaCrypto", .product(name: "GRDB", package: "GRDB.swift"),
      ]),

    // Synthetic sample records for the demo and the tests (no real student data).
    .target(name: "HocBaSamples", dependencies: ["HocBaModel"]),

    // The executable: thin, one file per subcommand.
    .executableTarget(
      name: "hocba",
      dependencies: [
        "HocBaModel", "RecordXML", "ReviewStore", "HocBaSamples",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Tests mirror Sources.
    .target(
      name: "TestSupport", dependencies: ["HocBaModel", "HocBaSamples", "ReviewStore"],
      path: "Tests/TestSupport"),
    .testTarget(name: "HocBaModelTests", dependencies: ["HocBaModel", "TestSupport"]),
    .testTarget(name: "HocBaCryptoTests", dependencies: ["HocBaCrypto"]),
    .testTarget(
      name: "RecordXMLTests", dependencies: ["RecordXML", "HocBaSamples", "TestSupport"],
      resources: [.copy("Golden"), .copy("Hostile")]),
    .testTarget(name: "ReviewStoreTests", dependencies: ["ReviewStore", "TestSupport"]),
    .testTarget(name: "hocbaTests", dependencies: ["hocba", "TestSupport"]),
  ]
)
