import ChainCrypto
import MiningCore
import Scale
import Synchronization
@testable import ChainEngine

/// A pool of workers on a `FakeChain`, written through the real metadata:
/// pool 1 owned by `operatorAccount` holds `poolWorkers`; `loneWorker` is
/// registered but in no pool. Helpers append the blocks a test needs.
struct FleetScenario: @unchecked Sendable {
    let s: ChainSamples
    let chain: FakeChain
    let node: FakeNode
    let pid: UInt64 = 1
    let operatorAccount = TestKeys.account(1)
    let poolAccount = TestKeys.account(100)
    let poolWorkers: [WorkerKey]
    let loneWorker = TestKeys.worker(999)
    var d: ChainDecoder { s.decoder }

    init(workers: Int = 3, samples: ChainSamples, hashSalt: [UInt8] = []) throws {
        s = samples
        chain = FakeChain(metadata: samples.metadata.encoded, hashSalt: hashSalt)
        node = FakeNode(chain: chain)
        poolWorkers = (1...max(1, workers)).map { TestKeys.worker($0) }
        var genesis: [[UInt8]: [UInt8]?] = [:]
        let d = samples.decoder
        genesis[try d.poolKey(pid)] = try samples.stakePool(pid: pid, owner: operatorAccount, workers: poolWorkers,
                                                            poolAccount: poolAccount, totalValue: 5_000 * 1_000_000_000_000)
        genesis[try d.wphaAccountKey(poolAccount)] = try samples.assetAccount(balance: 1_234 * 1_000_000_000_000)
        genesis[try d.accountKey(.systemAccount, operatorAccount)] = try samples.systemAccount(free: 10 * 1_000_000_000_000)
        genesis[try d.plan(.tokenomicParameters).prefix] = try samples.tokenomics(window: 20)
        genesis[try d.plan(.onlineWorkers).prefix] = scaleEncoded(UInt32(workers))
        genesis[try d.plan(.coolDownPeriod).prefix] = scaleEncoded(UInt64(604_800))
        genesis[try d.plan(.heartbeatPaused).prefix] = scaleEncoded(false)
        for (i, w) in (poolWorkers + [loneWorker]).enumerated() {
            genesis[try d.workerKey(.workers, w)] = try samples.workerInfo(w, operator: operatorAccount, initialScore: UInt32(2000 + i))
            guard w != loneWorker else { continue }
            let session = DerivedAccounts.session(pid: pid, worker: w)
            genesis[try d.workerKey(.workerBindings, w)] = session.bytes
            genesis[try d.workerKey(.workerAssignments, w)] = scaleEncoded(pid)
            genesis[try d.accountKey(.sessions, session)] = try samples.session(state: "WorkerIdle", ve: UInt128(1000 + i) << 64,
                                                                                 v: UInt128(1100 + i) << 64)
            genesis[try d.accountKey(.stakes, session)] = scaleEncoded(UInt128(1000 + i) * 1_000_000_000_000)
        }
        chain.produce(genesis)
    }

    func session(_ w: WorkerKey) -> AccountID { DerivedAccounts.session(pid: pid, worker: w) }

    /// A block whose extrinsics carry heartbeats of `workers` answering `challengeBlock`, with their `BenchmarkUpdated` events.
    @discardableResult
    func heartbeatBlock(_ workers: [WorkerKey], challengeBlock: UInt32) throws -> UInt32 {
        let payload = ChainSamples.heartbeatPayload(session: 1, challengeBlock: challengeBlock,
                                                    challengeTimeMs: FakeChain.timestampMs(challengeBlock), iterations: 1_000)
        let xts = try workers.map { try s.heartbeatExtrinsic(worker: $0, payload: payload) }
        let events = try s.events(workers.map { ("PhalaComputation", "BenchmarkUpdated",
                                                  ["session": ChainSamples.key(session($0).raw), "p_instant": ChainSamples.u(2500 as UInt32)]) })
        let n = chain.produce([try d.plan(.events).prefix: events], extrinsics: try [s.otherExtrinsic()] + xts)
        node.announce()
        return n
    }

    /// A block issuing a challenge that every worker hits (target = max).
    @discardableResult
    func challengeBlock() throws -> UInt32 {
        let messages = try s.outboundChallenges([([UInt8](repeating: 7, count: 32), [UInt8](repeating: 0xff, count: 32))])
        let n = chain.produce([try d.plan(.outboundMessages).prefix: messages], extrinsics: [try s.otherExtrinsic()])
        node.announce()
        return n
    }

    /// A block where `w` becomes unresponsive (event + storage).
    @discardableResult
    func unresponsiveBlock(_ w: WorkerKey) throws -> UInt32 {
        let sess = session(w)
        let n = chain.produce([
            try d.plan(.events).prefix: try s.events([("PhalaComputation", "WorkerEnterUnresponsive", ["session": ChainSamples.key(sess.raw)])]),
            try d.accountKey(.sessions, sess): try s.session(state: "WorkerUnresponsive", ve: 1000 << 64, v: 900 << 64),
        ])
        node.announce()
        return n
    }

    /// An empty block.
    @discardableResult
    func emptyBlock(announce: Bool = true) -> UInt32 {
        let n = chain.produce()
        if announce { node.announce() }
        return n
    }
}

/// Collects an engine's events and folds observations into a `Fleet`.
final class EngineProbe: Sendable {
    struct State: Sendable {
        var fleet = Fleet()
        var events: [EngineEvent] = []
        var heartbeats: [HeartbeatReport] = []
        /// Heartbeats seen (also counted when `keepHeartbeats` is false).
        var heartbeatCount = 0
        var diagnostics: [EngineDiagnostic] = []
        var connections: [EngineConnectionState] = []
        var processed: UInt32?
        var loads = 0
        var ended = false
    }

    let state = Mutex(State())
    let keepEvents: Bool
    /// False for long runs: only `heartbeatCount` grows (the memory test measures the engine, not this list).
    let keepHeartbeats: Bool

    init(keepEvents: Bool = true, keepHeartbeats: Bool = true) {
        self.keepEvents = keepEvents
        self.keepHeartbeats = keepHeartbeats
    }

    func consume(_ engine: ChainEngine) -> Task<Void, Never> {
        Task {
            for await e in engine.events {
                state.withLock { s in
                    if keepEvents { s.events.append(e) }
                    switch e {
                    case .observation(let o):
                        s.fleet.applyInPlace(o)
                        if case .heartbeatLanded(let h) = o {
                            s.heartbeatCount += 1
                            if keepHeartbeats { s.heartbeats.append(h) }
                        }
                    case .diagnostic(let d): s.diagnostics.append(d)
                    case .connection(let c):
                        s.connections.append(c)
                        // Long runs keep the recent states only (a `.live` state comes with every block).
                        if !keepHeartbeats, s.connections.count > 256 { s.connections.removeFirst(128) }
                    case .blockProcessed(let n): s.processed = n
                    case .fleetLoaded: s.loads += 1
                    case .extrinsicFailed: break
                    }
                }
            }
            state.withLock { $0.ended = true }
        }
    }

    func read<T>(_ f: (State) -> T) -> T { state.withLock { f($0) } }

    /// Waits until `condition` holds (polling), up to `seconds`.
    func wait(_ seconds: Double = 60, _ condition: (State) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if read(condition) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return read(condition)
    }
}
