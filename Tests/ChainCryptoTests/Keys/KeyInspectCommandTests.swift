import Foundation
import Testing
import TestSupport
@testable import ChainCrypto

/// Runs the built `khalatop key inspect` (the test bundle's sibling in the
/// build directory) on secrets in files, stdin, the environment and key files.
/// `scripts/test` runs `swift build --build-tests` first, which builds it; a
/// bare `swift test` does not rebuild the executable.
@Suite struct KeyInspectCommandTests {
    static var binary: String? {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("khalatop").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static var enabled: Bool { binary != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Result { let status: Int32; let stdout: String; let stderr: String }

    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary, "khalatop binary not built"))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(stdin.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    static func temporaryFile(_ contents: String, mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("khalatop-key-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents.utf8),
                                               attributes: [.posixPermissions: mode]))
        return path
    }

    static let seedHex = "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    static let expectedPublic = "0x03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8"

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func inspectsAFileWithoutPrintingTheSecret() throws {
        let path = try Self.temporaryFile(Self.seedHex + "\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.run(["key", "inspect", "--scheme", "ed25519", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Public key:   \(Self.expectedPublic)"))
        #expect(result.stdout.contains("SS58 address: 3zhYjak2TuaJ7mnB4RYbv4YBQqdLz6majwBX68uHt5hPXZ4X"))
        #expect(!result.stdout.contains("0001020304050607"))
        #expect(!result.stderr.contains("0001020304050607"))
        #expect(!result.stderr.contains("warning"))
    }

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func warnsAboutAReadableFile() throws {
        let path = try Self.temporaryFile(Self.seedHex, mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.run(["key", "inspect", "--scheme", "ed25519", "--network", "substrate", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning:") && result.stderr.contains("chmod 600"))
        #expect(result.stdout.contains("SS58 prefix:  42"))
        #expect(result.stdout.contains(Self.expectedPublic))
    }

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func stdinAndEnvironment() throws {
        let fromStdin = try Self.run(["key", "inspect", "--scheme", "ed25519", "-"], stdin: Self.seedHex)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout.contains(Self.expectedPublic))
        let fromEnv = try Self.run(["key", "inspect", "--scheme", "ed25519", "--env", "KHALATOP_TEST_SURI"],
                                   environment: ["KHALATOP_TEST_SURI": Self.seedHex])
        #expect(fromEnv.status == 0)
        #expect(fromEnv.stdout == fromStdin.stdout)
        let missing = try Self.run(["key", "inspect", "--env", "KHALATOP_TEST_UNSET_VARIABLE"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("KHALATOP_TEST_UNSET_VARIABLE is not set"))
    }

    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func badSecretsFailWithoutEchoingThem() throws {
        let typo = KeyTests.devPhrase.replacingOccurrences(of: "lonely", with: "lonley")
        let result = try Self.run(["key", "inspect", "--scheme", "ed25519", "-"], stdin: typo)
        #expect(result.status != 0)
        #expect(result.stderr.contains("word 10"))
        #expect(!result.stderr.contains("lonley"))
        #expect(!result.stdout.contains("lonley"))
        let both = try Self.run(["key", "inspect", "--env", "X", "-"])
        #expect(both.status != 0)
    }

    @Test(.enabled(if: enabled && KeyTests.pythonEnabled, "needs the built khalatop binary and the Python venv"))
    func opensAKeyFileWithAPasswordFile() throws {
        let files = try PolkadotKeyFileTests.makeKeyFiles()
        let ed = try #require(files.first { $0.scheme == .ed25519 })
        let keyPath = try Self.temporaryFile(ed.json, mode: 0o600)
        let passwordPath = try Self.temporaryFile(PolkadotKeyFileTests.password + "\n", mode: 0o600)
        let wrongPath = try Self.temporaryFile("not the password\n", mode: 0o600)
        defer { for p in [keyPath, passwordPath, wrongPath] { try? FileManager.default.removeItem(atPath: p) } }
        let ok = try Self.run(["key", "inspect", "--password-file", passwordPath, keyPath])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Scheme:       ed25519"))
        #expect(ok.stdout.contains("0x" + ed.publicKey))
        #expect(ok.stdout.contains("Name:         ed account"))
        let wrong = try Self.run(["key", "inspect", "--password-file", wrongPath, keyPath])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("wrong password"))
        #expect(!wrong.stderr.contains("not the password"))
        let mismatch = try Self.run(["key", "inspect", "--scheme", "sr25519", "--password-file", passwordPath, keyPath])
        #expect(mismatch.status != 0)
        #expect(mismatch.stderr.contains("holds an ed25519 key"))
    }

    /// A key file's name is shown, but never as terminal control sequences.
    @Test(.enabled(if: enabled, "needs the built khalatop binary"))
    func keyFileNameCannotDriveTheTerminal() throws {
        let seed = KeyTests.bytes(32, seed: 12)
        let ed = try Ed25519KeyPair(seed: seed)
        let json = try PolkadotKeyFileTests.syntheticFile(secret: seed, publicKey: ed.publicKey,
                                                          name: "evil\\u001b]0;pwned\\u0007\\u001b[2J")
        let keyPath = try Self.temporaryFile(String(decoding: json, as: UTF8.self), mode: 0o600)
        let passwordPath = try Self.temporaryFile("pw", mode: 0o640)
        defer { for p in [keyPath, passwordPath] { try? FileManager.default.removeItem(atPath: p) } }
        let result = try Self.run(["key", "inspect", "--password-file", passwordPath, keyPath])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(passwordPath) is readable or writable by group or others (mode 640)"))
        #expect(!result.stderr.contains(keyPath))
        #expect(result.stdout.contains(hexString(ed.publicKey)))
        #expect(result.stdout.contains("Name:         evil?]0;pwned??[2J"))
        #expect(!result.stdout.contains("\u{1b}"))
    }
}
