import Testing
@testable import MiningCore

/// `FleetStatusCache` (issue 7, 10,000 workers): after every update its
/// worker and pool statuses equal a full derivation (`Fleet.statuses()`,
/// `Fleet.poolStatuses()`), over the chain simulator's histories mixed with
/// random extra facts (V settlements that move the mean share, online
/// worker counts, pool and gas changes, moves between pools, deregistration,
/// watch-list changes, late block timestamps); and it re-derives only the
/// workers a block changed.
@Suite struct FleetStatusCacheTests {
    /// Asserts the cache shows exactly what a full derivation shows.
    func expectEqualToFull(_ cache: FleetStatusCache, _ fleet: Fleet, _ context: String) {
        let full = fleet.statuses().sorted { $0.key < $1.key }
        if cache.statuses != full {
            let diff = OrderPropertyTests().firstDifference(cache.statuses, full) ?? "?"
            Issue.record("statuses differ from a full derivation at \(context): \(diff)")
        }
        #expect(cache.poolStatuses == fleet.poolStatuses(), "pool statuses differ at \(context)")
        for s in full.prefix(3) { #expect(cache.status(of: s.key) == s) }
        for p in fleet.poolStatuses() { #expect(cache.poolStatus(pid: p.pid) == p) }
    }

    /// Random facts the simulator does not produce, about its workers and pool.
    func extraFacts(_ rng: inout SplitMix64, sim: ChainSimulator, block n: UInt32, extraPool: UInt64) -> [Observation] {
        var out: [Observation] = []
        let w = sim.workers[Int(rng.next() % UInt64(sim.workers.count))]
        switch rng.next() % 16 {
        case 0: out.append(.sessionSettled(session: w.session, v: U64F64(integer: 4_000 + rng.next() % 2_000),
                                            payout: U64F64(integer: 1), block: n))
        case 1: out.append(.onlineWorkersChanged(UInt32(2_000 + rng.next() % 40_000)))
        case 2: out.append(.expectedHeartbeatCountChanged(rng.next() % 3 == 0 ? nil : UInt32(10 + rng.next() % 20)))
        case 3: out.append(.gasBalanceChanged(account: sim.owner, freePlanck: pha(rng.next() % 4)))
        case 4:
            // Move a worker to the other pool and back later (its session stays bound).
            out.append(.assignmentChanged(worker: w.key, pid: rng.next() % 2 == 0 ? extraPool : sim.pid, block: n))
        case 5:
            out.append(.poolChanged(pid: extraPool, pool: StakePool(
                basepool: BasePool(pid: extraPool, owner: sim.owner, totalShares: pha(500), totalValue: pha(400 + rng.next() % 200),
                                   withdrawQueue: rng.next() % 2 == 0 ? [] : [WithdrawInfo(
                                       user: testAccount(9), startTimeSec: blockTimeMs(n) / 1000 - rng.next() % 700_000,
                                       nftId: 2, shares: pha(50))],
                                   poolAccountId: testAccount(79)),
                workers: [w.key], freeStakePlanck: pha(rng.next() % 100)), block: n))
        case 6:
            out.append(.workerInfoChanged(worker: w.key, info: rng.next() % 3 == 0 ? nil : WorkerInfo(
                pubkey: w.key, runtimeVersion: 2, lastUpdatedSec: blockTimeMs(n) / 1000 - rng.next() % 5_000,
                operator_: rng.next() % 4 == 0 ? testAccount(3) : sim.owner, attestationProvider: .ias,
                confidenceLevel: UInt8(1 + rng.next() % 5), initialScore: rng.next() % 5 == 0 ? nil : 2_100), block: n))
        case 7 where n > 3:
            // A late timestamp of an earlier block (dates cool-downs).
            out.append(.blockObserved(number: n - 2, hash: nil, timestampMs: blockTimeMs(n - 2) + rng.next() % 3_000))
        case 8: out.append(.stakeChanged(session: w.session, stakePlanck: pha(rng.next() % 3_000), block: n))
        case 9: out.append(.poolChanged(pid: extraPool, pool: nil, block: n))
        default: break
        }
        return out
    }

    @Test(arguments: [UInt64(11), 12, 13, 14])
    func incrementalEqualsFullOverRandomHistories(seed: UInt64) {
        var sim = ChainSimulator(seed: seed, workerCount: 12)
        var rng = SplitMix64(seed: seed &* 7_919)
        // A short recovery watch so recovered workers drop back to "none" within the history.
        var fleet = Fleet(config: FleetConfig(risk: RiskPolicy(recentRecoveryBlocks: 12))).apply(sim.genesis())
        var cache = FleetStatusCache()
        cache.update(to: fleet)
        expectEqualToFull(cache, fleet, "genesis")
        let extraPool: UInt64 = 9
        var refreshedOnly = 0
        for n in UInt32(1)...260 {
            var batch = sim.step(n)
            batch += extraFacts(&rng, sim: sim, block: n, extraPool: extraPool)
            if n == 120 {
                // The watch list loses two workers and gains a new one.
                let keys = sim.workers.dropFirst(2).map(\.key) + [testWorker(4_242)]
                batch.append(.watchListChanged(keys))
            }
            if n == 200 { batch.append(.tokenomicsChanged(testTokenomics(window: 12))) }
            if rng.next() % 3 == 0 {
                // Updated after every single observation.
                for o in batch {
                    fleet.applyInPlace(o)
                    cache.update(to: fleet)
                }
            } else {
                fleet.applyInPlace(contentsOf: batch)
                let update = cache.update(to: fleet)
                if !update.rebuilt { refreshedOnly += 1 }
            }
            expectEqualToFull(cache, fleet, "seed \(seed) block \(n)")
            if n % 50 == 0 {
                // An unchanged fleet changes nothing.
                #expect(cache.update(to: fleet).isEmpty)
            }
        }
        #expect(refreshedOnly > 50, "most blocks should be incremental, were \(refreshedOnly)")
        let levels = Set(cache.statuses.map(\.risk.level))
        #expect(levels.count >= 3, "the history should reach several risk levels: \(levels)")
    }

    @Test func aBlockWithOneSettlementRederivesOneWorker() throws {
        var sim = ChainSimulator(seed: 5, workerCount: 40)
        var fleet = Fleet().apply(sim.genesis())
        for n in UInt32(1)...60 { fleet.applyInPlace(contentsOf: sim.step(n)) }
        var cache = FleetStatusCache(fleet: fleet)
        // A quiet block: only time moves. Workers the clock reshapes (owed
        // challenges, unresponsive, cooling down) are re-derived, the rest refreshed.
        fleet.applyInPlace(.blockObserved(number: 61, hash: nil, timestampMs: blockTimeMs(61)))
        let quiet = cache.update(to: fleet)
        #expect(!quiet.rebuilt && quiet.refreshedAll)
        #expect(quiet.rederived.count < fleet.workers.count, "\(quiet.rederived.count) of \(fleet.workers.count)")
        for i in quiet.rederived {
            let s = cache.statuses[i]
            let reshaped = !s.heartbeat.pendingChallenges.isEmpty || s.state == .workerUnresponsive || s.state == .workerCoolingDown
                || s.lastRecoveredBlock != nil
            #expect(reshaped, "worker \(i) re-derived on a quiet block: \(s.risk)")
        }
        expectEqualToFull(cache, fleet, "quiet block")
        #expect(cache.update(to: fleet).isEmpty)
        // One settlement in the same block: that worker is re-derived, plus the
        // same clock-reshaped ones (the mean share moved, so the rest are refreshed).
        let idle = sim.workers.first { w in
            w.state == .workerIdle && cache.status(of: w.key)?.heartbeat.pendingChallenges.isEmpty == true
        }
        let worker = try #require(idle)
        fleet.applyInPlace(.sessionSettled(session: worker.session, v: U64F64(integer: 4_321), payout: .zero, block: 61))
        let one = cache.update(to: fleet)
        let index = try #require(cache.indexByKey[worker.key])
        #expect(!quiet.rederived.contains(index))
        #expect(one.rederived == (quiet.rederived + [index]).sorted())
        expectEqualToFull(cache, fleet, "one settlement")
    }

    /// A worker that recovered stays on watch for `recentRecoveryBlocks`,
    /// then drops to none on a block that changes nothing about it.
    @Test func theRecoveryWatchEndsOnAQuietBlock() throws {
        let key = testWorker(1), owner = testAccount(2), session = DerivedAccounts.session(pid: 3, worker: key)
        var fleet = Fleet(config: FleetConfig(risk: RiskPolicy(recentRecoveryBlocks: 5)))
        fleet.applyInPlace(contentsOf: [
            .watchListChanged([key, testWorker(2)]), .tokenomicsChanged(testTokenomics()), .onlineWorkersChanged(100),
            .blockObserved(number: 1, hash: nil, timestampMs: blockTimeMs(1)),
            .workerInfoChanged(worker: key, info: WorkerInfo(pubkey: key, runtimeVersion: 1, lastUpdatedSec: 0, operator_: owner,
                                                             attestationProvider: .ias, confidenceLevel: 1, initialScore: 2_000), block: 1),
            .assignmentChanged(worker: key, pid: 3, block: 1),
            .workerStarted(session: session, initV: U64F64(integer: 5_000), initP: 2_000, block: 1),
            .workerEnteredUnresponsive(session: session, block: 2),
            .workerExitedUnresponsive(session: session, block: 4),
        ])
        var cache = FleetStatusCache(fleet: fleet)
        var levels: [RiskLevel] = []
        for n in UInt32(4)...14 {
            fleet.applyInPlace(.blockObserved(number: n, hash: nil, timestampMs: blockTimeMs(n)))
            cache.update(to: fleet)
            expectEqualToFull(cache, fleet, "block \(n)")
            levels.append(try #require(cache.status(of: key)).risk.level)
        }
        #expect(levels.first == .watch && levels.last == RiskLevel.none, "\(levels)")
    }

    @Test func meanShareDoesNotDependOnOrder() {
        var sim = ChainSimulator(seed: 8, workerCount: 30)
        var fleet = Fleet().apply(sim.genesis())
        for n in UInt32(1)...80 { fleet.applyInPlace(contentsOf: sim.step(n)) }
        let mean = fleet.meanComputingShare()
        #expect(mean != nil)
        // The same shares summed in another order give the same mean, bit for bit.
        var shares = fleet.workers.values.compactMap(fleet.computingShare)
        var rng = SplitMix64(seed: 3)
        shares.shuffle(using: &rng)
        var sum: UInt128 = 0
        for s in shares { sum += UInt128(Fleet.quantizedShare(s)) }
        #expect(Fleet.meanShare(quantizedSum: sum, count: shares.count) == mean)
        #expect(Fleet.quantizedShare(.nan) == 0 && Fleet.quantizedShare(-1) == 0)
        #expect(Fleet.quantizedShare(.infinity) == 0 && Fleet.quantizedShare(1e300) == 1 << 62)
    }

    @Test func changedKeysFollowsWrites() {
        var map = ShardedMap<WorkerKey, Int>(shardCountLog2: 4)
        for i in 0..<100 { map[testWorker(UInt64(i))] = i }
        let old = map
        #expect(map.changedKeys(since: old).isEmpty)
        map[testWorker(3)] = 300
        map[testWorker(7)] = 7  // written, same value: not a change
        map[testWorker(9)] = nil
        map[testWorker(1_000)] = 1
        #expect(Set(map.changedKeys(since: old)) == [testWorker(3), testWorker(9), testWorker(1_000)])
        let other = ShardedMap<WorkerKey, Int>(shardCountLog2: 2)
        #expect(Set(other.changedKeys(since: old)).count == 100)
    }
}
