import Scale
import Testing
@testable import Devnet

/// The scenario knobs the dashboard's embedded devnet uses for actions
/// (issue 8): one owner for every pool, workers left Ready, and the free
/// stake checked first in `start_computing`, as the pallet's
/// `do_start_computing` does (owner, free stake, then the computation rules).
@Suite struct ReadyWorkerScenarioTests {
    let alice = DevAccounts.publicKey("Alice")!

    func chain(ready: Int, owners: [[UInt8]] = []) -> DevnetChain {
        var c = DevnetConfig()
        c.workers = 6
        c.pools = 3
        c.readyWorkers = ready
        c.poolOwners = owners
        return DevnetChain(config: c)
    }

    func state(_ chain: DevnetChain, _ i: Int) -> WorkerState? {
        chain.state.sims[i].session.flatMap { chain.state.sessions[$0]?.state }
    }

    @Test func lastWorkersStayReadyInTheirPools() {
        let c = chain(ready: 2)
        #expect((0..<4).allSatisfy { state(c, $0) == .workerIdle })
        #expect(state(c, 4) == .ready && state(c, 5) == .ready)
        #expect(c.state.sims[4].pid == 1 && c.state.sims[5].pid == 2, "in their pools, bound, not computing")
        #expect(c.state.onlineWorkers == 4)
        #expect(chain(ready: 0).state.onlineWorkers == 6, "the default starts every worker")
    }

    @Test func unpooledWorkersAreRegisteredOutsideTheirPool() {
        var cfg = DevnetConfig()
        cfg.workers = 6
        cfg.pools = 3
        cfg.readyWorkers = 1
        cfg.unpooledWorkers = 1
        let c = DevnetChain(config: cfg)
        #expect(c.state.sims[5].pid == nil && c.state.sims[5].session == nil)
        #expect(c.state.workerInfos[c.workerPublicKeys[5]]?.operatorAccount == c.state.pools[2]?.owner)
        #expect(state(c, 4) == .ready)
        #expect(c.state.onlineWorkers == 4)
        // add_worker by the owner binds it, Ready.
        var e = ScaleEncoder()
        e.appendByte(93); e.appendByte(1); e.encode(UInt64(2)); e.append(c.workerPublicKeys[5])
        #expect(throws: Never.self) { try c.dispatch(call: e.bytes, origin: c.state.pools[2]!.owner, unsigned: false) }
        #expect(state(c, 5) == .ready)
    }

    @Test func poolOwnersOverrideTheDevAccounts() {
        let one = chain(ready: 0, owners: [alice])
        #expect((0..<3).allSatisfy { one.state.pools[UInt64($0)]?.owner == alice })
        let dev = chain(ready: 0)
        #expect(dev.state.pools[1]?.owner == DevAccounts.publicKey("Bob"))
    }

    @Test func freeStakeIsCheckedBeforeTheStakeBounds() {
        let c = chain(ready: 1, owners: [alice])
        let worker = c.workerPublicKeys[5]
        var e = ScaleEncoder()
        // start_computing(pid 2, worker, 10^9 PHA): more than the pool has free and far above v_max.
        e.appendByte(93); e.appendByte(13); e.encode(UInt64(2)); e.append(worker); e.encode(UInt128(1_000_000_000) * 1_000_000_000_000)
        var name: String?
        do { try c.dispatch(call: e.bytes, origin: alice, unsigned: false) } catch {
            if case .module(let p, let i) = error { name = DevnetMetadata.metadata.error(palletIndex: p, errorIndex: i)?.error.name }
        }
        #expect(name == "InsufficientFreeStake")
        #expect(state(c, 5) == .ready)
    }
}
