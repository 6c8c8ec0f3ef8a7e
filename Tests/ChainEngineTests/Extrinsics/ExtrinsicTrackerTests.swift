import ChainCrypto
@testable import ChainEngine
import Devnet
import MiningCore
import Scale
import SubstrateRPC
import Testing

/// Following an extrinsic across a lost connection (issue 8: the
/// transactions pane survives a reconnect). On the devnet over loopback
/// WebSocket, through a proxy that cuts the watch connection after `ready`:
/// the tracker reconnects, finds the extrinsic in the next finalized block
/// and reads its outcome; one that is never included expires with its era.
@Suite(.serialized)
struct ExtrinsicTrackerTests {
    struct Setup {
        let node: DevnetNode
        let server: RPCServer
        let proxy: FaultProxy
        let rpc: RPCClient

        static func start() async throws -> Setup {
            var c = DevnetConfig()
            c.seed = 11
            c.workers = 4
            c.pools = 2
            let node = DevnetNode(config: c)
            await node.produceBlocks(3)
            let server = try await RPCServer.start(handler: node, configuration: RPCServerConfiguration(port: 0))
            let proxy = try FaultProxy(upstreamPort: server.port)
            let rpc = RPCClient()
            try await rpc.connect(url: proxy.url)
            return Setup(node: node, server: server, proxy: proxy, rpc: rpc)
        }

        func stop() async {
            await rpc.disconnect()
            proxy.stop()
            await server.shutdown()
        }
    }

    @Test func findsTheExtrinsicAfterTheConnectionIsCut() async throws {
        let s = try await Setup.start()
        defer { Task { await s.stop() } }
        let alice = try KeyPair(secretURI: "//Alice")
        let worker = try WorkerKey(try #require(await s.node.workerPublicKeys.first))
        let client = ExtrinsicClient(client: s.rpc, timeoutSeconds: 10)
        let draft = try await client.draft(.stopComputing(pid: 0, worker: worker), signerPublicKey: alice.publicKey,
                                           scheme: alice.scheme)
        let signed = try draft.sign(with: alice)
        // Reconnects go straight to the node (the proxy's connections are cut).
        let tracker = ExtrinsicTracker(endpoints: [s.server.webSocketURL], retrySeconds: 0.05, timeoutSeconds: 10)
        var updates: [ExtrinsicTracker.Update] = []
        for await u in tracker.track(signed, metadata: draft.metadata, birthBlock: draft.birthBlock,
                                     eraPeriodBlocks: draft.eraPeriodBlocks, on: s.rpc) {
            updates.append(u)
            switch u {
            case .status(.ready, _, _):
                s.proxy.cutAll()  // the watch dies while the extrinsic waits in the pool
            case .connectionLost:
                await s.node.produceBlocks(1)  // now it is included, with nobody watching
            default:
                break
            }
        }
        guard case .connectionLost? = updates.dropFirst().first else { Issue.record("no connectionLost: \(updates)"); return }
        guard case .foundAfterReconnect(let hash, let outcome, let number)? = updates.last else {
            Issue.record("not found after the reconnect: \(updates)"); return
        }
        #expect(outcome == .success)
        #expect(number == 4)
        #expect(hash.count == 32)
    }

    @Test func anExtrinsicNeverIncludedExpiresWithItsEra() async throws {
        let s = try await Setup.start()
        defer { Task { await s.stop() } }
        let alice = try KeyPair(secretURI: "//Alice")
        let worker = try WorkerKey(try #require(await s.node.workerPublicKeys.first))
        let client = ExtrinsicClient(client: s.rpc, timeoutSeconds: 10)
        let draft = try await client.draft(.stopComputing(pid: 0, worker: worker), signerPublicKey: alice.publicKey,
                                           scheme: alice.scheme, eraPeriodBlocks: 4)
        let signed = try draft.sign(with: alice)  // signed, never submitted
        await s.node.produceBlocks(6)
        let tracker = ExtrinsicTracker(endpoints: [s.server.webSocketURL], retrySeconds: 0.05, timeoutSeconds: 10)
        var updates: [ExtrinsicTracker.Update] = []
        await tracker.search(signed, metadata: draft.metadata, from: draft.birthBlock + 1,
                             until: draft.birthBlock + draft.eraPeriodBlocks) { updates.append($0) }
        #expect(updates == [.expired(lastBlockSearched: 9)])
    }
}
