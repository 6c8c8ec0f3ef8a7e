import Testing
@testable import MiningCore

/// Issue 4 "Must show": a scripted life of one worker, replayed block by
/// block, with the expected state, heartbeat numbers and risk at each step.
@Suite struct ReplayTests {
    let worker = testWorker(1)
    let bystander = testWorker(2)
    let owner = testAccount(10)
    let pid: UInt64 = 7
    var session: AccountID { DerivedAccounts.session(pid: pid, worker: worker) }

    func info(score: UInt32?) -> WorkerInfo {
        WorkerInfo(pubkey: worker, runtimeVersion: 12, lastUpdatedSec: blockTimeMs(100) / 1000, operator_: owner,
                   attestationProvider: .ias, confidenceLevel: 2, initialScore: score)
    }

    func pool(workers: [WorkerKey] = [], cd: [WorkerKey] = [], free: UInt128 = pha(10_000),
              queue: [WithdrawInfo] = []) -> StakePool {
        StakePool(basepool: BasePool(pid: pid, owner: owner, totalShares: pha(20_000), totalValue: pha(20_000),
                                     withdrawQueue: queue, poolAccountId: testAccount(11)),
                  workers: workers, cdWorkers: cd, freeStakePlanck: free)
    }

    func session(_ state: WorkerState, v: U64F64 = U64F64(integer: 6_000), coolDownStart: UInt64 = 0) -> SessionInfo {
        SessionInfo(state: state, ve: U64F64(integer: 6_000), v: v, benchmark: Benchmark(pInit: 3_000, pInstant: 3_000),
                    coolDownStartSec: coolDownStart)
    }

    func block(_ n: UInt32) -> Observation { .blockObserved(number: n, hash: nil, timestampMs: blockTimeMs(n)) }

    func challenge(_ n: UInt32, hitting: Bool) -> Observation {
        .challengeIssued(HeartbeatChallenge(block: n, seed: hitting ? hittingSeed(for: worker) : missingSeed(for: worker),
                                            onlineTarget: testTarget))
    }

    func heartbeat(for c: UInt32, at n: UInt32) -> Observation {
        .heartbeatLanded(HeartbeatReport(worker: worker, sessionId: 1, challengeBlock: c, challengeTimeMs: blockTimeMs(c),
                                         iterations: 1000, block: n))
    }

    @Test func lifeOfAWorker() throws {
        var fleet = Fleet().apply([
            .watchListChanged([worker, bystander]), .tokenomicsChanged(testTokenomics(window: 10)),
            .onlineWorkersChanged(20), .coolDownPeriodChanged(seconds: 604_800), block(100),
        ])
        var s = try #require(fleet.status(of: worker))
        #expect(s.registration == .notLoaded)
        #expect(s.notReadyReasons == [.registrationUnknown])

        // 100: registered, benchmark pending.
        fleet = fleet.apply(.workerInfoChanged(worker: worker, info: info(score: nil), block: 100))
        s = try #require(fleet.status(of: worker))
        guard case .registered(let reg) = s.registration else { Issue.record("not registered"); return }
        #expect(reg.provider == .ias && reg.confidenceLevel == 2 && reg.runtimeVersion == 12)
        #expect(reg.benchmark == .pending && reg.lastUpdatedAgeSec == 0)
        #expect(s.notReadyReasons == [.benchmarkPending, .notInPool])
        #expect(s.risk.level == .none)

        // 101: benchmark in, score below MinInitP, then a good one.
        fleet = fleet.apply([block(101), .workerInfoChanged(worker: worker, info: info(score: 40), block: 101)])
        #expect(fleet.status(of: worker)?.notReadyReasons == [.scoreBelowMinimum(score: 40, minimum: 50), .notInPool])
        fleet = fleet.apply(.workerInfoChanged(worker: worker, info: info(score: 3_000), block: 101))
        s = try #require(fleet.status(of: worker))
        #expect(s.notReadyReasons == [.notInPool])
        guard case .registered(let reg2) = s.registration else { return }
        #expect(reg2.lastUpdatedAgeSec == 12)

        // 102: added to the pool: session bound, Ready.
        fleet = fleet.apply([block(102), .poolChanged(pid: pid, pool: pool(workers: [worker]), block: 102),
                             .assignmentChanged(worker: worker, pid: pid, block: 102),
                             .sessionChanged(session: session, info: session(.ready), block: 102)])
        s = try #require(fleet.status(of: worker))
        #expect(s.session == session && s.pid == pid && s.state == .ready)
        #expect(s.notReadyReasons.isEmpty && s.isReadyToCompute)
        #expect(s.risk == RiskAssessment(.none, "ready to compute"))

        // 103: started with 5,000 PHA.
        fleet = fleet.apply([block(103), .workerStarted(session: session, initV: U64F64(integer: 6_000), initP: 3_000, block: 103),
                             .stakeChanged(session: session, stakePlanck: pha(5_000), block: 103)])
        s = try #require(fleet.status(of: worker))
        #expect(s.state == .workerIdle && s.stakePlanck == pha(5_000))
        #expect(s.notReadyReasons == [.alreadyComputing(.workerIdle)])
        #expect(s.risk.level == .none)
        #expect(s.heartbeat.expectedIntervalBlocks.map { abs($0 - 150) < 0.01 } == true)

        // 104: a challenge that misses; 110: one that hits.
        fleet = fleet.apply([block(104), challenge(104, hitting: false)])
        #expect(fleet.status(of: worker)?.heartbeat.pendingChallenges == [])
        fleet = fleet.apply([block(110), challenge(110, hitting: true)])
        s = try #require(fleet.status(of: worker))
        #expect(s.heartbeat.pendingChallenges == [110] && s.heartbeat.oldestPendingAgeBlocks == 0)
        #expect(s.heartbeat.blocksUntilDeadline == 10)
        #expect(s.risk.level == .none)

        // Risk climbs while the answer is late: window 10 → watch at 3, at risk at 5.
        let expectedRisk: [UInt32: RiskLevel] = [111: .none, 112: .none, 113: .watch, 114: .watch, 115: .atRisk]
        for n in UInt32(111)...115 {
            fleet = fleet.apply(block(n))
            s = try #require(fleet.status(of: worker))
            #expect(s.heartbeat.oldestPendingAgeBlocks == Int(n - 110))
            #expect(s.risk.level == expectedRisk[n], "block \(n): \(s.risk)")
        }
        #expect(s.risk.reason.contains("must land by block 120"))

        // 116: answered late (latency 6); the slow answer keeps it on watch.
        fleet = fleet.apply([block(116), heartbeat(for: 110, at: 116),
                             .benchmarkUpdated(session: session, pInstant: 2_900, block: 116)])
        s = try #require(fleet.status(of: worker))
        #expect(s.heartbeat.pendingChallenges.isEmpty)
        #expect(s.heartbeat.latencies.last == 6 && s.heartbeat.latencies.count == 1)
        #expect(s.heartbeat.lastHeartbeatBlock == 116 && s.heartbeat.heartbeatCount == 1)
        #expect(s.pInstant == 2_900)
        #expect(s.risk.level == .watch && s.risk.reason.contains("slow answers"))

        // 130: challenged again, never answered in time.
        fleet = fleet.apply([block(130), challenge(130, hitting: true)])
        for n in UInt32(131)...141 { fleet = fleet.apply(block(n)) }
        s = try #require(fleet.status(of: worker))
        #expect(s.heartbeat.oldestPendingAgeBlocks == 11 && s.heartbeat.gatekeeperWouldFlag)
        #expect(s.heartbeat.blocksUntilDeadline == -1)
        #expect(s.risk.level == .losing && s.risk.reason.contains("gatekeeper"))
        #expect(s.state == .workerIdle)  // the chain has not caught up yet

        // 143: the chain marks it unresponsive; V decays, no rewards.
        fleet = fleet.apply([block(143), .workerEnteredUnresponsive(session: session, block: 143),
                             challenge(143, hitting: true)])
        s = try #require(fleet.status(of: worker))
        #expect(s.state == .workerUnresponsive)
        #expect(s.heartbeat.pendingChallenges == [130])  // paused workers are not challenged
        #expect(s.risk.level == .losing)
        for n in UInt32(144)...150 { fleet = fleet.apply(block(n)) }
        s = try #require(fleet.status(of: worker))
        let p = try #require(s.penalty)
        #expect(p.currentSpellBlocks == 7 && p.currentSpellSec == 84)
        #expect(p.vAfterOneHour < p.v && p.vLossPerHour.bits > 0)
        #expect(abs(p.vAfterOneHour.doubleValue / 6_000 - 0.99900049816837) < 1e-9)
        #expect(p.rewardsForgonePerHourPlanck.map { $0 > 0 } == true)
        #expect(s.risk.reason.hasPrefix("unresponsive for 7 blocks (1m 24s)"))

        // 152: the late heartbeat for 130 lands; 155: the chain says recovered.
        fleet = fleet.apply([block(152), heartbeat(for: 130, at: 152)])
        s = try #require(fleet.status(of: worker))
        #expect(s.heartbeat.latencies.last == 22 && s.heartbeat.pendingChallenges.isEmpty)
        #expect(s.state == .workerUnresponsive && s.risk.level == .losing)
        fleet = fleet.apply([block(155), .workerExitedUnresponsive(session: session, block: 155)])
        s = try #require(fleet.status(of: worker))
        #expect(s.state == .workerIdle && s.lastRecoveredBlock == 155 && s.unresponsiveSpells == 1)
        #expect(s.penalty?.totalUnresponsiveBlocks == 12 && s.penalty?.currentSpellBlocks == 0)
        #expect(s.risk == RiskAssessment(.watch, "recovered from unresponsive at block 155"))

        // 200: a prompt answer; intervals 116 → 152 → 203.
        fleet = fleet.apply([block(200), challenge(200, hitting: true)])
        fleet = fleet.apply([block(203), heartbeat(for: 200, at: 203)])
        s = try #require(fleet.status(of: worker))
        #expect(s.heartbeat.intervals == IntervalStats([36, 51]))
        #expect(s.heartbeat.intervals.mean == 43.5 && s.heartbeat.intervals.max == 51 && s.heartbeat.intervals.p95 == 51)
        #expect(s.heartbeat.latencies == IntervalStats([6, 22, 3]))
        #expect(s.heartbeat.challengeCount == 3)

        // 460: the recovery is over 300 blocks old, but p95 latency (22) stays a watch item.
        fleet = fleet.apply(block(460))
        s = try #require(fleet.status(of: worker))
        #expect(s.risk.level == .watch && s.risk.reason.contains("p95 latency 22"))

        // 470: stopped (the event and the storage), cooling down 7 days.
        let stopSec = blockTimeMs(470) / 1000
        fleet = fleet.apply([block(470), .workerStopped(session: session, block: 470),
                             .sessionChanged(session: session, info: session(.workerCoolingDown, coolDownStart: stopSec), block: 470),
                             .poolChanged(pid: pid, pool: pool(workers: [worker], cd: [worker], free: pha(5_000)), block: 470)])
        s = try #require(fleet.status(of: worker))
        #expect(s.state == .workerCoolingDown)
        #expect(s.coolDown?.remainingSec == 604_800 && s.coolDown?.reclaimable == false)
        #expect(s.risk == RiskAssessment(.stopped, "stopped; cooling down, reclaimable in 7d 0h"))
        #expect(s.notReadyReasons == [.coolingDown(remainingSec: 604_800)])
        #expect(s.penalty == nil)
        #expect(fleet.poolStatus(pid: pid)?.risk.level == .stopped)

        // A day later; then the full period.
        fleet = fleet.apply(block(470 + 7_200))
        #expect(fleet.status(of: worker)?.coolDown?.remainingSec == 604_800 - 86_400)
        fleet = fleet.apply(block(470 + 50_400))
        s = try #require(fleet.status(of: worker))
        #expect(s.coolDown?.reclaimable == true)
        #expect(s.risk == RiskAssessment(.stopped, "stopped; cool-down over, reclaim to return the stake"))

        // Reclaimed: Ready again, stake returned.
        let end = UInt32(470 + 50_401)
        fleet = fleet.apply([block(end), .workerReclaimed(session: session, originalStakePlanck: pha(5_000), block: end),
                             .sessionChanged(session: session, info: session(.ready), block: end),
                             .poolChanged(pid: pid, pool: pool(workers: [worker], free: pha(10_000)), block: end)])
        s = try #require(fleet.status(of: worker))
        #expect(s.state == .ready && s.stakePlanck == nil && s.isReadyToCompute)
        #expect(s.risk.level == .none)
        #expect(s.lastEvent == WorkerEvent(kind: .reclaimed, block: end))

        // The bystander was watched throughout but never registered.
        #expect(fleet.status(of: bystander)?.registration == .notLoaded)
        #expect(fleet.status(of: bystander)?.heartbeat.challengeCount == 0)
    }

    /// A worker started in the same block as a challenge is tested against
    /// it; one stopped in that block is not, whatever the arrival order (§4.2).
    @Test func sameBlockStartAndStopFollowEndOfBlockState() throws {
        let base = Fleet().apply([.watchListChanged([worker]), .tokenomicsChanged(testTokenomics()),
                                  .assignmentChanged(worker: worker, pid: pid, block: 1),
                                  .sessionChanged(session: session, info: session(.ready), block: 1), block(1)])
        let start = Observation.workerStarted(session: session, initV: U64F64(integer: 6_000), initP: 3_000, block: 5)
        for obs in [[start, challenge(5, hitting: true)], [challenge(5, hitting: true), start]] {
            let f = base.apply(obs)
            #expect(f.status(of: worker)?.heartbeat.pendingChallenges == [5])
        }
        let running = base.apply([start, block(5)])
        let stop = Observation.workerStopped(session: session, block: 9)
        for obs in [[stop, challenge(9, hitting: true)], [challenge(9, hitting: true), stop]] {
            let f = running.apply(obs)
            #expect(f.status(of: worker)?.heartbeat.pendingChallenges == [])
            #expect(f.status(of: worker)?.heartbeat.challengeCount == 0)
        }
    }
}
