/// Builds `PoolStatus` snapshots and the pool risk rules (§4.6).
extension Fleet {
    /// Status of a pool the fleet has read, nil otherwise.
    public func poolStatus(pid: UInt64) -> PoolStatus? {
        guard let pool = pools[pid] else { return nil }
        let mean = meanComputingShare()
        let members = workers.values.filter { $0.pid == pid }
        let statuses = members.compactMap { status(of: $0.key, meanShare: mean) }
        return poolStatus(pool, memberStatuses: statuses)
    }

    /// Statuses of all pools read, worst risk first, then by pid.
    public func poolStatuses() -> [PoolStatus] {
        let mean = meanComputingShare()
        var byPool: [UInt64: [WorkerStatus]] = [:]
        for key in workers.keys {
            guard let s = status(of: key, meanShare: mean), let pid = s.pid else { continue }
            byPool[pid, default: []].append(s)
        }
        return pools.values.map { poolStatus($0, memberStatuses: byPool[$0.pid] ?? []) }.sorted {
            $0.risk.level != $1.risk.level ? $0.risk.level > $1.risk.level : $0.pid < $1.pid
        }
    }

    func poolStatus(_ pool: StakePool, memberStatuses: [WorkerStatus]) -> PoolStatus {
        var totals = PoolMemberTotals()
        for s in memberStatuses { totals.add(s) }
        return poolStatus(pool, totals: totals, coolingMembers: memberStatuses.lazy.filter { $0.state == .workerCoolingDown })
    }

    /// A pool's status from its members' totals and its cooling-down members
    /// (the only ones whose own numbers matter), so `FleetStatusCache` can
    /// keep the totals by deltas instead of walking every member.
    func poolStatus(_ pool: StakePool, totals: PoolMemberTotals, coolingMembers: some Sequence<WorkerStatus>) -> PoolStatus {
        let now = nowSec
        let base = pool.basepool
        let withdrawals = base.withdrawQueue.map { w -> PoolStatus.Withdrawal in
            let deadline = w.startTimeSec.addingReportingOverflow(ChainConstants.gracePeriodSec).partialValue
            return PoolStatus.Withdrawal(
                user: w.user, startTimeSec: w.startTimeSec, deadlineSec: deadline,
                remainingSec: now.map { deadline > $0 ? deadline - $0 : 0 },
                valuePlanck: shareValue(w.shares, pool: base))
        }
        // Stake freed by cool-downs that end before the oldest deadline.
        var releasing: UInt128 = 0
        if let first = withdrawals.first {
            for s in coolingMembers where s.state == .workerCoolingDown {
                if let cd = s.coolDown, cd.endsAtSec <= first.deadlineSec {
                    releasing = releasing.addingReportingOverflow(s.stakePlanck ?? 0).partialValue
                }
            }
        }
        let coverage: PoolStatus.Coverage
        if let first = withdrawals.first {
            let available = pool.freeStakePlanck.addingReportingOverflow(releasing).partialValue
            if let value = first.valuePlanck, value > 0 {
                coverage = available >= value ? .covered : .uncovered(shortfallPlanck: value - available)
            } else {
                coverage = .uncovered(shortfallPlanck: nil)
            }
        } else {
            coverage = .noWithdrawals
        }
        var status = PoolStatus(
            pid: pool.pid, owner: pool.owner, workerCount: pool.workers.count,
            coolingDownCount: pool.cdWorkers.count,
            computingWatched: totals.computing,
            totalStakePlanck: base.totalValue, freeStakePlanck: pool.freeStakePlanck,
            lockedStakePlanck: totals.lockedPlanck, ownerRewardsPlanck: pool.ownerRewardsPlanck,
            withdrawals: withdrawals, coverage: coverage, releasingStakePlanck: releasing,
            ownerGasPlanck: gasBalances[pool.owner], workerRiskCounts: totals.riskCounts, risk: .none)
        status.risk = assessPoolRisk(status, pool: pool)
        return status
    }

    /// Value of `shares` at the pool's share price (`total_value/total_shares`).
    func shareValue(_ shares: UInt128, pool: BasePool) -> UInt128? {
        guard shares > 0, pool.totalShares > 0 else { return nil }
        let (high, low) = shares.multipliedFullWidth(by: pool.totalValue)
        guard high < pool.totalShares else { return nil }
        return pool.totalShares.dividingFullWidth((high: high, low: low)).quotient
    }

    func assessPoolRisk(_ s: PoolStatus, pool: StakePool) -> RiskAssessment {
        var risk = RiskAssessment.none
        if !pool.workers.isEmpty, pool.cdWorkers.count >= pool.workers.count {
            risk = RiskAssessment(.stopped, "all \(pool.workers.count) workers cooling down")
        }
        if let first = s.withdrawals.first, case .uncovered(let shortfall) = s.coverage {
            let amount = shortfall.map { " (short by \(PHA.format($0)))" } ?? ""
            let own: RiskAssessment
            if let left = first.remainingSec {
                if left == 0 {
                    own = RiskAssessment(.losing, "oldest withdrawal waited over 7 days uncovered\(amount): anyone can force-stop all workers now")
                } else if left <= config.risk.poolAtRiskSeconds {
                    own = RiskAssessment(.atRisk, "oldest withdrawal uncovered\(amount): forced stop possible in \(Durations.text(seconds: left))")
                } else {
                    own = RiskAssessment(.watch, "oldest withdrawal uncovered\(amount): forced stop possible in \(Durations.text(seconds: left))")
                }
            } else {
                own = RiskAssessment(.watch, "withdrawal queued\(amount); chain time unknown")
            }
            risk = .worst(risk, own)
        } else if s.coverage == .covered {
            risk = .worst(risk, RiskAssessment(.watch, "\(s.withdrawals.count) withdrawal(s) queued, covered by free and releasing stake"))
        }
        let losing = s.workerRiskCounts[.losing] ?? 0
        let atRisk = s.workerRiskCounts[.atRisk] ?? 0
        let watch = s.workerRiskCounts[.watch] ?? 0
        let stopped = s.workerRiskCounts[.stopped] ?? 0
        if losing > 0 { risk = .worst(risk, RiskAssessment(.losing, "\(losing) worker(s) losing rewards")) }
        if atRisk > 0 { risk = .worst(risk, RiskAssessment(.atRisk, "\(atRisk) worker(s) at risk")) }
        if watch + stopped > 0 {
            risk = .worst(risk, RiskAssessment(.watch, "\(watch) worker(s) to watch, \(stopped) cooling down"))
        }
        if let gas = s.ownerGasPlanck, gas < config.risk.lowGasPlanck {
            risk = .worst(risk, RiskAssessment(.watch, "owner gas balance low: \(PHA.format(gas))"))
        }
        return risk
    }
}

/// The sums a pool's status takes from its watched members: locked stake
/// (wrapping, like the full walk), computing members, members per risk
/// level. Sums, so a member's change is one `remove` and one `add`.
struct PoolMemberTotals: Hashable, Sendable {
    var lockedPlanck: UInt128 = 0
    var computing = 0
    /// Only levels with members (a level that drops to 0 is removed).
    var riskCounts: [RiskLevel: Int] = [:]

    mutating func add(_ s: WorkerStatus) {
        lockedPlanck = lockedPlanck.addingReportingOverflow(s.stakePlanck ?? 0).partialValue
        if s.state?.isComputing == true { computing += 1 }
        riskCounts[s.risk.level, default: 0] += 1
    }

    mutating func remove(_ s: WorkerStatus) {
        lockedPlanck = lockedPlanck.subtractingReportingOverflow(s.stakePlanck ?? 0).partialValue
        if s.state?.isComputing == true { computing -= 1 }
        let n = (riskCounts[s.risk.level] ?? 0) - 1
        riskCounts[s.risk.level] = n > 0 ? n : nil
    }
}
