import Attestation
import ChainCrypto
import ChainEngine
import Devnet
import MiningCore
import Scale
import SubstrateRPC
import Testing

/// Registration rehearsed end to end on the devnet (issue 8): the material
/// read from a not-yet-registered worker's simulated pRuntime, verified
/// locally against the chain's rules, submitted as `register_worker_v2`,
/// finalized; the worker appears in `PhalaRegistry.Workers`, its benchmark
/// report sets `initial_score` a few blocks later, and it can then be added
/// to its pool and started like any other.
@Suite(.serialized)
struct PRuntimeRegistrationTests {
    struct Net {
        let node: DevnetNode
        let server: RPCServer
        let pruntimes: SimulatedPRuntimeServer
        let rpc: RPCClient
        var client: ExtrinsicClient { ExtrinsicClient(client: rpc, timeoutSeconds: 10) }

        static func start(noneAttestation: Bool) async throws -> Net {
            var c = DevnetConfig()
            c.seed = 11; c.workers = 4; c.pools = 2; c.unregisteredWorkers = 1
            c.noneAttestationEnabled = noneAttestation
            let node = DevnetNode(config: c)
            await node.produceBlocks(3)
            let server = try await RPCServer.start(handler: node, configuration: RPCServerConfiguration(port: 0))
            let pruntimes = try await SimulatedPRuntimeServer.start(node: node)
            let rpc = RPCClient()
            try await rpc.connect(url: server.webSocketURL)
            return Net(node: node, server: server, pruntimes: pruntimes, rpc: rpc)
        }

        func stop() async {
            await rpc.disconnect()
            await server.shutdown()
            await pruntimes.shutdown()
        }

        func submit(_ prepared: PreparedExtrinsic) async throws -> DispatchOutcome? {
            var outcome: DispatchOutcome?
            for try await s in try await client.submitAndWatch(prepared.extrinsic.bytes) {
                switch s {
                case .ready: await node.produceBlocks(1)
                case .finalized(let hash):
                    outcome = try await client.outcome(of: prepared.extrinsic.bytes, inBlock: hash, metadata: prepared.metadata)
                default: break
                }
            }
            return outcome
        }

        /// `PhalaRegistry.Workers[pubkey]` read over RPC, decoded to (confidence, initial_score).
        func registryEntry(_ pubkey: [UInt8]) async throws -> (confidence: UInt8, provider: UInt8?, initialScore: UInt32?)? {
            let value = try await rpc.call(SubstrateMethods.stateGetStorage,
                                           params: .array([.hex(DevnetStorageKeys.worker(pubkey))]))
            guard !value.isNull else { return nil }
            var d = ScaleDecoder(try value.hexBytes())
            #expect(try d.readBytes(32) == pubkey)
            _ = try d.readBytes(32)                       // ecdh_pubkey
            _ = try d.decode(UInt32.self); _ = try d.decode(UInt64.self)
            if try d.readByte() == 1 { _ = try d.readBytes(32) }  // operator
            let provider: UInt8? = try d.readByte() == 1 ? try d.readByte() : nil
            let confidence = try d.readByte()
            let score: UInt32? = try d.readByte() == 1 ? try d.decode(UInt32.self) : nil
            return (confidence, provider, score)
        }
    }

    @Test func registerFromTheSimulatedPRuntimeThenBenchmarkAddAndStart() async throws {
        let net = try await Net.start(noneAttestation: true)
        defer { Task { await net.stop() } }
        let url = net.pruntimes.url(worker: 4)
        let before = try await PRuntimeClient(url: url, configuration: PRuntimeClientTests.patient).info()
        #expect(!before.registered)

        let material = try await PRuntimeClient(url: url, configuration: PRuntimeClientTests.patient).registrationMaterial()
        let pubkey = material.workerPublicKey
        #expect(try await net.registryEntry(pubkey) == nil)
        let context = try await RegistrationContext.load(from: net.rpc, noneAttestationEnabled: true)
        #expect(context.rules.paraId == 2004 && context.rules.relayGenesisAllowList?.count == 1)
        #expect(context.blockTimeSeconds > 1_700_000_000)
        let verdict = material.verify(atUnixSeconds: context.blockTimeSeconds, rules: context.rules)
        #expect(verdict.status == .unattested)

        let bob = try KeyPair(secretURI: "//Bob")  // anyone may register a worker
        let prepared = try await net.client.prepare(material.actionCall, signer: bob)
        #expect(try await net.submit(prepared) == .success)
        let registered = try #require(try await net.registryEntry(pubkey))
        #expect(registered.confidence == 128 && registered.provider == nil && registered.initialScore == nil)
        #expect(try await PRuntimeClient(url: url, configuration: PRuntimeClientTests.patient).info().registered)

        // The benchmark: BenchmarkDuration (8) blocks, then the report is relayed.
        await net.node.produceBlocks(10)
        let scored = try #require(try await net.registryEntry(pubkey))
        let score = try #require(scored.initialScore)
        #expect((1000...3000).contains(score), "score \(score)")
        let info = try await PRuntimeClient(url: url, configuration: PRuntimeClientTests.patient).info()
        #expect(UInt64(score) <= info.score && info.score - UInt64(score) < 6, "chain \(score) vs pRuntime \(info.score)")

        // Now a worker like the others: its operator (Alice, pool 0's owner) adds and starts it.
        let alice = try KeyPair(secretURI: "//Alice")
        let worker = try WorkerKey(pubkey)
        #expect(material.runtimeInfo.operatorAccount == alice.publicKey)
        #expect(try await net.submit(try await net.client.prepare(.addWorker(pid: 0, worker: worker), signer: alice)) == .success)
        let stake = 150 * UInt128(Double(score).squareRoot().rounded(.up)) * PHA.planckPerPHA
        let start = try await net.client.prepare(.startComputing(pid: 0, worker: worker, stakePlanck: stake), signer: alice)
        #expect(try await net.submit(start) == .success)
    }

    @Test func onKhalasRulesTheDevModeMaterialIsRefusedLocallyAndOnChain() async throws {
        let net = try await Net.start(noneAttestation: false)
        defer { Task { await net.stop() } }
        let review = try await RegistrationReview.load(
            pruntime: PRuntimeClient(url: net.pruntimes.url(worker: 4), configuration: PRuntimeClientTests.patient),
            rpc: net.rpc, noneAttestationEnabled: false)
        #expect(review.verdict.status == .refused(.attestation(.noneAttestationDisabled)))
        #expect(review.call == nil && review.lines.last?.contains("REFUSED") == true)
        let material = review.material
        // The local verdict matches what the chain does with it.
        let prepared = try await net.client.prepare(material.actionCall, signer: try KeyPair(secretURI: "//Bob"))
        guard case .failed(let f)? = try await net.submit(prepared) else { Issue.record("registered without attestation"); return }
        #expect(f.name == "PhalaRegistry.NoneAttestationDisabled")
        #expect(try await net.registryEntry(material.workerPublicKey) == nil)
    }
}
