import ChainEngine
import Devnet
import MiningCore
import Testing

/// The `/info` poller behind the detail view's pRuntime line (issue 8): one
/// snapshot per round, every configured worker, a dead endpoint reported as
/// unreachable without holding the others back.
@Suite(.serialized)
struct PRuntimePollerTests {
    @Test func oneRoundCoversEveryWorkerAndReportsTheDeadOne() async throws {
        var c = DevnetConfig()
        c.seed = 4; c.workers = 3; c.pools = 1; c.unregisteredWorkers = 1
        let node = DevnetNode(config: c)
        await node.produceBlocks(7)
        let server = try await SimulatedPRuntimeServer.start(node: node)
        defer { Task { await server.shutdown() } }
        let keys = try await node.workerPublicKeys.map { try WorkerKey($0) }
        let dead = HostilePRuntime.self  // a closed port: bind one, close it
        let probe = try dead.init(.stall)
        let deadURL = probe.url
        probe.stop()
        var endpoints: [WorkerKey: String] = [:]
        for (i, key) in keys.enumerated() { endpoints[key] = server.url(worker: i) }
        let ghost = try WorkerKey([UInt8](repeating: 0xee, count: 32))
        endpoints[ghost] = deadURL
        // A generous deadline: the simulated pRuntime answers from the devnet actor, which a
        // loaded machine (the whole suite in parallel on 2 cores) may schedule late.
        let poller = PRuntimePoller(endpoints: endpoints, clientConfiguration: .init(timeoutSeconds: 60))
        let round = await poller.poll(nowMs: { 42 })
        #expect(round.count == 5)
        for (i, key) in keys.enumerated() {
            let s = try #require(round[key])
            #expect(s.reachability == .answered && s.polledAtMs == 42, "\(s.reachability)")
            #expect(s.nextBlockNumber == 8 && s.blocksBehind(chainHead: 7) == 0)
            #expect(s.registered == (i < 3))
            #expect(s.publicKeyHex == key.hex.replacingOccurrences(of: "0x", with: ""))
        }
        #expect(round[keys[3]]?.summary(chainHead: 9) == "pRuntime 2 blocks behind (#7 of #9) (relay #14), not registered, dev mode")
        #expect(round[keys[0]]?.summary(chainHead: 7) == "pRuntime synced #7 (relay #14), registered, dev mode")
        let ghostStatus = try #require(round[ghost])
        guard case .unreachable(let why) = ghostStatus.reachability else { Issue.record("\(ghostStatus)"); return }
        #expect(why.contains("cannot connect"))
        #expect(ghostStatus.summary(chainHead: 7).hasPrefix("pRuntime unreachable: cannot connect"))
    }

    @Test func snapshotsFollowTheChain() async throws {
        var c = DevnetConfig()
        c.seed = 4; c.workers = 1; c.pools = 1
        let node = DevnetNode(config: c)
        let server = try await SimulatedPRuntimeServer.start(node: node)
        defer { Task { await server.shutdown() } }
        let key = try WorkerKey(try #require(await node.workerPublicKeys.first))
        let stream = PRuntimePoller(endpoints: [key: server.url(worker: 0)], intervalSeconds: 0.1,
                                    clientConfiguration: PRuntimeClientTests.patient).snapshots()
        var seen: [UInt32] = []
        for await snapshot in stream {
            seen.append(snapshot[key]?.nextBlockNumber ?? 0)
            if seen.count == 3 { break }
            await node.produceBlocks(2)
        }
        #expect(seen.count == 3)
        #expect(seen.first == 1 && seen == seen.sorted() && seen.last! >= 3, "\(seen)")
    }
}
