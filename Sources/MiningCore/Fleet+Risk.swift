/// Per-worker readiness and risk rules (§2, §4.3-§4.5), in words.
extension Fleet {
    /// Why the worker cannot start computing now (empty: it can, or it runs).
    func notReadyReasons(_ record: WorkerRecord, info: SessionInfo?, coolDown: CoolDownCountdown?) -> [NotReadyReason] {
        var reasons: [NotReadyReason] = []
        guard record.infoObserved else { return [.registrationUnknown] }
        guard let worker = record.info else { return [.notRegistered] }
        if let state = info?.state, state.isComputing { return [.alreadyComputing(state)] }
        if info?.state == .workerCoolingDown { return [.coolingDown(remainingSec: coolDown?.remainingSec ?? 0)] }
        switch worker.initialScore {
        case nil: reasons.append(.benchmarkPending)
        case let score? where score < ChainConstants.minInitialScore:
            reasons.append(.scoreBelowMinimum(score: score, minimum: ChainConstants.minInitialScore))
        default: break
        }
        guard let pid = record.pid else {
            if worker.operator_ == nil { reasons.append(.noOperator) }
            reasons.append(.notInPool)
            return reasons
        }
        guard let pool = pools[pid] else { return reasons + [.poolUnknown(pid: pid)] }
        if let op = worker.operator_ {
            if op != pool.owner { reasons.append(.operatorNotPoolOwner(operator_: op, owner: pool.owner)) }
        } else {
            reasons.append(.noOperator)
        }
        if info == nil { reasons.append(.sessionUnknown) }
        if let score = worker.initialScore, let needed = minimumStakePlanck(initialScore: score),
           pool.freeStakePlanck < needed {
            reasons.append(.insufficientFreeStake(freePlanck: pool.freeStakePlanck, neededPlanck: needed))
        }
        return reasons
    }

    /// `start_computing` needs stake ≥ `k·√p` PHA (§2); estimated in Double.
    public func minimumStakePlanck(initialScore: UInt32) -> UInt128? {
        guard let k = tokenomics?.k.doubleValue, k > 0 else { return nil }
        let pha = k * Double(initialScore).squareRoot()
        let planck = (pha * 1e12).rounded(.up)
        guard planck.isFinite, planck >= 0, planck < 1e38 else { return nil }
        return UInt128(planck)
    }

    /// The largest stake `start_computing` accepts (§2): the initial
    /// `Ve = (1 + conf·(re−1))·(stake + rig_k·p + rig_b)` must stay ≤ `v_max`,
    /// conf_score 1.0 for confidence levels 1-3, 0.8 for 4, 0.7 for 5 (§4.4).
    /// Estimated in Double; nil when the chain's parameters are unknown.
    public func maximumStakePlanck(initialScore: UInt32, confidenceLevel: UInt8) -> UInt128? {
        guard let t = tokenomics else { return nil }
        let conf: Double = confidenceLevel == 4 ? 0.8 : (confidenceLevel == 5 ? 0.7 : 1.0)
        let factor = 1 + conf * (t.re.doubleValue - 1)
        guard factor > 0 else { return nil }
        let pha = t.vMax.doubleValue / factor - t.rigK.doubleValue * Double(initialScore) - t.rigB.doubleValue
        let planck = (pha * 1e12).rounded(.down)
        guard planck.isFinite, planck < 1e38 else { return nil }
        return planck <= 0 ? 0 : UInt128(planck)
    }

    /// One risk level with its reason (§4.3-§4.6).
    func assessRisk(_ status: WorkerStatus, sessionRecord: SessionRecord?, at block: UInt32) -> RiskAssessment {
        let policy = config.risk
        let health = status.heartbeat
        let window = health.heartbeatWindowBlocks
        switch status.state {
        case .workerCoolingDown?:
            if let cd = status.coolDown {
                return RiskAssessment(.stopped, cd.reclaimable
                    ? "stopped; cool-down over, reclaim to return the stake"
                    : "stopped; cooling down, reclaimable in \(Durations.text(seconds: cd.remainingSec))")
            }
            return RiskAssessment(.stopped, "stopped; cooling down")
        case .workerUnresponsive?:
            var reason = "unresponsive for \(Durations.text(blocks: status.penalty?.currentSpellBlocks ?? 0, blockTimeSec: config.blockTimeSec))"
            if let p = status.penalty {
                reason += "; V −\(formatV(p.vLossPerHour))/h"
                if let r = p.rewardsForgonePerHourPlanck { reason += ", ≈\(PHA.format(r, .init(maxFractionDigits: 2)))/h rewards forgone" }
            }
            return RiskAssessment(.losing, reason)
        case .workerIdle?:
            if let oldest = health.pendingChallenges.first {
                let age = health.oldestPendingAgeBlocks
                if health.gatekeeperWouldFlag {
                    return RiskAssessment(.losing, "challenge of block \(oldest) unanswered for \(age) blocks > window \(window): the gatekeeper marks it unresponsive")
                }
                let left = health.blocksUntilDeadline ?? 0
                if age >= policy.threshold(policy.atRiskFraction, of: window) {
                    return RiskAssessment(.atRisk, "challenge of block \(oldest) unanswered for \(age) of \(window) blocks; the answer must land by block \(Int(oldest) + Int(window)) (\(left) left)")
                }
                if age >= policy.threshold(policy.watchFraction, of: window) {
                    return RiskAssessment(.watch, "challenge of block \(oldest) waiting \(age) of \(window) blocks")
                }
            }
            if let recovered = sessionRecord?.lastRecoveredBlock,
               Int(block) - Int(recovered) < Int(policy.recentRecoveryBlocks) {
                return RiskAssessment(.watch, "recovered from unresponsive at block \(recovered)")
            }
            if let p95 = health.latencies.p95, p95 >= policy.threshold(policy.atRiskFraction, of: window) {
                return RiskAssessment(.watch, "slow answers: p95 latency \(p95) of \(window) blocks")
            }
            if let last = health.lastHeartbeatBlock {
                return RiskAssessment(.none, "computing; last heartbeat at block \(last)")
            }
            return RiskAssessment(.none, "computing")
        default:
            if let first = status.notReadyReasons.first { return RiskAssessment(.none, "not computing: \(first)") }
            return RiskAssessment(.none, status.state == .ready ? "ready to compute" : "not computing")
        }
    }

    private func formatV(_ v: U64F64) -> String {
        let x = v.doubleValue
        return x >= 100 ? String(Int(x.rounded())) : String((x * 1000).rounded() / 1000)
    }
}
