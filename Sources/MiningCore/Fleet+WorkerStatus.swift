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
        workers[key].map { status(of: $0, meanShare: meanShare) }
    }

    func status(of record: WorkerRecord, meanShare: Double?) -> WorkerStatus {
        let key = record.key
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
            blocksSinceLastHeartbeat: Self.blocksSince(tracker.lastHeartbeatBlock, at: block),
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
        let share = Self.share(info, record)
        let spell = session.currentSpellBlocks(at: block)
        return PenaltyProjection(
            v: info.v, ve: info.ve, slashRatePerBlock: params.slashRate,
            vAfterOneHour: hour, vAfterOneDay: day, vLossPerHour: info.v.subtracting(hour),
            rewardsForgonePerHourPlanck: rewardsForgonePerHour(share: share, meanShare: meanShare),
            currentSpellBlocks: spell,
            totalUnresponsiveBlocks: session.unresponsiveBlocks(at: block),
            currentSpellSec: UInt64(spell) * UInt64(config.blockTimeSec))
    }

    /// Blocks from `last` to `block` (nil before the first heartbeat).
    static func blocksSince(_ last: UInt32?, at block: UInt32) -> Int? {
        last.map { Swift.max(0, Int(block) - Int($0)) }
    }

    /// A computing worker's `share` (§4.4) from its session and record.
    static func share(_ info: SessionInfo, _ record: WorkerRecord) -> Double {
        PenaltyMath.share(v: info.v, pInstant: record.lastPInstant ?? info.benchmark.pInstant,
                          confidenceLevel: record.info?.confidenceLevel ?? 1)
    }

    /// Rewards a worker with `share` earns per hour while responsive (what it
    /// forgoes while not), nil without `OnlineWorkers`.
    func rewardsForgonePerHour(share: Double, meanShare: Double?) -> UInt128? {
        estimatedTotalShare(share: share, meanShare: meanShare).map {
            PenaltyMath.rewardsPerHourPlanck(share: share, totalShare: $0, parameters: tokenomics ?? .genesisDefault)
        }
    }

    /// Σshare of all online workers, estimated as `OnlineWorkers` × the mean
    /// share of this fleet's computing workers (at least `share` itself).
    func estimatedTotalShare(share: Double, meanShare: Double?) -> Double? {
        guard let online = onlineWorkers, online > 0 else { return nil }
        return Swift.max(share, (meanShare ?? share) * Double(online))
    }

    /// The share of `record`'s worker if its session is computing, else nil.
    func computingShare(_ record: WorkerRecord) -> Double? {
        guard let s = record.session.flatMap({ sessions[$0] }), let info = s.info, info.state.isComputing else { return nil }
        return Self.share(info, record)
    }

    /// Mean `share` of the watched workers that are computing; nil if none.
    /// Summed as integers of 2^-20 (`quantizedShare`): exact and independent
    /// of the order the workers are visited in, so `FleetStatusCache` keeps
    /// the same mean by adding and removing one worker's share at a time.
    func meanComputingShare() -> Double? {
        var sum: UInt128 = 0, count = 0
        workers.forEachEntry { _, record in
            guard let share = computingShare(record) else { return }
            sum &+= UInt128(Self.quantizedShare(share))
            count += 1
        }
        return Self.meanShare(quantizedSum: sum, count: count)
    }

    /// `share` in units of 2^-20, clamped to 0...2^62 (a share is a few thousand).
    static func quantizedShare(_ share: Double) -> UInt64 {
        guard share.isFinite, share > 0 else { return 0 }
        let scaled = (share * 1_048_576).rounded()
        return scaled >= 4.6e18 ? 1 << 62 : UInt64(scaled)
    }

    static func meanShare(quantizedSum: UInt128, count: Int) -> Double? {
        count > 0 ? Double(quantizedSum) / 1_048_576 / Double(count) : nil
    }
}
