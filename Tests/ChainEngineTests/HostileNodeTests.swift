import Foundation
import MiningCore
import Testing
import TestSupport
@testable import ChainEngine

/// A node that misbehaves at the protocol level (through `FaultProxy`):
/// malformed JSON, a notification for an unknown subscription, a frame
/// header claiming 50 MB, the socket cut mid-stream. The engine reports
/// each, recovers, and loses no heartbeat that is on chain (issue 6).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"), .serialized)
struct HostileNodeTests {
    let samples: ChainSamples
    init() throws { samples = try ChainSamples.khala() }

    struct Setup {
        let sc: FleetScenario
        let server: FakeNodeServer
        let proxy: FaultProxy
        let engine: ChainEngine
        let probe: EngineProbe
        let consumer: Task<Void, Never>
    }

    func setUp() async throws -> Setup {
        let sc = try FleetScenario(workers: 3, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        let proxy = try FaultProxy(upstreamPort: server.port)
        let probe = EngineProbe()
        let engine = ChainEngine(configuration: testConfiguration([proxy.url], pools: [1]))
        let consumer = probe.consume(engine)
        await engine.start()
        #expect(await probe.wait { $0.loads == 1 && $0.connections.last.map { if case .live = $0 { true } else { false } } == true })
        return Setup(sc: sc, server: server, proxy: proxy, engine: engine, probe: probe, consumer: consumer)
    }

    func tearDown(_ s: Setup) async {
        await s.engine.stop()
        await s.consumer.value
        s.proxy.stop()
        await s.server.stop()
    }

    static func anomalies(_ s: EngineProbe.State) -> [String] {
        s.diagnostics.compactMap { if case .nodeAnomaly(_, let w) = $0 { w } else { nil } }
    }

    static func lost(_ s: EngineProbe.State) -> Int {
        s.diagnostics.filter { if case .connectionLost = $0 { true } else { false } }.count
    }

    func anomalies(_ p: EngineProbe) -> [String] { p.read(Self.anomalies) }
    func lost(_ p: EngineProbe) -> Int { p.read(Self.lost) }

    @Test func malformedJSONIsReportedAndTheSessionCarriesOn() async throws {
        let s = try await setUp()
        s.proxy.inject(FaultProxy.textFrame("{\"jsonrpc\":\"2.0\",\"result\": [1, 2,"))
        let n = try s.sc.heartbeatBlock([s.sc.poolWorkers[0]], challengeBlock: 0)
        #expect(await s.probe.wait { $0.processed == n })
        #expect(await s.probe.wait { Self.anomalies($0).contains { $0.contains("malformed") } }, "\(anomalies(s.probe))")
        #expect(lost(s.probe) == 0, "no reconnect for one bad frame")
        #expect(s.probe.read { $0.heartbeats.count } == 1)
        await tearDown(s)
    }

    @Test func unknownSubscriptionIsReportedAndIgnored() async throws {
        let s = try await setUp()
        s.proxy.inject(FaultProxy.textFrame(#"{"jsonrpc":"2.0","method":"chain_finalizedHead","params":{"subscription":"no-such-id","result":{"number":"0x99999"}}}"#))
        let n = try s.sc.heartbeatBlock([s.sc.poolWorkers[1]], challengeBlock: 0)
        #expect(await s.probe.wait { $0.processed == n })
        #expect(await s.probe.wait { Self.anomalies($0).contains { $0.contains("unknownSubscription") } }, "\(anomalies(s.probe))")
        #expect(lost(s.probe) == 0)
        #expect(s.probe.read { $0.processed } == n, "the fake head 0x99999 was not followed")
        await tearDown(s)
    }

    @Test func fiftyMegabyteFrameEndsTheConnectionAndTheEngineRecovers() async throws {
        let s = try await setUp()
        s.proxy.inject(FaultProxy.hugeFrameStart(claimed: 50 << 20, sent: 1 << 20))
        let a = try s.sc.heartbeatBlock([s.sc.poolWorkers[0]], challengeBlock: 0)
        #expect(await s.probe.wait { Self.lost($0) >= 1 })
        let b = try s.sc.heartbeatBlock([s.sc.poolWorkers[1]], challengeBlock: a)
        #expect(await s.probe.wait(60) { $0.processed == b })
        #expect(s.probe.read { $0.heartbeats.map(\.block) }.contains(a))
        #expect(s.probe.read { $0.heartbeats.map(\.block) }.contains(b))
        #expect(s.probe.read { $0.heartbeats.count } == 2)
        await tearDown(s)
    }

    @Test func socketCutMidStreamIsBackfilled() async throws {
        let s = try await setUp()
        var last: UInt32 = 0
        for i in 0..<20 {
            last = try s.sc.heartbeatBlock([s.sc.poolWorkers[i % 3]], challengeBlock: last)
            if i == 7 { s.proxy.cutAll() }
        }
        #expect(await s.probe.wait(60) { $0.processed == last })
        #expect(s.probe.read { $0.heartbeats.count } == 20)
        #expect(lost(s.probe) >= 1)
        await tearDown(s)
    }
}
