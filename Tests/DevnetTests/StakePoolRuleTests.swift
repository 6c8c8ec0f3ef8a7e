import Scale
import Testing
@testable import Devnet

/// The permission and state rules of PROTOCOL.md §2 with the real error
/// names: only the pool owner may start/stop, anyone may reclaim after the
/// cool-down, stake bounds, restart only with more stake, and transactional
/// `batch_all` (issue 5). Signatures are covered elsewhere; here calls are
/// dispatched with an origin, as the runtime does after the checks.
@Suite struct StakePoolRuleTests {
    let chain: DevnetChain
    let alice = DevAccounts.publicKey("Alice")!, bob = DevAccounts.publicKey("Bob")!

    init() {
        var c = DevnetConfig()
        c.workers = 4
        c.pools = 2
        c.coolDownSeconds = 60
        chain = DevnetChain(config: c)
    }

    /// Dispatches `call` as `origin` the way a block applies it (state restored on error).
    func apply(_ call: [UInt8], as origin: [UInt8]) -> String? {
        let saved = chain.state
        do {
            try chain.dispatch(call: call, origin: origin, unsigned: false)
            return nil
        } catch {
            chain.state = saved
            guard case .module(let p, let e) = error,
                  let found = DevnetMetadata.metadata.error(palletIndex: p, errorIndex: e) else { return "\(error)" }
            return found.error.name
        }
    }

    func call(_ index: UInt8, pid: UInt64, worker: [UInt8], stake: UInt128? = nil) -> [UInt8] {
        var e = ScaleEncoder()
        e.appendByte(93); e.appendByte(index); e.encode(pid); e.append(worker)
        if let stake { e.encode(stake) }
        return e.bytes
    }

    func state(_ worker: [UInt8]) -> String? {
        let i = chain.state.simIndexByPubkey[worker]!
        return chain.state.sessions[chain.state.sims[i].session!].map { "\($0.state)" }
    }

    @Test func onlyTheOwnerStopsAndAnyoneReclaimsAfterCoolDown() {
        let w0 = chain.workerPublicKeys[0]  // pool 0, owned by Alice
        #expect(apply(call(14, pid: 0, worker: w0), as: bob) == "UnauthorizedPoolOwner")
        #expect(state(w0) == "workerIdle")
        let online = chain.state.onlineWorkers
        #expect(apply(call(14, pid: 0, worker: w0), as: alice) == nil)
        #expect(state(w0) == "workerCoolingDown")
        #expect(chain.state.onlineWorkers == online - 1)
        #expect(chain.state.pools[0]?.coolDownWorkers == [w0])
        #expect(apply(call(14, pid: 0, worker: w0), as: alice) == "WorkerNotComputing")
        #expect(apply(call(15, pid: 0, worker: w0), as: bob) == "CoolDownNotReady")
        for _ in 0..<5 { chain.produceBlock() }  // 60 s at 12 s blocks
        let pool = chain.state.pools[0]!
        let freeBefore = chain.state.wpha[pool.poolAccount] ?? 0
        let session = chain.session(ofWorker: 0)!
        let stake = chain.state.stakes[session]!
        #expect(apply(call(15, pid: 0, worker: w0), as: bob) == nil, "anyone may reclaim")
        #expect(state(w0) == "ready")
        #expect(chain.state.stakes[session] == nil)
        #expect(chain.state.wpha[pool.poolAccount] == freeBefore + stake)
        #expect(chain.state.pools[0]?.coolDownWorkers.isEmpty == true)
        // Start again: stake bounds, then success.
        #expect(apply(call(13, pid: 0, worker: w0, stake: 1_000_000_000_000), as: alice) == "InsufficientStake")
        #expect(apply(call(13, pid: 0, worker: w0, stake: 40_000 * 1_000_000_000_000), as: alice) == "TooMuchStake")
        #expect(apply(call(13, pid: 0, worker: w0, stake: stake), as: bob) == "UnauthorizedPoolOwner")
        #expect(apply(call(13, pid: 0, worker: w0, stake: stake), as: alice) == nil)
        #expect(state(w0) == "workerIdle")
        #expect(apply(call(17, pid: 0, worker: w0, stake: stake), as: alice) == "CannotRestartWithLessStake")
        #expect(apply(call(17, pid: 0, worker: w0, stake: stake + 1_000_000_000_000), as: alice) == nil)
        #expect(chain.state.stakes[session] == stake + 1_000_000_000_000)
        #expect(apply(call(2, pid: 0, worker: w0), as: alice) == "WorkerIsNotReady")
        #expect(apply(call(14, pid: 7, worker: w0), as: alice) == "PoolDoesNotExist")
    }

    @Test func batchAllIsAllOrNothing() {
        let w0 = chain.workerPublicKeys[0], w1 = chain.workerPublicKeys[1]  // pools 0 (Alice) and 1 (Bob)
        func batch(_ index: UInt8, _ calls: [[UInt8]]) -> [UInt8] {
            var e = ScaleEncoder()
            e.appendByte(3); e.appendByte(index); e.encodeCompact(UInt64(calls.count))
            for c in calls { e.append(c) }
            return e.bytes
        }
        let calls = [call(14, pid: 0, worker: w0), call(14, pid: 1, worker: w1)]
        #expect(apply(batch(2, calls), as: alice) == "UnauthorizedPoolOwner")
        #expect(state(w0) == "workerIdle", "batch_all undid the first call")
        #expect(apply(batch(0, calls), as: alice) == nil)  // batch: stops at the failure, keeps the first
        #expect(state(w0) == "workerCoolingDown")
        #expect(state(w1) == "workerIdle")
        #expect(chain.state.events.contains { if case .batchInterrupted(1, _) = $0.event { return true }; return false })
    }
}
