// swift-tools-version:6.1
// khalatop: a terminal dashboard for Phala/Khala computation workers.
// Module layout and import directions: ../shared/docs/ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "khalatop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "khalatop", targets: ["khalatop"]),
        .executable(name: "khalatop-bench", targets: ["khalatop-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries: module maps plus inline shims for macros.
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl",
                       providers: [.apt(["libssl-dev"])]),
        // Wide-character ncurses; only TermUINCurses imports it.
        .systemLibrary(name: "CNCurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),

        // Pure layers.
        .target(name: "Scale"),
        // ChainCrypto uses Scale for hex and the SCALE-encoded junctions of key derivation.
        .target(name: "ChainCrypto", dependencies: ["Scale", "COpenSSL"]),
        .target(name: "MiningCore", dependencies: ["ChainCrypto"]),
        .target(name: "Attestation", dependencies: ["Scale", "ChainCrypto", "COpenSSL"]),
        // Terminal UI: cells, widgets, themes, frame diff (stdlib only), and the
        // one module that talks to ncurses.
        .target(name: "TermUI"),
        .target(name: "TermUINCurses", dependencies: ["TermUI", "CNCurses"]),

        // Composition root and benchmarks.
        .executableTarget(name: "khalatop", dependencies: [
            "Scale", "ChainCrypto", "MiningCore", "Attestation", "TermUI", "TermUINCurses",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "khalatop-bench", dependencies: [
            "Scale", "ChainCrypto", "MiningCore", "Attestation", "COpenSSL", "TermUI",
        ]),

        // Test-only helpers: fixture lookup, the Python reference-client runner.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ScaleTests", dependencies: ["Scale", "TestSupport"]),
        .testTarget(name: "ChainCryptoTests", dependencies: ["ChainCrypto", "Scale", "TestSupport"]),
        .testTarget(name: "MiningCoreTests", dependencies: ["MiningCore", "ChainCrypto", "TestSupport"]),
        .testTarget(name: "AttestationTests", dependencies: ["Attestation", "Scale", "ChainCrypto", "TestSupport"]),
        .testTarget(name: "TermUITests", dependencies: ["TermUI", "TermUINCurses"],
                    exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
