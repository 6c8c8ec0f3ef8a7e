/// How each observation changes the fleet (§1-§4). Every rule keeps time
/// moving forward: the current block only grows, state set by an older
/// block never overwrites state set by a newer one, and a same-block state
/// change re-runs that block's challenge so arrival order inside a block
/// does not matter.
extension Fleet {
    mutating func reduce(_ observation: Observation) {
        switch observation {
        case .watchListChanged(let keys):
            setWatchList(keys)
        case .connectionChanged(let state):
            connection = state
        case .blockObserved(let number, let hash, let timestampMs):
            observeBlock(number, hash: hash, timestampMs: timestampMs)
        case .challengeIssued(let challenge):
            issue(challenge)
        case .heartbeatLanded(let report):
            heartbeatLanded(worker: report.worker, challengeBlock: report.challengeBlock, block: report.block, pInstant: nil)
        case .benchmarkUpdated(let session, let pInstant, let block):
            if let worker = sessionOwners[session] {
                heartbeatLanded(worker: worker, challengeBlock: nil, block: block, pInstant: pInstant)
            }
        case .workerInfoChanged(let worker, let info, let block):
            guard workers.contains(worker) else { return }
            let wasRegistered = workers[worker]?.info != nil
            workers[worker]?.infoObserved = true
            workers[worker]?.info = info
            if info != nil, !wasRegistered { workers[worker]?.note(.registered, at: block) }
            if info == nil, wasRegistered { workers[worker]?.note(.deregistered, at: block) }
        case .bindingChanged(let worker, let session, let block):
            bind(worker, to: session, at: block)
        case .sessionChanged(let session, let info, let block):
            updateSession(session, at: block) { record in
                guard block >= record.stateAsOfBlock else { return }
                record.stateAsOfBlock = block
                record.info = info
            }
        case .stakeChanged(let session, let stakePlanck, let block):
            updateSession(session, at: block) { $0.stakePlanck = stakePlanck }
        case .assignmentChanged(let worker, let pid, let block):
            assign(worker, to: pid, at: block)
        case .poolChanged(let pid, let pool, _):
            pools[pid] = pool
        case .workerStarted(let session, let initV, let initP, let block):
            updateSession(session, at: block) { record in
                guard block >= record.stateAsOfBlock else { return }
                record.stateAsOfBlock = block
                var info = record.info ?? SessionInfo(state: .workerIdle, ve: initV, v: initV,
                                                      benchmark: Benchmark(pInit: initP, pInstant: initP))
                info.state = .workerIdle
                info.ve = initV
                info.v = initV
                info.benchmark.pInit = initP
                record.info = info
                record.startedAtBlock = block
                record.stoppedAtBlock = nil
                record.endUnresponsive(at: block, recovered: false)
                record.note(.started, at: block)
            }
        case .workerStopped(let session, let block):
            updateSession(session, at: block) { record in
                record.setState(.workerCoolingDown, at: block, template: Self.placeholderSession)
                if record.stateAsOfBlock == block {
                    record.stoppedAtBlock = block
                    record.info?.coolDownStartSec = 0  // dated from the block's timestamp when shown
                }
                record.endUnresponsive(at: block, recovered: false)
                record.note(.stopped, at: block)
            }
        case .workerReclaimed(let session, _, let block):
            updateSession(session, at: block) { record in
                record.setState(.ready, at: block, template: Self.placeholderSession)
                record.stakePlanck = nil
                record.note(.reclaimed, at: block)
            }
        case .workerEnteredUnresponsive(let session, let block):
            updateSession(session, at: block) { record in
                record.setState(.workerUnresponsive, at: block, template: Self.placeholderSession)
                record.beginUnresponsive(at: block)
                record.note(.enteredUnresponsive, at: block)
            }
        case .workerExitedUnresponsive(let session, let block):
            exitUnresponsive(session, at: block)
        case .sessionSettled(let session, let v, let payout, let block):
            updateSession(session, at: block) { record in
                record.info?.v = v
                record.lastPayout = payout
                record.note(.settled, at: block)
            }
        case .tokenomicsChanged(let parameters):
            tokenomics = parameters
        case .coolDownPeriodChanged(let seconds):
            coolDownPeriodSec = seconds
        case .onlineWorkersChanged(let count):
            onlineWorkers = count
        case .expectedHeartbeatCountChanged(let count):
            expectedHeartbeatCount = count
        case .heartbeatPausedChanged(let paused):
            heartbeatPaused = paused
        case .gasBalanceChanged(let account, let freePlanck):
            gasBalances[account] = freePlanck
        }
    }

    /// A session whose `Sessions` entry was not read yet: only its state is known.
    static func placeholderSession() -> SessionInfo {
        SessionInfo(state: .ready, ve: .zero, v: .zero, benchmark: Benchmark(pInit: 0, pInstant: 0))
    }

    private mutating func observeBlock(_ number: UInt32, hash: Key32?, timestampMs: UInt64) {
        blockTimestamps[number] = timestampMs
        if let current = currentBlock, number < current { return }
        currentBlock = number
        currentBlockHash = hash
        currentTimestampMs = Swift.max(timestampMs, currentTimestampMs ?? 0)
        // Keep about an hour and a half of block times.
        if blockTimestamps.count > 1_024 {
            let keepFrom = number > 512 ? number - 512 : 0
            blockTimestamps = blockTimestamps.filter { $0.key >= keepFrom }
        }
    }

    /// Timestamp of `block` in ms: observed, else extrapolated at the nominal block time.
    func timestampMs(of block: UInt32) -> UInt64? {
        if let t = blockTimestamps[block] { return t }
        guard let current = currentBlock, let now = currentTimestampMs else { return nil }
        let deltaMs = (Int64(block) - Int64(current)) * Int64(config.blockTimeSec) * 1000
        let (sum, overflow) = Int64(clamping: now).addingReportingOverflow(deltaMs)
        return overflow ? now : UInt64(Swift.max(0, sum))
    }

    private mutating func setWatchList(_ keys: [WorkerKey]) {
        let wanted = Set(keys)
        for key in workers.keys where !wanted.contains(key) {
            if let session = workers[key]?.session, sessionOwners[session] == key { sessionOwners[session] = nil }
            workers[key] = nil
            challengeable[key] = nil
        }
        for key in wanted where !workers.contains(key) {
            workers[key] = WorkerRecord(key: key, window: config.intervalWindow)
        }
    }

    private mutating func bind(_ worker: WorkerKey, to session: AccountID?, at block: UInt32) {
        guard let old = workers[worker].map({ $0.session }) else { return }
        if let old, old != session, sessionOwners[old] == worker { sessionOwners[old] = nil }
        workers[worker]?.session = session
        if let session { sessionOwners[session] = worker }
        refreshChallengeable(worker, at: block)
    }

    private mutating func assign(_ worker: WorkerKey, to pid: UInt64?, at block: UInt32) {
        guard workers.contains(worker) else { return }
        workers[worker]?.pid = pid
        if let pid {
            workers[worker]?.note(.assignedToPool(pid), at: block)
            // `add_worker` binds the derived session account (§1.3, §2).
            if workers[worker]?.session == nil {
                bind(worker, to: DerivedAccounts.session(pid: pid, worker: worker), at: block)
            }
        } else {
            workers[worker]?.note(.removedFromPool, at: block)
        }
    }

    /// Applies `change` to a session record, then re-derives the owning
    /// worker's challenge eligibility for `block`.
    private mutating func updateSession(_ session: AccountID, at block: UInt32, _ change: (inout SessionRecord) -> Void) {
        change(&sessions[session, default: SessionRecord()])
        if let worker = sessionOwners[session] { refreshChallengeable(worker, at: block) }
    }

    private mutating func exitUnresponsive(_ session: AccountID, at block: UInt32) {
        // Recovery means a heartbeat answered the oldest owed challenge (§4.3);
        // if we did not see it, take it as answered so it does not linger.
        if let worker = sessionOwners[session], let since = sessions[session]?.unresponsiveSinceBlock,
           (workers[worker]?.heartbeat.lastHeartbeatBlock ?? 0) < since {
            workers[worker]?.heartbeat.assumeOldestAnswered(before: block)
        }
        updateSession(session, at: block) { record in
            record.setState(.workerIdle, at: block, template: Self.placeholderSession)
            record.endUnresponsive(at: block, recovered: true)
            record.note(.exitedUnresponsive, at: block)
        }
    }
}
