/// Builds `WorkerStatus` snapshots from the fleet at its current block.
extension Fleet {
    /// The status of one watched worker, nil if it is not watched.
    public func status(of key: WorkerKey) -> WorkerStatus? {
        status(of: key, meanShare: meanComputingShare())
    }

    /// Statuses of all watched workers, worst risk first, then by key.
    public func statuses() -> [WorkerStatus] {
        let mean = meanComputingShare()
        let all = workers.keys.compactMap { status(of: $0, meanShare: mean) }
        // Sort small (level, key, index) triples, not the large status structs.
        let order = all.indices.map { (level: all[$0].risk.level, key: all[$0].key, index: $0) }.sorted {
            $0.level != $1.level ? $0.level > $1.level : $0.key < $1.key
        }
        return order.map { all[$0.index] }
    }

    func status(of key: WorkerKey, meanShare: Double?) -> WorkerStatus? {
        guard let record = workers[key] else { return nil }
        let sessionRecord = record.session.flatMap { sessions[$0] }
        let info = sessionRecord?.info
        let block = currentBlock ?? 0
        let health = heartbeatHealth(record, at: block)
        let coolDown = coolDownCountdown(sessionRecord)
        let penalty = penaltyProjection(record, sessionRecord, at: block, meanShare: meanShare)
        var status = WorkerStatus(
            key: key,
            registration: registrationState(record),
            notReadyReasons: [],
            session: record.session,
            pid: record.pid,
            state: info?.state,
            stakePlanck: sessionRecord?.stakePlanck,
            v: info?.v, ve: info?.ve,
            pInit: info.map(\.benchmark.pInit).flatMap { $0 > 0 ? $0 : nil } ?? record.info?.initialScore,
            pInstant: record.lastPInstant ?? info?.benchmark.pInstant,
            heartbeat: health,
            penalty: penalty,
            coolDown: coolDown,
            unresponsiveSpells: sessionRecord?.unresponsiveSpells ?? 0,
            lastRecoveredBlock: sessionRecord?.lastRecoveredBlock,
            lastEvent: WorkerEvent.newer(record.lastEvent, sessionRecord?.lastEvent),
            risk: .none)
        status.notReadyReasons = notReadyReasons(record, info: info, coolDown: coolDown)
        status.risk = assessRisk(status, sessionRecord: sessionRecord, at: block)
        return status
    }

    func registrationState(_ record: WorkerRecord) -> RegistrationState {
        guard record.infoObserved else { return .notLoaded }
        guard let info = record.info else { return .unknownToChain }
        return .registered(Registration(info: info, nowSec: nowSec))
    }

    func heartbeatHealth(_ record: WorkerRecord, at block: UInt32) -> HeartbeatHealth {
        let tracker = record.heartbeat
        let window = heartbeatWindowBlocks
        let age = tracker.oldestPendingAge(at: block)
        let deadline = tracker.oldestPending.map { Int($0) + Int(window) - Int(block) }
        return HeartbeatHealth(
            pendingChallenges: tracker.pending,
            oldestPendingAgeBlocks: age,
            heartbeatWindowBlocks: window,
            blocksUntilDeadline: deadline,
            gatekeeperWouldFlag: tracker.oldestPending != nil && age > Int(window),
            lastHeartbeatBlock: tracker.lastHeartbeatBlock,
            blocksSinceLastHeartbeat: tracker.lastHeartbeatBlock.map { Swift.max(0, Int(block) - Int($0)) },
            intervals: tracker.intervalStats,
            latencies: tracker.latencyStats,
            expectedIntervalBlocks: expectedChallengeIntervalBlocks,
            challengeCount: tracker.challengeCount,
            heartbeatCount: tracker.heartbeatCount)
    }

    func coolDownCountdown(_ session: SessionRecord?) -> CoolDownCountdown? {
        guard let session, let info = session.info, info.state == .workerCoolingDown, let now = nowSec else { return nil }
        var start = info.coolDownStartSec
        if start == 0, let stopped = session.stoppedAtBlock, let ms = timestampMs(of: stopped) { start = ms / 1000 }
        return CoolDownCountdown(startSec: start, periodSec: effectiveCoolDownSec, nowSec: now)
    }

    func penaltyProjection(_ record: WorkerRecord, _ session: SessionRecord?, at block: UInt32,
                           meanShare: Double?) -> PenaltyProjection? {
        guard let session, let info = session.info, info.state.isComputing else { return nil }
        let params = tokenomics ?? .genesisDefault
        // Exact per-block steps only where V is really decaying; an idle
        // worker's "what if" projection uses the closed form (cheap for 10k).
        let exactSteps = info.state == .workerUnresponsive ? Int(ChainConstants.blocksPerHour) : 0
        let hour = PenaltyMath.vAfterUnresponsive(info.v, slashRate: params.slashRate,
                                                  blocks: Int(ChainConstants.blocksPerHour), exactSteps: exactSteps)
        let day = PenaltyMath.vAfterUnresponsive(hour, slashRate: params.slashRate, blocks: 7_200 - 300, exactSteps: 0)
        let share = PenaltyMath.share(v: info.v, pInstant: record.lastPInstant ?? info.benchmark.pInstant,
                                      confidenceLevel: record.info?.confidenceLevel ?? 1)
        let spell = session.currentSpellBlocks(at: block)
        return PenaltyProjection(
            v: info.v, ve: info.ve, slashRatePerBlock: params.slashRate,
            vAfterOneHour: hour, vAfterOneDay: day, vLossPerHour: info.v.subtracting(hour),
            rewardsForgonePerHourPlanck: estimatedTotalShare(share: share, meanShare: meanShare).map {
                PenaltyMath.rewardsPerHourPlanck(share: share, totalShare: $0, parameters: params)
            },
            currentSpellBlocks: spell,
            totalUnresponsiveBlocks: session.unresponsiveBlocks(at: block),
            currentSpellSec: UInt64(spell) * UInt64(config.blockTimeSec))
    }

    /// Σshare of all online workers, estimated as `OnlineWorkers` × the mean
    /// share of this fleet's computing workers (at least `share` itself).
    func estimatedTotalShare(share: Double, meanShare: Double?) -> Double? {
        guard let online = onlineWorkers, online > 0 else { return nil }
        return Swift.max(share, (meanShare ?? share) * Double(online))
    }

    /// Mean `share` of the watched workers that are computing; nil if none.
    func meanComputingShare() -> Double? {
        var sum = 0.0, count = 0
        for (_, record) in workers {
            guard let s = record.session.flatMap({ sessions[$0] }), let info = s.info, info.state.isComputing else { continue }
            sum += PenaltyMath.share(v: info.v, pInstant: record.lastPInstant ?? info.benchmark.pInstant,
                                     confidenceLevel: record.info?.confidenceLevel ?? 1)
            count += 1
        }
        return count > 0 ? sum / Double(count) : nil
    }
}
