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
        // Networking: only ChainEngine (client) and Devnet (server) import these.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
        // JSON values, JSON-RPC 2.0 messages and Substrate method names shared by client and server.
        .target(name: "SubstrateRPC", dependencies: ["Scale"]),

        // Networked layers: ChainEngine (client side) and Devnet (server side) never import each other.
        // ChainEngine uses Attestation to verify a pRuntime's registration material before
        // offering register_worker_v2 (issue 8); Attestation is pure (Scale, ChainCrypto, COpenSSL).
        .target(name: "ChainEngine", dependencies: [
            "Scale", "ChainCrypto", "MiningCore", "SubstrateRPC", "Attestation",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "WSClient", package: "swift-websocket"),
            .product(name: "WSCompression", package: "swift-websocket"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Devnet", dependencies: [
            "Scale", "ChainCrypto", "MiningCore", "Attestation", "SubstrateRPC",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOWebSocket", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Terminal UI: cells, widgets, themes, frame diff (stdlib only), and the
        // one module that talks to ncurses.
        .target(name: "TermUI"),
        .target(name: "TermUINCurses", dependencies: ["TermUI", "CNCurses"]),
        // The dashboard: state, messages, reduce, panes, key table (no I/O, no clock).
        .target(name: "Dashboard", dependencies: ["MiningCore", "TermUI"]),

        // Composition root and benchmarks.
        .executableTarget(name: "khalatop", dependencies: [
            "Scale", "ChainCrypto", "MiningCore", "Attestation", "TermUI", "TermUINCurses", "ChainEngine", "SubstrateRPC",
            "Devnet", "Dashboard",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "khalatop-bench", dependencies: [
            "Scale", "ChainCrypto", "MiningCore", "Attestation", "COpenSSL", "TermUI", "Dashboard",
            "SubstrateRPC", "ChainEngine", "Devnet",
        ]),

        // Test-only helpers: fixture lookup, the Python reference-client runner.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ScaleTests", dependencies: ["Scale", "TestSupport"]),
        .testTarget(name: "ChainCryptoTests", dependencies: ["ChainCrypto", "Scale", "TestSupport"]),
        .testTarget(name: "MiningCoreTests", dependencies: ["MiningCore", "ChainCrypto", "TestSupport"]),
        .testTarget(name: "AttestationTests", dependencies: ["Attestation", "Scale", "ChainCrypto", "TestSupport"]),
        .testTarget(name: "SubstrateRPCTests", dependencies: ["SubstrateRPC", "Scale", "TestSupport"]),
        .testTarget(name: "DevnetTests", dependencies: [
            "Devnet", "Scale", "ChainCrypto", "MiningCore", "Attestation", "SubstrateRPC", "TestSupport",
        ]),
        .testTarget(name: "TransportTests", dependencies: [
            "ChainEngine", "Devnet", "SubstrateRPC", "ChainCrypto", "TestSupport",
        ]),
        .testTarget(name: "ChainEngineTests", dependencies: [
            "ChainEngine", "Devnet", "SubstrateRPC", "Scale", "ChainCrypto", "MiningCore", "Attestation", "TestSupport",
        ]),
        .testTarget(name: "TermUITests", dependencies: ["TermUI", "TermUINCurses", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "MiningCore", "TermUI", "TestSupport"],
                    exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
