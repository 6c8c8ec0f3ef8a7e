import Scale

/// PhalaStakePoolv2 and PhalaComputation session rules (PROTOCOL.md §2):
/// who may call, which state is required, what changes and which events fire.
/// Every check runs before any write, and the caller restores state on error.
extension DevnetChain {
    static let minInitP: UInt32 = 50
    static let maxPoolWorkers = 200

    func pool(_ pid: UInt64, ownedBy caller: [UInt8]?) throws(DispatchError) -> StakePool {
        guard let pool = state.pools[pid] else { throw DevnetErrors.module("PhalaStakePoolv2", "PoolDoesNotExist") }
        if let caller, pool.owner != caller { throw DevnetErrors.module("PhalaStakePoolv2", "UnauthorizedPoolOwner") }
        return pool
    }

    func boundSession(pid: UInt64, worker: [UInt8]) throws(DispatchError) -> (Int, [UInt8], SessionInfo) {
        guard let i = state.simIndexByPubkey[worker], state.workerInfos[worker] != nil else {
            throw DevnetErrors.module("PhalaStakePoolv2", "WorkerNotRegistered")
        }
        guard state.sims[i].pid == pid, let session = state.sims[i].session, let info = state.sessions[session] else {
            throw DevnetErrors.module("PhalaStakePoolv2", "WorkerDoesNotExist")
        }
        return (i, session, info)
    }

    /// `create()`: a new pool owned by the caller.
    func createPool(owner: [UInt8]) {
        let pid = UInt64(state.pools.count)
        let pool = StakePool(pid: pid, owner: owner, totalShares: 0, totalValue: 0, cid: UInt32(pid),
                             poolAccount: DerivedAccount.pool(tag: "sp/", pid: pid, owner: owner),
                             payoutCommissionPerMillion: nil, capPlanck: nil, workers: [], coolDownWorkers: [],
                             lockAccount: DerivedAccount.pool(tag: "sl/", pid: pid, owner: owner),
                             ownerRewardAccount: DerivedAccount.pool(tag: "so/", pid: pid, owner: owner))
        state.putPool(pool)
        state.storage.set(DevnetKeys.poolCount, scaleEncoded(UInt64(state.pools.count)))
        state.deposit(.poolCreated(owner: owner, pid: pid, cid: pool.cid, poolAccount: pool.poolAccount))
    }

    /// `add_worker(pid, pubkey)`: owner only, and the owner must be the worker's operator.
    func addWorker(pid: UInt64, worker: [UInt8], caller: [UInt8]? = nil) throws(DispatchError) {
        var pool = try pool(pid, ownedBy: caller)
        guard let info = state.workerInfos[worker], let i = state.simIndexByPubkey[worker] else {
            throw DevnetErrors.module("PhalaStakePoolv2", "WorkerNotRegistered")
        }
        guard info.initialScore != nil else { throw DevnetErrors.module("PhalaStakePoolv2", "BenchmarkMissing") }
        guard info.operatorAccount == pool.owner else { throw DevnetErrors.module("PhalaStakePoolv2", "UnauthorizedOperator") }
        if let other = state.sims[i].pid {
            throw DevnetErrors.module("PhalaStakePoolv2", other == pid ? "WorkerExists" : "WorkerInAnotherPool")
        }
        guard pool.workers.count < Self.maxPoolWorkers else { throw DevnetErrors.module("PhalaStakePoolv2", "WorkersExceedLimit") }
        let session = DerivedAccount.session(pid: pid, worker: worker)
        pool.workers.append(worker)
        state.putPool(pool)
        state.sims[i].pid = pid
        state.sims[i].session = session
        state.simIndexBySession[session] = i
        state.bind(worker: worker, session: session, pid: pid)
        state.putSession(session, .ready(nowSeconds: state.nowSeconds))
        state.deposit(.sessionBound(session: session, worker: worker))
        state.deposit(.poolWorkerAdded(pid: pid, worker: worker, session: session))
    }

    /// `start_computing(pid, worker, stake)`: owner only; enough free stake;
    /// session Ready; score ≥ MinInitP; stake ≥ k·√p; Ve ≤ v_max (§2). The
    /// free-stake check comes first, as in the pallet's `do_start_computing`
    /// (owner, free stake, worker in pool, then the computation rules).
    func startComputing(pid: UInt64, worker: [UInt8], stakePlanck: UInt128, caller: [UInt8]? = nil) throws(DispatchError) {
        var pool = try pool(pid, ownedBy: caller)
        guard (state.wpha[pool.poolAccount] ?? 0) >= stakePlanck else {
            throw DevnetErrors.module("PhalaStakePoolv2", "InsufficientFreeStake")
        }
        let (i, session, info) = try boundSession(pid: pid, worker: worker)
        guard info.state == .ready else { throw DevnetErrors.module("PhalaComputation", "WorkerNotReady") }
        guard let p = state.workerInfos[worker]?.initialScore else { throw DevnetErrors.module("PhalaComputation", "BenchmarkMissing") }
        guard p >= Self.minInitP else { throw DevnetErrors.module("PhalaComputation", "BenchmarkTooLow") }
        let t = state.tokenomic
        let stakePHA = Double(stakePlanck) / 1e12
        guard stakePHA >= TokenomicParameters.value(t.k) * Double(p).squareRoot() else {
            throw DevnetErrors.module("PhalaComputation", "InsufficientStake")
        }
        let conf = Self.confidenceScore(state.sims[i].confidenceLevel)
        let ve = (1 + conf * (TokenomicParameters.value(t.re) - 1))
            * (stakePHA + TokenomicParameters.value(t.rigK) * Double(p) + TokenomicParameters.value(t.rigB))
        guard ve <= TokenomicParameters.value(t.vMax) else { throw DevnetErrors.module("PhalaComputation", "TooMuchStake") }
        try state.transferWPHA(from: pool.poolAccount, to: pool.lockAccount, amount: stakePlanck)
        pool.coolDownWorkers.removeAll { $0 == worker }
        state.putPool(pool)
        let sessionId = state.nextSessionId
        state.nextSessionId += 1
        state.storage.set(DevnetKeys.nextSessionId, scaleEncoded(state.nextSessionId))
        let veBits = TokenomicParameters.bits(ve)
        state.putSession(session, SessionInfo(
            state: .workerIdle, veBits: veBits, vBits: veBits, vUpdatedAtSeconds: state.nowSeconds,
            benchmark: Benchmark(pInit: p, pInstant: p, iterations: 0, workingStartSeconds: state.nowSeconds,
                                 challengeTimeLastSeconds: 0),
            coolDownStartSeconds: 0, totalRewardPlanck: info.totalRewardPlanck))
        state.putStake(session, stakePlanck)
        state.putOnlineWorkers(state.onlineWorkers + 1)
        var sim = state.sims[i]
        sim.sessionId = sessionId
        sim.v = ve
        sim.deductible = 0
        sim.unresponsive = false
        sim.pendingChallenges = []
        sim.missed = []
        sim.lastPayoutBlock = headNumberOrZero
        sim.workingStartMs = state.nowMs
        sim.pInstant = p
        state.sims[i] = sim
        state.deposit(.workerStarted(session: session, initV: veBits, initP: p))
        state.deposit(.workingStarted(pid: pid, worker: worker, amount: stakePlanck))
    }

    var headNumberOrZero: UInt32 { blocks.head?.header.number ?? 0 }

    /// `stop_computing(pid, worker)`: owner only; Idle/Unresponsive → CoolingDown.
    func stopComputing(pid: UInt64, worker: [UInt8], caller: [UInt8]?) throws(DispatchError) {
        var pool = try pool(pid, ownedBy: caller)
        let (i, session, info) = try boundSession(pid: pid, worker: worker)
        guard info.state.isComputing else { throw DevnetErrors.module("PhalaComputation", "WorkerNotComputing") }
        var next = info
        next.state = .workerCoolingDown
        next.coolDownStartSeconds = state.nowSeconds
        next.vBits = TokenomicParameters.bits(state.sims[i].v)
        next.vUpdatedAtSeconds = state.nowSeconds
        state.putSession(session, next)
        state.putOnlineWorkers(state.onlineWorkers - 1)
        if !pool.coolDownWorkers.contains(worker) { pool.coolDownWorkers.append(worker) }
        state.putPool(pool)
        state.sims[i].pendingChallenges = []
        state.sims[i].unresponsive = false
        state.deposit(.workerStopped(session: session))
    }

    /// `reclaim_pool_worker(pid, worker)`: anyone, once CoolDownPeriod has passed; stake returns to the pool.
    func reclaim(pid: UInt64, worker: [UInt8], caller: [UInt8]?) throws(DispatchError) {
        var pool = try pool(pid, ownedBy: nil)
        let (_, session, info) = try boundSession(pid: pid, worker: worker)
        guard info.state == .workerCoolingDown else { throw DevnetErrors.module("PhalaComputation", "WorkerNotComputing") }
        guard state.nowSeconds - info.coolDownStartSeconds >= config.coolDownSeconds else {
            throw DevnetErrors.module("PhalaComputation", "CoolDownNotReady")
        }
        try releaseStake(&pool, worker: worker, session: session, info: info)
        state.putPool(pool)
        state.deposit(.poolWorkerReclaimed(pid: pid, worker: worker))
    }

    func releaseStake(_ pool: inout StakePool, worker: [UInt8], session: [UInt8], info: SessionInfo) throws(DispatchError) {
        let stake = state.stakes[session] ?? 0
        try state.transferWPHA(from: pool.lockAccount, to: pool.poolAccount, amount: stake)
        var next = info
        next.state = .ready
        state.putSession(session, next)
        state.putStake(session, nil)
        pool.coolDownWorkers.removeAll { $0 == worker }
        state.deposit(.workerReclaimed(session: session, originalStake: stake, slashed: 0))
    }

    /// `restart_computing(pid, worker, stake)`: owner; stop and reclaim at once, then start with a larger stake.
    func restartComputing(pid: UInt64, worker: [UInt8], stakePlanck: UInt128, caller: [UInt8]?) throws(DispatchError) {
        var pool = try pool(pid, ownedBy: caller)
        let (_, session, info) = try boundSession(pid: pid, worker: worker)
        guard info.state.isComputing else { throw DevnetErrors.module("PhalaComputation", "WorkerNotComputing") }
        guard stakePlanck > (state.stakes[session] ?? 0) else {
            throw DevnetErrors.module("PhalaStakePoolv2", "CannotRestartWithLessStake")
        }
        try stopComputing(pid: pid, worker: worker, caller: caller)
        pool = state.pools[pid] ?? pool
        try releaseStake(&pool, worker: worker, session: session, info: state.sessions[session] ?? info)
        state.putPool(pool)
        try startComputing(pid: pid, worker: worker, stakePlanck: stakePlanck, caller: caller)
    }

    /// `remove_worker(pid, worker)`: owner; the session must be Ready.
    func removeWorker(pid: UInt64, worker: [UInt8], caller: [UInt8]?) throws(DispatchError) {
        var pool = try pool(pid, ownedBy: caller)
        let (i, session, info) = try boundSession(pid: pid, worker: worker)
        guard info.state == .ready else { throw DevnetErrors.module("PhalaStakePoolv2", "WorkerIsNotReady") }
        pool.workers.removeAll { $0 == worker }
        state.putPool(pool)
        state.unbind(worker: worker, session: session)
        state.sims[i].pid = nil
        state.sims[i].session = nil
        state.simIndexBySession[session] = nil
        state.deposit(.sessionUnbound(session: session, worker: worker))
        state.deposit(.poolWorkerRemoved(pid: pid, worker: worker))
    }

    /// `contribute(pid, amount, as_vault)`: W-PHA from the caller into the pool (1 share per planck).
    func contribute(pid: UInt64, amountPlanck: UInt128, caller: [UInt8]) throws(DispatchError) {
        var pool = try pool(pid, ownedBy: nil)
        guard amountPlanck >= 10_000_000_000 else { throw DevnetErrors.module("PhalaStakePoolv2", "InsufficientContribution") }
        // Contributions are paid in PHA and wrapped on the fly (PhalaWrappedBalances).
        try state.transferPHA(from: caller, to: pool.poolAccount, amount: amountPlanck)
        state.putWPHA(pool.poolAccount, (state.wpha[pool.poolAccount] ?? 0) + amountPlanck)
        pool.totalShares += amountPlanck
        pool.totalValue += amountPlanck
        state.putPool(pool)
        state.deposit(.contribution(pid: pid, user: caller, amount: amountPlanck, shares: amountPlanck))
    }

    /// conf_score of PROTOCOL.md §4.4: levels 1-3 → 1.0, 4 → 0.8, 5 → 0.7.
    static func confidenceScore(_ level: UInt8) -> Double {
        switch level {
        case 4: return 0.8
        case 5: return 0.7
        default: return 1.0
        }
    }
}
