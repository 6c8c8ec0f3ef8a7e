import ChainCrypto
import Devnet
import Dispatch
import Foundation
import Scale
import TestSupport
import Testing

/// Drives the built `khalatop tx` binary against an in-process devnet on
/// loopback (issue 8's independent checks): the `--dry-run --print-hex`
/// extrinsic decodes with py-scalecodec and verifies with py-sr25519; a real
/// submit exits 0 only when finalized successfully; `--read-only` and a
/// world-readable key file block the action with a clear message; the secret
/// never appears in any output.
/// The built binary, next to the tests' own build products.
enum KhalatopBinary {
    static let path = Fixtures.packageRoot.appendingPathComponent(".build/debug/khalatop").path
    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }
}

@Suite(.serialized, .enabled(if: KhalatopBinary.exists, "needs the built khalatop binary (swift build)"))
struct TxCommandTests {
    static let binary = KhalatopBinary.path

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the binary off the cooperative pool (the devnet actor must keep answering it).
    static func khalatop(_ args: [String], stdin: String = "", env: [String: String] = [:]) async throws -> Run {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async {
                do {
                    let p = Process()
                    p.executableURL = URL(fileURLWithPath: binary)
                    p.arguments = args
                    p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
                    let i = Pipe(), o = Pipe(), e = Pipe()
                    p.standardInput = i; p.standardOutput = o; p.standardError = e
                    try p.run()
                    i.fileHandleForWriting.write(Data(stdin.utf8))
                    try i.fileHandleForWriting.close()
                    let out = o.fileHandleForReading.readDataToEndOfFile()
                    let err = e.fileHandleForReading.readDataToEndOfFile()
                    p.waitUntilExit()
                    c.resume(returning: Run(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                                            stderr: String(decoding: err, as: UTF8.self)))
                } catch { c.resume(throwing: error) }
            }
        }
    }

    static let secret = "//Alice"

    /// A temp dir with the secret URI in a 0600 file and in a 0644 copy.
    static func keyFiles() throws -> (privateFile: String, openFile: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("khalatop-tx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let priv = dir.appendingPathComponent("alice.suri").path, open = dir.appendingPathComponent("alice-open.suri").path
        for (path, mode) in [(priv, 0o600), (open, 0o644)] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data(secret.utf8), attributes: [.posixPermissions: mode]))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
        return (priv, open)
    }

    struct Devnet {
        let node: DevnetNode
        let server: RPCServer
        static func start() async throws -> Devnet {
            var c = DevnetConfig()
            c.seed = 5; c.workers = 4; c.pools = 2; c.blockTimeSeconds = 0.2
            let node = DevnetNode(config: c)
            await node.produceBlocks(2)
            let server = try await RPCServer.start(handler: node, configuration: RPCServerConfiguration(port: 0))
            await node.startTimer()
            return Devnet(node: node, server: server)
        }
        func stop() async { await node.stopTimer(); await server.shutdown() }
    }

    @Test func dryRunHexDecodesAndVerifiesInPython() async throws {
        try #require(ReferencePython.available || ReferencePython.required, "needs the reference Python venv")
        let net = try await Devnet.start()
        defer { Task { await net.stop() } }
        let keys = try Self.keyFiles()
        let worker = Hex.encode(try #require(await net.node.workerPublicKeys.first))
        let r = try await Self.khalatop(["tx", "start", "--rpc", net.server.webSocketURL, "--pool", "0", "--worker", worker,
                                         "--stake", "2500.5", "--suri-file", keys.privateFile, "--dry-run", "--print-hex"])
        #expect(r.status == 0, "\(r.stderr)")
        let hex = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(hex.hasPrefix("0x") && !hex.contains("\n"))
        #expect(r.stderr.contains("start_computing: pool 0, worker"))
        #expect(r.stderr.contains("stake 2,500.5 PHA"))
        #expect(r.stderr.contains("Nonce:   0"))
        #expect(r.stderr.contains("spec 1251"))
        #expect(r.stderr.contains("Fee:     0.00"))
        // Birth block from the confirmation, then its hash and the genesis hash from the node.
        let birthLine = try #require(r.stderr.split(separator: "\n").first { $0.hasPrefix("Valid:") })
        let birth = try #require(UInt32(String(birthLine.split(separator: "#").last ?? "")))
        let (genesis, birthHash, txVersion) = await net.node.withChain { c in (c.genesisHash, c.block(number: birth)?.hash, c.runtimeVersion.transactionVersion) }
        let metaPath = FileManager.default.temporaryDirectory.appendingPathComponent("khalatop-devnet-meta-\(UUID().uuidString).scale")
        try Data(DevnetMetadata.encoded).write(to: metaPath)
        let out = try await withCheckedThrowingContinuation { (c: CheckedContinuation<String, any Error>) in
            DispatchQueue.global().async {
                do {
                    c.resume(returning: try ReferencePython.run(ExtrinsicPythonCrossCheckTests.script, arguments: [
                        metaPath.path, hex, "1251", "\(txVersion)", Hex.encode(genesis),
                        Hex.encode(birthHash ?? []),
                    ]))
                } catch { c.resume(throwing: error) }
            }
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(json["module"] as? String == "PhalaStakePoolv2")
        #expect(json["function"] as? String == "start_computing")
        let args = try #require(json["args"] as? [String: Any])
        #expect(args["pid"] as? Int == 0)
        #expect(args["worker"] as? String == worker)
        #expect((args["stake"] as? NSNumber)?.stringValue == "2500500000000000")
        #expect(json["verified"] as? Bool == true)
        #expect(!(r.stdout + r.stderr).contains(Self.secret))
    }

    @Test func submitExitsZeroOnlyWhenFinalizedSuccessfully() async throws {
        let net = try await Devnet.start()
        defer { Task { await net.stop() } }
        let keys = try Self.keyFiles()
        let worker = Hex.encode(try #require(await net.node.workerPublicKeys.first))
        let base = ["--rpc", net.server.webSocketURL, "--pool", "0", "--worker", worker, "--suri-file", keys.privateFile]
        let ok = try await Self.khalatop(["tx", "stop"] + base + ["--yes"])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("Status:  ready"))
        #expect(ok.stdout.contains("Status:  finalized in 0x"))
        // The worker cools down now: starting it fails on chain, with the error named.
        let bad = try await Self.khalatop(["tx", "start"] + base + ["--stake", "10000", "--yes"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("finalized with an error: PhalaComputation.WorkerNotReady"))
        // Without --yes, anything but y cancels.
        let no = try await Self.khalatop(["tx", "reclaim"] + base, stdin: "n\n")
        #expect(no.status == 1)
        #expect(no.stdout.contains("Sign and submit? [y/N]"))
        #expect(no.stdout.contains("cancelled: nothing was submitted"))
        #expect(!(ok.stdout + ok.stderr + bad.stdout + bad.stderr + no.stdout + no.stderr).contains(Self.secret))
    }

    @Test func readOnlyAndOpenKeyFilesBlockEveryAction() async throws {
        let keys = try Self.keyFiles()
        let worker = "0x" + String(repeating: "11", count: 32)
        for action in ["add", "start", "stop", "reclaim", "restart", "remove"] {
            let common = ["tx", action, "--rpc", "ws://127.0.0.1:1", "--pool", "1", "--worker", worker]
                + (action == "start" || action == "restart" ? ["--stake", "1"] : [])
            let ro = try await Self.khalatop(common + ["--suri-file", keys.privateFile, "--read-only", "--yes"])
            #expect(ro.status == 1)
            #expect(ro.stderr.contains("read-only mode"))
            let open = try await Self.khalatop(common + ["--suri-file", keys.openFile, "--yes"])
            #expect(open.status == 1)
            #expect(open.stderr.contains("readable or writable by group or others"))
            #expect(open.stderr.contains("chmod 600"))
            #expect(!(ro.stdout + ro.stderr + open.stdout + open.stderr).contains(Self.secret))
        }
        let env = try await Self.khalatop(["tx", "stop", "--rpc", "ws://127.0.0.1:1", "--pool", "1", "--worker", worker,
                                           "--suri-env", "KHALATOP_TEST_SURI", "--yes"], env: ["KHALATOP_TEST_SURI": Self.secret])
        #expect(env.status == 1)  // nothing listens on port 1
        #expect(!(env.stdout + env.stderr).contains(Self.secret))
    }

    /// The polkadot.js key file of //Alice (password "whoisalice") from subxt's compatibility test.
    static let aliceKeyFile = """
    {"encoded":"DumgApKCTqoCty1OZW/8WS+sgo6RdpHhCwAkA2IoDBMAgAAAAQAAAAgAAAB6IG/q24EeVf0JqWqcBd5m2tKq5BlyY84IQ8oamLn9DZe9Ouhgunr7i36J1XxUnTI801axqL/ym1gil0U8440Qvj0lFVKwGuxq38zuifgoj0B3Yru0CI6QKEvQPU5xxj4MpyxdSxP+2PnTzYao0HDH0fulaGvlAYXfqtU89xrx2/z9z7IjSwS3oDFPXRQ9kAdDebtyCVreZ9Otw9v3",\
    "encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"},\
    "address":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY","meta":{"name":"Alice"}}
    """

    @Test func keyFileWithPasswordFileSignsAsItsAccount() async throws {
        let net = try await Devnet.start()
        defer { Task { await net.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("khalatop-tx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let keyPath = dir.appendingPathComponent("alice.json").path, pwPath = dir.appendingPathComponent("pw").path
        #expect(FileManager.default.createFile(atPath: keyPath, contents: Data(Self.aliceKeyFile.utf8), attributes: [.posixPermissions: 0o600]))
        #expect(FileManager.default.createFile(atPath: pwPath, contents: Data("whoisalice\n".utf8), attributes: [.posixPermissions: 0o600]))
        let worker = Hex.encode(try #require(await net.node.workerPublicKeys.first))
        let r = try await Self.khalatop(["tx", "stop", "--rpc", net.server.webSocketURL, "--pool", "0", "--worker", worker,
                                         "--key-file", keyPath, "--password-file", pwPath, "--dry-run"])
        #expect(r.status == 0, "\(r.stderr)")
        let alice = try SS58.checkedEncode(try Hex.decode("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"), prefix: 30)
        #expect(r.stdout.contains("Signer:  \(alice) (sr25519)"))
        #expect(!(r.stdout + r.stderr).contains("whoisalice"))
        // A wrong password is a clear refusal.
        #expect(FileManager.default.createFile(atPath: pwPath, contents: Data("whoisbob".utf8), attributes: [.posixPermissions: 0o600]))
        let wrong = try await Self.khalatop(["tx", "stop", "--rpc", net.server.webSocketURL, "--pool", "0", "--worker", worker,
                                             "--key-file", keyPath, "--password-file", pwPath, "--dry-run"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("cannot load the key"))
        #expect(!(wrong.stdout + wrong.stderr).contains("whoisbob"))
    }

    @Test func noFinalityWithinTheTimeoutIsAFailure() async throws {
        // A devnet that produces no blocks: the extrinsic stays ready.
        var c = DevnetConfig()
        c.seed = 5; c.workers = 2; c.pools = 1
        let node = DevnetNode(config: c)
        await node.produceBlocks(1)
        let server = try await RPCServer.start(handler: node, configuration: RPCServerConfiguration(port: 0))
        defer { Task { await server.shutdown() } }
        let keys = try Self.keyFiles()
        let worker = Hex.encode(try #require(await node.workerPublicKeys.first))
        let r = try await Self.khalatop(["tx", "stop", "--rpc", server.webSocketURL, "--pool", "0", "--worker", worker,
                                         "--suri-file", keys.privateFile, "--yes", "--timeout", "1"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Status:  ready"))
        #expect(r.stderr.contains("no finality within 1 s"))
        // --stake on an action that takes none is a usage error.
        let usage = try await Self.khalatop(["tx", "stop", "--pool", "0", "--worker", worker, "--stake", "5", "--suri-file", keys.privateFile])
        #expect(usage.status != 0)
        #expect(usage.stderr.contains("--stake is only for start and restart"))
    }

    @Test func registerTakesThePRuntimeMaterialAsHex() async throws {
        let net = try await Devnet.start()
        defer { Task { await net.stop() } }
        let keys = try Self.keyFiles()
        var e = ScaleEncoder()
        e.encode(UInt32(1)); e.encode([UInt8]([1, 2]))
        e.append([UInt8](repeating: 5, count: 32)); e.append([UInt8](repeating: 6, count: 32)); e.append([UInt8](repeating: 9, count: 32))
        e.encode([UInt32(4), 1]); e.appendByte(0); e.encode(UInt32(2004)); e.encode(UInt32(0))
        let base = ["tx", "register", "--rpc", net.server.webSocketURL, "--suri-file", keys.privateFile, "--attestation", "0x00"]
        let ok = try await Self.khalatop(base + ["--pruntime-info", Hex.encode(e.bytes), "--dry-run", "--print-hex"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stderr.contains("register_worker_v2: registration info \(e.bytes.count) bytes, attestation 1 bytes"))
        #expect(ok.stdout.contains(Hex.encode([86, 7] + e.bytes + [0], prefix: false)))
        // Truncated registration info does not decode as WorkerRegistrationInfoV2: refused before signing.
        let bad = try await Self.khalatop(base + ["--pruntime-info", Hex.encode(e.bytes.dropLast()), "--dry-run"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("argument pruntime_info must be"))
    }
}
