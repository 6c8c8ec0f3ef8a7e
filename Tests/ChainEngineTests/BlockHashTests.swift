import MiningCore
import Testing
import TestSupport
@testable import ChainEngine

/// Block hashes while following (issue 6, CPU per block): computed from the
/// head notifications instead of asked with `chain_getBlockHash`, and asked
/// again when the node's hashes are not what the header hashes to — with
/// every heartbeat still observed exactly once.
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"), .serialized)
struct BlockHashTests {
    @Test(arguments: [false, true])
    func followsWithComputedOrAskedHashes(nodeHashesDiffer: Bool) async throws {
        let samples = try ChainSamples.khala()
        let sc = try FleetScenario(workers: 3, samples: samples, hashSalt: nodeHashesDiffer ? [1] : [])
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        let probe = EngineProbe()
        let engine = ChainEngine(configuration: testConfiguration([server.url], pools: [1]))
        let consumer = probe.consume(engine)
        await engine.start()
        #expect(await probe.wait { $0.loads == 1 && $0.fleet.workers.count == 3 })
        let askedBefore = sc.node.count("chain_getBlockHash")
        let c = try sc.challengeBlock()
        var last = c
        for i in 0..<6 {
            last = try sc.heartbeatBlock([sc.poolWorkers[i % 3]], challengeBlock: c)
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(await probe.wait { $0.processed == last })
        #expect(probe.read { $0.heartbeats.count } == 6, "each heartbeat once")
        #expect(Set(probe.read { $0.heartbeats.map(\.block) }).count == 6)
        let asked = sc.node.count("chain_getBlockHash") - askedBefore
        print("block hashes asked while following 7 blocks (node hashes differ: \(nodeHashesDiffer)): \(asked)")
        if nodeHashesDiffer {
            #expect(asked >= 1, "the computed hash was refused, the node was asked")
            #expect(await engine.headHashes.trustDerived == false)
        } else {
            #expect(asked <= 1, "\(asked) hashes asked for 7 blocks")
            #expect(await engine.headHashes.trustDerived)
        }
        #expect(probe.read { $0.diagnostics.filter { if case .decode = $0 { true } else { false } } }.isEmpty)
        await engine.stop()
        await consumer.value
    }
}
