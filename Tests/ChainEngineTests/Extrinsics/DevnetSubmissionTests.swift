import ChainCrypto
import ChainEngine
import Devnet
import MiningCore
import Scale
import SubstrateRPC
import Testing

/// End to end on the devnet over loopback WebSocket (issue 8): prepare
/// (metadata, version, genesis, best block, nonce, fee), submit and watch
/// through ready → inBlock → finalized, and read back ExtrinsicSuccess /
/// ExtrinsicFailed with the module error named through the node's metadata.
@Suite(.serialized)
struct DevnetSubmissionTests {
    struct Harness {
        let node: DevnetNode
        let server: RPCServer
        let rpc: RPCClient
        var client: ExtrinsicClient { ExtrinsicClient(client: rpc, timeoutSeconds: 10) }

        static func start() async throws -> Harness {
            var c = DevnetConfig()
            c.seed = 11
            c.workers = 4
            c.pools = 2
            let node = DevnetNode(config: c)
            await node.produceBlocks(3)
            let server = try await RPCServer.start(handler: node, configuration: RPCServerConfiguration(port: 0))
            let rpc = RPCClient()
            try await rpc.connect(url: server.webSocketURL)
            return Harness(node: node, server: server, rpc: rpc)
        }

        func stop() async {
            await rpc.disconnect()
            await server.shutdown()
        }

        /// Submits, produces blocks until a final status, returns all statuses and the outcome.
        func submit(_ prepared: PreparedExtrinsic) async throws -> ([ExtrinsicStatus], DispatchOutcome?) {
            let stream = try await client.submitAndWatch(prepared.extrinsic.bytes)
            var statuses: [ExtrinsicStatus] = []
            var outcome: DispatchOutcome?
            for try await s in stream {
                statuses.append(s)
                switch s {
                case .ready: await node.produceBlocks(1)
                case .finalized(let hash):
                    outcome = try await client.outcome(of: prepared.extrinsic.bytes, inBlock: hash, metadata: prepared.metadata)
                default: break
                }
            }
            return (statuses, outcome)
        }
    }

    /// Pool 0 is owned by //Alice; workers i % 2 == 0 are in it, computing since genesis.
    func pool0Worker(_ node: DevnetNode) async throws -> WorkerKey {
        try WorkerKey(try #require(await node.workerPublicKeys.first))
    }

    @Test func stopSucceedsThenStartingACoolingWorkerFailsWithANamedError() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let alice = try KeyPair(secretURI: "//Alice")
        let worker = try await pool0Worker(h.node)

        let stop = try await h.client.prepare(.stopComputing(pid: 0, worker: worker), signer: alice)
        #expect(stop.extrinsic.parameters.nonce == 0)
        #expect(stop.extrinsic.parameters.specVersion == 1251)
        #expect(stop.chainName == "Khala Devnet")
        let fee = try stop.fee.get()
        #expect(fee.partialFeePlanck == 1_000_000_000 + UInt128(stop.extrinsic.bytes.count) * 1_000_000)
        #expect(stop.confirmationLines.contains { $0.contains(stop.signerAddress) })
        #expect(!stop.confirmationLines.joined().contains("Alice"))

        let (statuses, outcome) = try await h.submit(stop)
        #expect(statuses.count == 3)
        #expect(statuses.first == .ready)
        if case .inBlock = statuses[1] {} else { Issue.record("expected inBlock, got \(statuses)") }
        if case .finalized = statuses[2] {} else { Issue.record("expected finalized, got \(statuses)") }
        #expect(outcome == .success)

        // The nonce moved on; the worker now cools down, so start_computing fails on chain.
        let start = try await h.client.prepare(.startComputing(pid: 0, worker: worker, stakePlanck: 10_000 * PHA.planckPerPHA),
                                               signer: alice)
        #expect(start.extrinsic.parameters.nonce == 1)
        let (_, failed) = try await h.submit(start)
        guard case .failed(let f)? = failed else { Issue.record("expected a failure, got \(String(describing: failed))"); return }
        #expect(f.name == "PhalaComputation.WorkerNotReady")
        #expect(f.modulePallet != nil)
    }

    @Test func notTheOwnerFailsAndAStaleNonceIsRefusedAtSubmission() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let bob = try KeyPair(secretURI: "//Bob")
        let worker = try await pool0Worker(h.node)
        let prepared = try await h.client.prepare(.stopComputing(pid: 0, worker: worker), signer: bob)
        let (_, outcome) = try await h.submit(prepared)
        guard case .failed(let f)? = outcome else { Issue.record("Bob stopped Alice's worker: \(String(describing: outcome))"); return }
        #expect(f.name.hasPrefix("PhalaStakePoolv2."))

        // Re-sending the same nonce (already used) is refused by the node, as a typed RPC error.
        do {
            _ = try await h.client.submitAndWatch(prepared.extrinsic.bytes)
            Issue.record("a stale extrinsic was accepted")
        } catch let RPCClientError.rpcError(code, _, _) {
            #expect(code == 1010)
        }
    }

    @Test func registerWithoutAttestationIsRefusedWithTheRegistryErrorName() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let alice = try KeyPair(secretURI: "//Alice")
        // WorkerRegistrationInfoV2 as a pRuntime encodes it; attestation None.
        var e = ScaleEncoder()
        e.encode(UInt32(1)); e.encode([UInt8]([1, 2]))
        e.append([UInt8](repeating: 5, count: 32)); e.append([UInt8](repeating: 6, count: 32)); e.append([UInt8](repeating: 9, count: 32))
        e.encode([UInt32(4), 1]); e.appendByte(1); e.append(alice.publicKey); e.encode(UInt32(2004)); e.encode(UInt32(0))
        let prepared = try await h.client.prepare(.registerWorkerV2(pruntimeInfo: e.bytes, attestation: [0]), signer: alice)
        #expect(prepared.extrinsic.call.bytes.prefix(2) == [86, 7])
        let (_, outcome) = try await h.submit(prepared)
        guard case .failed(let f)? = outcome else { Issue.record("expected a failure, got \(String(describing: outcome))"); return }
        #expect(f.name == "PhalaRegistry.NoneAttestationDisabled")
    }
}
