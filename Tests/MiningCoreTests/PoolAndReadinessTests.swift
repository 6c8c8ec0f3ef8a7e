import Testing
@testable import MiningCore

/// §2 readiness rules, §4.6 forced-stop risk and the staking balance.
@Suite struct PoolAndReadinessTests {
    let owner = testAccount(1)
    let stranger = testAccount(2)
    let pid: UInt64 = 4
    let day: UInt64 = 86_400

    func pool(free: UInt128, queue: [WithdrawInfo] = [], workers: [WorkerKey] = [], cd: [WorkerKey] = [],
              rewards: UInt128 = 0) -> StakePool {
        StakePool(basepool: BasePool(pid: pid, owner: owner, totalShares: pha(1_000), totalValue: pha(2_000),
                                     withdrawQueue: queue, poolAccountId: testAccount(3)),
                  workers: workers, cdWorkers: cd, freeStakePlanck: free, ownerRewardsPlanck: rewards)
    }

    func fleet(at nowSec: UInt64, pool p: StakePool, extra: [Observation] = []) -> Fleet {
        Fleet().apply([.tokenomicsChanged(testTokenomics()),
                       .blockObserved(number: 1000, hash: nil, timestampMs: nowSec * 1000),
                       .poolChanged(pid: pid, pool: p, block: 1000)] + extra)
    }

    @Test func operatorMustOwnThePool() throws {
        let w = testWorker(5)
        let info = WorkerInfo(pubkey: w, runtimeVersion: 1, lastUpdatedSec: 0, operator_: stranger,
                              attestationProvider: .ias, confidenceLevel: 1, initialScore: 100)
        let session = DerivedAccounts.session(pid: pid, worker: w)
        let f = fleet(at: 1_000_000, pool: pool(free: pha(100_000)), extra: [
            .watchListChanged([w]), .workerInfoChanged(worker: w, info: info, block: 1000),
            .assignmentChanged(worker: w, pid: pid, block: 1000),
            .sessionChanged(session: session, info: SessionInfo(state: .ready, ve: .zero, v: .zero,
                                                                 benchmark: Benchmark(pInit: 100, pInstant: 100)), block: 1000)])
        let s = try #require(f.status(of: w))
        #expect(s.notReadyReasons == [.operatorNotPoolOwner(operator_: stranger, owner: owner)])
        #expect(!s.isReadyToCompute)
        #expect(s.risk.reason.hasPrefix("not computing: operator 0xacacacac"))
    }

    @Test func minimumStakeNeedsFreeStake() throws {
        let w = testWorker(6)
        let info = WorkerInfo(pubkey: w, runtimeVersion: 1, lastUpdatedSec: 0, operator_: owner,
                              attestationProvider: .dcap, confidenceLevel: 1, initialScore: 2_500)
        let f = fleet(at: 1_000_000, pool: pool(free: pha(4_000)), extra: [
            .watchListChanged([w]), .workerInfoChanged(worker: w, info: info, block: 1000),
            .assignmentChanged(worker: w, pid: pid, block: 1000)])
        // k = 100 → minimum 100·√2500 = 5,000 PHA; the session is not read yet either.
        #expect(f.status(of: w)?.notReadyReasons == [
            .sessionUnknown, .insufficientFreeStake(freePlanck: pha(4_000), neededPlanck: pha(5_000))])
    }

    @Test func noWithdrawalsNoRisk() throws {
        let s = try #require(fleet(at: 1_000_000, pool: pool(free: pha(10), rewards: pha(3))).poolStatus(pid: pid))
        #expect(s.coverage == .noWithdrawals && s.risk.level == .none)
        #expect(s.freeStakePlanck == pha(10) && s.ownerRewardsPlanck == pha(3) && s.totalStakePlanck == pha(2_000))
    }

    /// 100 shares at 2 PHA/share = 200 PHA queued for `age` seconds.
    func withdrawalRisk(free: UInt128, ageSec: UInt64) throws -> PoolStatus {
        let now: UInt64 = 10_000_000
        let queue = [WithdrawInfo(user: stranger, startTimeSec: now - ageSec, nftId: 1, shares: pha(100))]
        return try #require(fleet(at: now, pool: pool(free: free, queue: queue)).poolStatus(pid: pid))
    }

    @Test func withdrawalRiskClimbsTowardsTheGracePeriod() throws {
        let covered = try withdrawalRisk(free: pha(500), ageSec: 6 * day)
        #expect(covered.coverage == .covered && covered.risk.level == .watch)
        #expect(covered.withdrawals.first?.valuePlanck == pha(200))

        let early = try withdrawalRisk(free: pha(50), ageSec: 1 * day)
        #expect(early.coverage == .uncovered(shortfallPlanck: pha(150)))
        #expect(early.risk.level == .watch && early.risk.reason.contains("forced stop possible in 6d 0h"))

        let late = try withdrawalRisk(free: pha(50), ageSec: 6 * day)
        #expect(late.risk.level == .atRisk && late.withdrawals.first?.remainingSec == day)

        let expired = try withdrawalRisk(free: pha(50), ageSec: 7 * day)
        #expect(expired.risk.level == .losing && expired.withdrawals.first?.remainingSec == 0)
        #expect(expired.risk.reason.contains("anyone can force-stop"))
        #expect(RiskLevel.allCases.sorted() == [.none, .watch, .atRisk, .losing, .stopped])
    }

    /// Stake of a cool-down that ends before the deadline counts as coming free.
    @Test func releasingStakeCoversAWithdrawal() throws {
        let w = testWorker(9)
        let now: UInt64 = 10_000_000
        let session = DerivedAccounts.session(pid: pid, worker: w)
        let queue = [WithdrawInfo(user: stranger, startTimeSec: now - 5 * day, nftId: 1, shares: pha(100))]
        let f = fleet(at: now, pool: pool(free: 0, queue: queue, workers: [w], cd: [w]), extra: [
            .watchListChanged([w]), .coolDownPeriodChanged(seconds: 7 * day),
            .assignmentChanged(worker: w, pid: pid, block: 1000),
            .sessionChanged(session: session, info: SessionInfo(state: .workerCoolingDown, ve: .zero, v: .zero,
                                                                 benchmark: Benchmark(pInit: 1, pInstant: 1),
                                                                 coolDownStartSec: now - 6 * day), block: 1000),
            .stakeChanged(session: session, stakePlanck: pha(300), block: 1000),
            .gasBalanceChanged(account: owner, freePlanck: pha(1))])
        let s = try #require(f.poolStatus(pid: pid))
        #expect(s.releasingStakePlanck == pha(300) && s.coverage == .covered)
        #expect(s.lockedStakePlanck == pha(300) && s.coolingDownCount == 1)
        #expect(s.ownerGasPlanck == pha(1))
        // All workers cooling down → the pool is stopped; low gas is noted below that.
        #expect(s.risk.level == .stopped)
        #expect(f.poolStatuses().map(\.pid) == [pid])
        #expect(f.status(of: w)?.coolDown?.remainingSec == day)
    }

    @Test func lowGasIsAWatchItem() throws {
        let f = fleet(at: 1_000_000, pool: pool(free: pha(1)), extra: [.gasBalanceChanged(account: owner, freePlanck: pha(1))])
        let s = try #require(f.poolStatus(pid: pid))
        #expect(s.risk == RiskAssessment(.watch, "owner gas balance low: 1 PHA"))
    }
}
