import ChainCrypto
import Devnet
import Foundation
import Scale
import SubstrateRPC
import TestSupport
import Testing

/// `khalatop tx register --pruntime URL` and `khalatop pruntime info URL` as
/// binaries against an in-process devnet (issue 8): the verification outcome
/// is in the confirmation, the registration finalizes, the worker benchmarks;
/// without `--accept-unattested` nothing is signed; no secret in any output.
@Suite(.serialized, .enabled(if: KhalatopBinary.exists, "needs the built khalatop binary (swift build)"))
struct TxRegisterCommandTests {
    struct Net {
        let node: DevnetNode
        let server: RPCServer
        let pruntimes: SimulatedPRuntimeServer
        static func start() async throws -> Net {
            var c = DevnetConfig()
            c.seed = 9; c.workers = 2; c.pools = 2; c.blockTimeSeconds = 0.2
            c.unregisteredWorkers = 1; c.noneAttestationEnabled = true
            let node = DevnetNode(config: c)
            await node.produceBlocks(2)
            let server = try await RPCServer.start(handler: node, configuration: RPCServerConfiguration(port: 0))
            let pruntimes = try await SimulatedPRuntimeServer.start(node: node)
            await node.startTimer()
            return Net(node: node, server: server, pruntimes: pruntimes)
        }
        func stop() async { await node.stopTimer(); await server.shutdown(); await pruntimes.shutdown() }

        /// `initial_score` of a worker, read from the chain's state.
        func initialScore(_ pubkey: [UInt8]) async -> UInt32? {
            let raw = await node.withChain { try? $0.storage(DevnetStorageKeys.worker(pubkey)) } ?? nil
            guard let raw else { return nil }
            var d = ScaleDecoder(raw)
            guard (try? d.readBytes(64 + 4 + 8)) != nil, let op = try? d.readByte(), op == 0 || (try? d.readBytes(32)) != nil,
                  let p = try? d.readByte(), p == 0 || (try? d.readByte()) != nil, (try? d.readByte()) != nil,
                  let tag = try? d.readByte(), tag == 1 else { return nil }
            return try? d.decode(UInt32.self)
        }
    }

    @Test func registerReadsVerifiesSignsAndTheWorkerBenchmarks() async throws {
        let net = try await Net.start()
        defer { Task { await net.stop() } }
        let keys = try TxCommandTests.keyFiles()
        let url = net.pruntimes.url(worker: 2)
        let pubkey = try #require(await net.node.workerPublicKeys.last)

        let info = try await TxCommandTests.khalatop(["pruntime", "info", url, "--timeout", "60"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("registered:       false"))
        #expect(info.stdout.contains("public key:       \(Hex.encode(pubkey))"))
        #expect(info.stdout.contains("dev mode:         true"))

        // Khala's rule by default: a dev-mode pRuntime is refused before anything is signed.
        let base = ["tx", "register", "--rpc", net.server.webSocketURL, "--pruntime", url, "--suri-file", keys.privateFile, "--yes"]
        let refused = try await TxCommandTests.khalatop(base)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("REFUSED: the pRuntime offers no attestation (dev mode)"))
        #expect(refused.stderr.contains("pass --accept-unattested"))
        #expect(refused.stderr.contains("nothing was signed"))
        #expect(!refused.stdout.contains("Hash:"))

        let ok = try await TxCommandTests.khalatop(base + ["--accept-unattested"])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("pRuntime \(url): registration info"))
        #expect(ok.stdout.contains("worker \(Hex.encode(pubkey)) (pRuntime 2.2.0, para 2004)"))
        #expect(ok.stdout.contains("attestation: none (pRuntime in dev mode); accepted because this chain enables NoneAttestation"))
        #expect(ok.stdout.contains("Action:  register_worker_v2"))
        #expect(ok.stdout.contains("finalized: register_worker_v2"))
        #expect(!(info.stdout + info.stderr + refused.stdout + refused.stderr + ok.stdout + ok.stderr).contains(TxCommandTests.secret))

        let after = try await TxCommandTests.khalatop(["pruntime", "info", url, "--json", "--timeout", "60"])
        #expect(after.stdout.contains("\"registered\":true"))
        // BenchmarkDuration is 8 blocks of 0.2 s: the score is set within a few seconds.
        var score: UInt32?
        for _ in 0..<50 where score == nil {
            try await Task.sleep(for: .milliseconds(200))
            score = await net.initialScore(pubkey)
        }
        #expect(score.map { (1000...3000).contains($0) } == true, "initial_score \(String(describing: score))")
    }

    @Test func registrationSubcommandPrintsTheArgumentsTxRegisterTakes() async throws {
        let net = try await Net.start()
        defer { Task { await net.stop() } }
        let r = try await TxCommandTests.khalatop(["pruntime", "registration", net.pruntimes.url(worker: 2), "--json-wire",
                                                   "--rpc", net.server.webSocketURL, "--accept-unattested", "--timeout", "60"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let info = try #require(lines.first { $0.hasPrefix("pruntime_info: 0x") })
        #expect(lines.contains("attestation:   0x00"))
        let bytes = try Hex.decode(String(info.dropFirst("pruntime_info: ".count)))
        let pubkey = try #require(await net.node.workerPublicKeys.last)
        #expect(Array(bytes[5..<37]) == pubkey)  // version u32, empty machine_id, then the pubkey
        let bad = try await TxCommandTests.khalatop(["pruntime", "info", "http://127.0.0.1:1"])
        #expect(bad.status == 1 && bad.stderr.contains("cannot connect to pRuntime at http://127.0.0.1:1"))
    }
}
