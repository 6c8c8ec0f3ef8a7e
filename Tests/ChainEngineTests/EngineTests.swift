import MiningCore
import Scale
import SubstrateRPC
import Testing
import TestSupport
@testable import ChainEngine

/// Fast limits for loopback tests.
func testConfiguration(_ urls: [String], pools: [UInt64] = [], operatorAccount: AccountID? = nil, workers: [WorkerKey] = [],
                       queueCapacity: Int = 4096, headTimeout: Double = 20, callTimeout: Double = 10,
                       maxAttempts: Int? = nil, backfillDepth: UInt32 = 100) -> EngineConfiguration {
    EngineConfiguration(endpoints: urls, pools: pools, operatorAccount: operatorAccount, workers: workers,
                        backfillDepth: backfillDepth, storageBatchSize: 64, keysPageSize: 2, reconcileEveryBlocks: 0,
                        headTimeoutSeconds: headTimeout, callTimeoutSeconds: callTimeout,
                        backoff: Backoff(initialSeconds: 0.05, maxSeconds: 0.3, multiplier: 2, jitter: 0.2),
                        maxConnectAttempts: maxAttempts, queueCapacity: queueCapacity,
                        rpc: RPCClientConfiguration(connectTimeoutSeconds: 2, pingIntervalSeconds: nil))
}

/// The engine against a scripted node on loopback: load, follow, reconnect,
/// backfill, runtime upgrade, fail-over (issue 6).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"), .serialized)
struct EngineTests {
    let samples: ChainSamples
    init() throws { samples = try ChainSamples.khala() }

    func startEngine(_ config: EngineConfiguration, probe: EngineProbe) async -> (ChainEngine, Task<Void, Never>) {
        let engine = ChainEngine(configuration: config)
        let task = probe.consume(engine)
        await engine.start()
        return (engine, task)
    }

    @Test func loadsTheFleetAndFollowsBlocks() async throws {
        let sc = try FleetScenario(workers: 3, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(testConfiguration([server.url], pools: [1], workers: [sc.loneWorker]), probe: probe)
        #expect(await probe.wait { $0.loads == 1 && $0.processed == nil && $0.fleet.workers.count == 4 || $0.processed != nil })
        #expect(await probe.wait { $0.fleet.workers.count == 4 && $0.fleet.pools[1] != nil })
        let fleet = probe.read { $0.fleet }
        #expect(Set(fleet.watchedWorkers) == Set(sc.poolWorkers + [sc.loneWorker]))
        let w1 = try #require(fleet.status(of: sc.poolWorkers[0]))
        #expect(w1.state == .workerIdle)
        // (UInt128 inside Optional is compared unwrapped: Optional<UInt128> equality is unreliable on this toolchain.)
        #expect(w1.stakePlanck.map { $0 == 1000 * PHA.planckPerPHA } == true)
        #expect(w1.pid == 1)
        #expect(w1.session == sc.session(sc.poolWorkers[0]))
        #expect(w1.registration.isRegistered)
        #expect(fleet.status(of: sc.loneWorker)?.pid == nil)
        #expect(fleet.pools[1].map { $0.freeStakePlanck == 1_234 * PHA.planckPerPHA } == true)
        #expect(fleet.gasBalances[sc.operatorAccount].map { $0 == 10 * PHA.planckPerPHA } == true)
        #expect(fleet.tokenomics?.heartbeatWindowBlocks == 20)
        #expect(fleet.heartbeatPaused == false && fleet.onlineWorkers == 3)

        let c = try sc.challengeBlock()
        try sc.heartbeatBlock(sc.poolWorkers, challengeBlock: c)
        let u = try sc.unresponsiveBlock(sc.poolWorkers[2])
        #expect(await probe.wait { $0.processed == u })
        #expect(probe.read { $0.heartbeats.count } == 3)
        #expect(probe.read { $0.fleet.status(of: sc.poolWorkers[2])?.state } == .workerUnresponsive)
        #expect(probe.read { $0.fleet.status(of: sc.poolWorkers[0])?.heartbeat.lastHeartbeatBlock } == c + 1)
        // Storage is read in batches, never one key per request.
        let calls = sc.node.count("state_queryStorageAt"), keys = sc.node.storageKeysRequested.withLock { $0 }
        #expect(keys > calls * 3, "\(keys) keys in \(calls) calls")
        #expect(probe.read { $0.diagnostics.filter { if case .decode = $0 { true } else { false } } }.isEmpty)
        await engine.stop()
        await consumer.value
    }

    /// A balance that moves with no event naming its account (a storage
    /// change only) is still read within `balanceCheckEveryBlocks`; blocks
    /// in between do not read it (an event naming it is PoolBalanceTests').
    @Test func balancesNoEventNamesAreReadWithinTheCheckInterval() async throws {
        let sc = try FleetScenario(workers: 2, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        var config = testConfiguration([server.url], pools: [1])
        config.balanceCheckEveryBlocks = 4
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(config, probe: probe)
        #expect(await probe.wait { $0.loads == 1 && $0.fleet.gasBalances[sc.operatorAccount] != nil })
        var n = sc.emptyBlock()
        while n % 4 != 0 { n = sc.emptyBlock() }
        #expect(await probe.wait { $0.processed == n })
        let gasKey = try sc.d.accountKey(.systemAccount, sc.operatorAccount)
        let moved = sc.chain.produce([gasKey: try sc.s.systemAccount(free: 7 * 1_000_000_000_000)])
        sc.node.announce()
        n = moved
        while n % 4 != 3 { n = sc.emptyBlock() }
        #expect(await probe.wait { $0.processed == n })
        #expect(probe.read { $0.fleet.gasBalances[sc.operatorAccount] }.map { $0 == 10 * PHA.planckPerPHA } == true,
                "not read before the check block")
        n = sc.emptyBlock()
        #expect(await probe.wait { $0.processed == n })
        #expect(probe.read { $0.fleet.gasBalances[sc.operatorAccount] }.map { $0 == 7 * PHA.planckPerPHA } == true,
                "read at block \(n), a multiple of 4")
        await engine.stop()
        await consumer.value
    }

    @Test func operatorAccountFindsItsPools() async throws {
        let sc = try FleetScenario(workers: 5, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(testConfiguration([server.url], operatorAccount: sc.operatorAccount), probe: probe)
        #expect(await probe.wait { Set($0.fleet.watchedWorkers) == Set(sc.poolWorkers) })
        #expect(sc.node.count("state_getKeysPaged") >= 1)
        // A worker added to the pool on chain joins the watch set.
        let newWorker = TestKeys.worker(77)
        let d = sc.d
        let n = sc.chain.produce([
            try d.poolKey(1): try samples.stakePool(pid: 1, owner: sc.operatorAccount, workers: sc.poolWorkers + [newWorker], poolAccount: sc.poolAccount),
            try d.workerKey(.workers, newWorker): try samples.workerInfo(newWorker, operator: sc.operatorAccount),
            try d.workerKey(.workerAssignments, newWorker): scaleEncoded(UInt64(1)),
            try d.workerKey(.workerBindings, newWorker): sc.session(newWorker).bytes,
            try d.plan(.events).prefix: try samples.events([("PhalaStakePoolv2", "PoolWorkerAdded", [
                "pid": ChainSamples.u(1 as UInt64), "worker": ChainSamples.key(newWorker.raw),
                "session": ChainSamples.key(sc.session(newWorker).raw)])]),
        ])
        sc.node.announce()
        #expect(await probe.wait { $0.processed == n })
        let fleet = probe.read { $0.fleet }
        #expect(fleet.workers[newWorker] != nil)
        #expect(fleet.status(of: newWorker)?.registration.isRegistered == true)
        #expect(fleet.status(of: newWorker)?.pid == 1)
        await engine.stop()
        await consumer.value
    }

    /// The node goes away, blocks (with heartbeats) are produced meanwhile,
    /// it comes back on the same port: the engine reconnects and replays them.
    @Test func restartWithAGapLosesNoHeartbeat() async throws {
        let sc = try FleetScenario(workers: 3, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(testConfiguration([server.url], pools: [1]), probe: probe)
        #expect(await probe.wait { $0.loads == 1 && $0.connections.last.map { if case .live = $0 { true } else { false } } == true })
        let first = try sc.heartbeatBlock([sc.poolWorkers[0]], challengeBlock: 0)
        #expect(await probe.wait { $0.processed == first })
        await server.stop()
        #expect(await probe.wait { $0.connections.contains { if case .reconnecting = $0 { true } else { false } } })
        var expected = 1
        var last: UInt32 = first
        for i in 0..<6 {
            last = try sc.heartbeatBlock([sc.poolWorkers[i % 3]], challengeBlock: last)
            expected += 1
        }
        try await server.start()
        sc.node.announce()
        #expect(await probe.wait(60) { $0.processed == last })
        #expect(probe.read { $0.heartbeats.count } == expected)
        #expect(probe.read { $0.heartbeats.map(\.block) } == Array(first...last))
        #expect(probe.read { $0.diagnostics.contains { if case .backfilled(first + 1, last) = $0 { true } else { false } } })
        #expect(probe.read { $0.diagnostics.contains { if case .connectionLost = $0 { true } else { false } } })
        await engine.stop()
        await consumer.value
        await server.stop()
    }

    /// The node stops answering: calls time out, heads stop; the engine says so,
    /// reconnects, and carries on once the node answers again.
    @Test func stalledNodeIsDetectedAndRecovered() async throws {
        let sc = try FleetScenario(workers: 2, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(testConfiguration([server.url], pools: [1], headTimeout: 1, callTimeout: 0.5), probe: probe)
        #expect(await probe.wait { $0.processed == nil && $0.loads == 1 || $0.processed != nil })
        sc.node.stallSeconds.withLock { $0 = 3 }
        let stalled = sc.emptyBlock()
        #expect(await probe.wait(60) { $0.diagnostics.contains { if case .connectionLost = $0 { true } else { false } } })
        sc.node.stallSeconds.withLock { $0 = 0 }
        let after = try sc.heartbeatBlock([sc.poolWorkers[1]], challengeBlock: stalled)
        #expect(await probe.wait(60) { $0.processed == after })
        #expect(probe.read { $0.heartbeats.count } == 1)
        await engine.stop()
        await consumer.value
    }

    /// A storage value the metadata cannot explain is reported with its key; the engine carries on.
    @Test func truncatedValueIsReportedWithItsKey() async throws {
        let sc = try FleetScenario(workers: 2, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(testConfiguration([server.url], pools: [1]), probe: probe)
        #expect(await probe.wait { $0.fleet.workers.count == 2 })
        let w = sc.poolWorkers[0]
        let key = try sc.d.workerKey(.workers, w)
        let good = try samples.workerInfo(w, operator: sc.operatorAccount)
        let bad = sc.chain.produce([key: Array(good.prefix(40)),
                                    try sc.d.plan(.events).prefix: try samples.events([("PhalaRegistry", "WorkerUpdated", ["pubkey": ChainSamples.key(w.raw)])])])
        sc.node.announce()
        let next = try sc.heartbeatBlock([w], challengeBlock: bad)
        #expect(await probe.wait { $0.processed == next })
        let issues = probe.read { $0.diagnostics.compactMap { if case .decode(let i) = $0 { i } else { nil } } }
        #expect(issues.count == 1)
        #expect(issues.first?.keyHex == Hex.encode(key))
        #expect(issues.first?.block == bad)
        #expect(probe.read { $0.heartbeats.count } == 1)
        await engine.stop()
        await consumer.value
    }

    /// A runtime upgrade (new spec whose `AttestationProvider` gains `Dcap`) is picked up without a restart.
    /// As on a Substrate node, the block that sets the code (`System.CodeUpdated`) already reports the new
    /// version in its post-state but is executed by the old runtime; the next block is the new runtime's first.
    @Test func runtimeUpgradeReloadsMetadata() async throws {
        let sc = try FleetScenario(workers: 1, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(testConfiguration([server.url], pools: [1]), probe: probe)
        #expect(await probe.wait { $0.fleet.workers.count == 1 })
        let later = try laterSamples()
        sc.chain.upgrade(spec: 1290, metadata: later.metadata.encoded)
        let u = sc.chain.produce([try samples.decoder.plan(.events).prefix: try samples.events([("System", "CodeUpdated", [:])])])
        sc.node.announce(runtimeChanged: true)
        #expect(await probe.wait { $0.processed == u })
        let w = sc.poolWorkers[0]
        let n = sc.chain.produce([
            try later.decoder.workerKey(.workers, w): try later.workerInfo(w, operator: sc.operatorAccount, provider: "Dcap"),
            try later.decoder.plan(.events).prefix: try later.events([("PhalaRegistry", "WorkerUpdated", ["pubkey": ChainSamples.key(w.raw)])]),
        ])
        sc.node.announce()
        #expect(await probe.wait { $0.processed == n })
        #expect(probe.read { $0.fleet.workers[w]?.info?.attestationProvider } == .dcap)
        #expect(probe.read { $0.diagnostics.contains(.runtimeUpgraded(fromSpec: 1251, toSpec: 1290, atBlock: n)) })
        #expect(probe.read { $0.diagnostics.contains { if case .decode = $0 { true } else { false } } } == false)
        await engine.stop()
        await consumer.value
    }

    /// The same upgrade when the runtime-version subscription says nothing (a
    /// lost or late notification): `System.CodeUpdated` in block U alone makes
    /// the engine check U+1's runtime and switch there.
    @Test func codeUpdatedEventAloneTriggersTheSwitch() async throws {
        let sc = try FleetScenario(workers: 1, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(testConfiguration([server.url], pools: [1]), probe: probe)
        #expect(await probe.wait { $0.fleet.workers.count == 1 })
        let later = try laterSamples()
        sc.chain.upgrade(spec: 1290, metadata: later.metadata.encoded)
        let u = sc.chain.produce([try samples.decoder.plan(.events).prefix: try samples.events([("System", "CodeUpdated", [:])])])
        sc.node.announce()
        #expect(await probe.wait { $0.processed == u })
        let w = sc.poolWorkers[0]
        let n = sc.chain.produce([
            try later.decoder.workerKey(.workers, w): try later.workerInfo(w, operator: sc.operatorAccount, provider: "Dcap"),
            try later.decoder.plan(.events).prefix: try later.events([("PhalaRegistry", "WorkerUpdated", ["pubkey": ChainSamples.key(w.raw)])]),
        ])
        sc.node.announce()
        #expect(await probe.wait { $0.processed == n })
        #expect(probe.read { $0.fleet.workers[w]?.info?.attestationProvider } == .dcap)
        #expect(probe.read { $0.diagnostics.contains(.runtimeUpgraded(fromSpec: 1251, toSpec: 1290, atBlock: n)) })
        #expect(probe.read { $0.diagnostics.contains { if case .decode = $0 { true } else { false } } } == false)
        await engine.stop()
        await consumer.value
    }

    func laterSamples() throws -> ChainSamples {
        var md = samples.metadata
        var types = md.registry.types
        let providerOption = samples.fieldType(samples.valueType(.workers), "attestation_provider")
        guard case .variant(let opts)? = md.registry[providerOption]?.def, let providerType = opts.first(where: { $0.name == "Some" })?.fields.first?.type,
              let pi = types.firstIndex(where: { $0.id == providerType }), case .variant(var vs) = types[pi].def
        else { throw ValueShapeError.missingMetadata("AttestationProvider") }
        vs.append(TypeVariant(name: "Dcap", fields: [], index: 2, docs: []))
        types[pi].def = .variant(vs)
        md.registry = PortableRegistry(types: types)
        return ChainSamples(metadata: md, specVersion: 1290)
    }

    @Test func failsOverToTheNextEndpoint() async throws {
        let sc = try FleetScenario(workers: 1, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(testConfiguration(["ws://127.0.0.1:1", server.url], pools: [1]), probe: probe)
        #expect(await probe.wait { $0.fleet.workers.count == 1 })
        let states = probe.read { $0.connections }
        #expect(states.first == .connecting(endpoint: "ws://127.0.0.1:1"))
        #expect(states.contains { if case .reconnecting = $0 { true } else { false } })
        #expect(await probe.wait { $0.connections.last.map { if case .live(let e, _) = $0 { e == server.url } else { false } } == true })
        await engine.stop()
        await consumer.value
    }

    @Test func unreachableNodeFailsAndEndsTheStream() async throws {
        let probe = EngineProbe()
        let (engine, consumer) = await startEngine(testConfiguration(["ws://127.0.0.1:1"], maxAttempts: 3), probe: probe)
        await consumer.value
        let states = probe.read { $0.connections }
        #expect(states.last.map { if case .failed = $0 { true } else { false } } == true)
        #expect(states.filter { if case .reconnecting = $0 { true } else { false } }.count == 2)
        await engine.stop()
    }

    /// A consumer that does not read: the queue stays bounded, the engine
    /// waits, and once read nothing on chain is missing.
    @Test func slowConsumerGetsBoundedQueueAndNoLoss() async throws {
        let sc = try FleetScenario(workers: 3, samples: samples)
        let server = FakeNodeServer(node: sc.node)
        try await server.start()
        defer { Task { await server.stop() } }
        let engine = ChainEngine(configuration: testConfiguration([server.url], pools: [1], queueCapacity: 16))
        await engine.start()
        // Loaded at block 0 (the load alone overflows 16 events, so wait for the engine to block on the queue).
        try await Task.sleep(for: .milliseconds(500))
        #expect((await engine.processedBlock ?? 0) == 0)
        var last: UInt32 = 0
        for i in 0..<40 { last = try sc.heartbeatBlock([sc.poolWorkers[i % 3]], challengeBlock: last) }
        try await Task.sleep(for: .milliseconds(500))
        #expect(await engine.queue.count <= 17)
        let probe = EngineProbe()
        let consumer = probe.consume(engine)
        #expect(await probe.wait(60) { $0.processed == last })
        #expect(probe.read { $0.heartbeats.count } == 40)
        await engine.stop()
        await consumer.value
    }

    @Test func backoffGrowsIsBoundedAndJittered() {
        let b = Backoff(initialSeconds: 0.5, maxSeconds: 10, multiplier: 2, jitter: 0.2)
        #expect(b.delaySeconds(attempt: 0, unit: 0.5) == 0.5)
        #expect(b.delaySeconds(attempt: 3, unit: 0.5) == 4)
        #expect(b.delaySeconds(attempt: 30, unit: 0.5) == 10)
        #expect(abs(b.delaySeconds(attempt: 2, unit: 0) - 1.6) < 1e-9)
        #expect(abs(b.delaySeconds(attempt: 2, unit: 1) - 2.4) < 1e-9)
        #expect(b.delaySeconds(attempt: 100, unit: 1) == 10, "jitter never exceeds the cap")
        #expect(b.delaySeconds(attempt: -5, unit: .nan) == 0.5)
    }
}
