/// Every watched worker's and pool's status at the fleet's current block,
/// kept up to date block by block instead of re-derived whole.
///
/// Why: `Fleet.statuses()` and `poolStatuses()` derive every worker (about
/// 20 ms each at 10,000 workers), yet a block changes a few dozen records.
/// `update(to:)` finds the records that changed by comparing the fleet's
/// sharded maps with the ones it saw last (a shard no write touched still
/// shares storage and compares in O(1)), re-derives those workers and the
/// few whose clock-dependent numbers cannot be patched (owed challenges,
/// unresponsive, cooling down, recently recovered), and patches the
/// clock-dependent fields of the rest (`Fleet.refreshClockFields`). Pool
/// totals follow from member deltas. Chain parameters or the watch list
/// changing re-derive everything.
///
/// The result always equals a full derivation: `statuses` is
/// `fleet.statuses()` in key order and `poolStatuses` is
/// `fleet.poolStatuses()` (property tests replay random histories).
public struct FleetStatusCache: Sendable {
    /// What one `update(to:)` changed.
    public struct Update: Hashable, Sendable {
        /// Everything was re-derived; positions in `statuses` may have moved.
        public var rebuilt: Bool
        /// Positions re-derived in full (ascending): changed records, and on
        /// a clock move the workers whose status the clock reshapes.
        public var rederived: [Int]
        /// The clock or the fleet-wide inputs moved: every status not in
        /// `rederived` had its clock fields refreshed (blocks since the last
        /// heartbeat, registration age, expected interval, rewards), nothing
        /// else of it changed.
        public var refreshedAll: Bool

        /// Nothing changed.
        public var isEmpty: Bool { !rebuilt && rederived.isEmpty && !refreshedAll }
    }

    /// Every watched worker's status, in ascending key order.
    public private(set) var statuses: [WorkerStatus] = []
    /// Position of each key in `statuses`.
    public private(set) var indexByKey: [WorkerKey: Int] = [:]
    /// Every pool read, worst risk first, then by pid (as `Fleet.poolStatuses()`).
    public private(set) var poolStatuses: [PoolStatus] = []
    private var poolIndex: [UInt64: Int] = [:]

    // The fleet's inputs the statuses were derived from.
    private var workers = ShardedMap<WorkerKey, WorkerRecord>()
    private var sessions = ShardedMap<AccountID, SessionRecord>()
    private var pools: [UInt64: StakePool] = [:]
    private var gasBalances: [AccountID: UInt128] = [:]
    private var parameters: Parameters?
    private var clock: ClockInputs?
    private var meanShare: Double?

    // Per worker, aligned with `statuses`.
    private var shares: [Double?] = []
    private var clockStable: [Bool] = []
    private var shareSum: UInt128 = 0
    private var shareCount = 0

    // Who depends on what.
    private var sessionUsers: [AccountID: Set<Int>] = [:]
    private var poolMembers: [UInt64: Set<Int>] = [:]
    private var poolTotals: [UInt64: PoolMemberTotals] = [:]
    private var coolingMembers: [UInt64: Set<Int>] = [:]

    /// Chain parameters that change every worker's status in ways no patch covers.
    private struct Parameters: Equatable, Sendable {
        var config: FleetConfig
        var tokenomics: TokenomicParameters?
        var coolDownPeriodSec: UInt64?

        init(_ fleet: Fleet) {
            config = fleet.config
            tokenomics = fleet.tokenomics
            coolDownPeriodSec = fleet.coolDownPeriodSec
        }
    }

    /// Fleet-wide inputs of the patchable fields: the clock and the
    /// challenge-rate inputs.
    private struct ClockInputs: Equatable, Sendable {
        var block: UInt32?
        var timestampMs: UInt64?
        var blockTimestamps: [UInt32: UInt64]
        var onlineWorkers: UInt32?
        var expectedHeartbeatCount: UInt32?

        init(_ fleet: Fleet) {
            block = fleet.currentBlock
            timestampMs = fleet.currentTimestampMs
            blockTimestamps = fleet.blockTimestamps
            onlineWorkers = fleet.onlineWorkers
            expectedHeartbeatCount = fleet.expectedHeartbeatCount
        }
    }

    public init() {}

    /// A cache derived in full from `fleet`.
    public init(fleet: Fleet) {
        rebuild(fleet)
    }

    /// The status of `key`, if watched.
    public func status(of key: WorkerKey) -> WorkerStatus? {
        indexByKey[key].map { statuses[$0] }
    }

    /// The status of pool `pid`, if the fleet read it.
    public func poolStatus(pid: UInt64) -> PoolStatus? {
        poolIndex[pid].map { poolStatuses[$0] }
    }

    /// Brings every status to `fleet` (a later value of the fleet this cache
    /// last saw, or any fleet: unknown changes cost a full derivation).
    @discardableResult
    public mutating func update(to fleet: Fleet) -> Update {
        guard Parameters(fleet) == parameters else {
            rebuild(fleet)
            return Update(rebuilt: true, rederived: [], refreshedAll: false)
        }
        var dirty = Set<Int>()
        for key in fleet.workers.changedKeys(since: workers) {
            // A worker added or removed moves positions: derive everything again.
            guard let i = indexByKey[key], fleet.workers.contains(key) else {
                rebuild(fleet)
                return Update(rebuilt: true, rederived: [], refreshedAll: false)
            }
            dirty.insert(i)
        }
        for account in fleet.sessions.changedKeys(since: sessions) {
            if let users = sessionUsers[account] { dirty.formUnion(users) }
        }
        var poolsChanged = false
        if fleet.pools != pools {
            poolsChanged = true
            for pid in Set(fleet.pools.keys).union(pools.keys) where fleet.pools[pid] != pools[pid] {
                if let members = poolMembers[pid] { dirty.formUnion(members) }
            }
        }
        let gasChanged = fleet.gasBalances != gasBalances
        workers = fleet.workers
        sessions = fleet.sessions
        pools = fleet.pools
        gasBalances = fleet.gasBalances

        // Shares first: the mean enters every computing worker's rewards.
        for i in dirty {
            let share = workers[statuses[i].key].flatMap(fleet.computingShare)
            setShare(share, at: i)
        }
        let mean = Fleet.meanShare(quantizedSum: shareSum, count: shareCount)
        let newClock = ClockInputs(fleet)
        let refreshAll = newClock != clock || mean != meanShare
        clock = newClock
        meanShare = mean

        for i in dirty { rederive(i, fleet) }
        var rederived = Array(dirty)
        if refreshAll {
            for i in statuses.indices where !dirty.contains(i) {
                if clockStable[i] {
                    fleet.refreshClockFields(&statuses[i], share: shares[i], meanShare: mean)
                } else {
                    rederive(i, fleet)
                    rederived.append(i)
                }
            }
        }
        rederived.sort()
        if refreshAll || !dirty.isEmpty || poolsChanged || gasChanged { rebuildPoolStatuses(fleet) }
        return Update(rebuilt: false, rederived: rederived, refreshedAll: refreshAll)
    }

    // MARK: - Full derivation

    private mutating func rebuild(_ fleet: Fleet) {
        workers = fleet.workers
        sessions = fleet.sessions
        pools = fleet.pools
        gasBalances = fleet.gasBalances
        parameters = Parameters(fleet)
        clock = ClockInputs(fleet)
        let records = fleet.workers.values.sorted { $0.key < $1.key }
        indexByKey = Dictionary(uniqueKeysWithValues: records.enumerated().map { ($1.key, $0) })
        shares = records.map(fleet.computingShare)
        shareSum = 0
        shareCount = 0
        for share in shares { if let share { add(share) } }
        meanShare = Fleet.meanShare(quantizedSum: shareSum, count: shareCount)
        sessionUsers = [:]
        poolMembers = [:]
        poolTotals = [:]
        coolingMembers = [:]
        statuses = []
        statuses.reserveCapacity(records.count)
        clockStable = Array(repeating: false, count: records.count)
        for (i, record) in records.enumerated() {
            let status = fleet.status(of: record, meanShare: meanShare)
            statuses.append(status)
            index(status, at: i, fleet)
        }
        rebuildPoolStatuses(fleet)
    }

    // MARK: - One worker

    /// Re-derives position `i` and moves its contributions to the indexes and pool totals.
    private mutating func rederive(_ i: Int, _ fleet: Fleet) {
        let old = statuses[i]
        guard let record = fleet.workers[old.key] else { return }
        let new = fleet.status(of: record, meanShare: meanShare)
        unindex(old, at: i)
        statuses[i] = new
        index(new, at: i, fleet)
    }

    private mutating func index(_ s: WorkerStatus, at i: Int, _ fleet: Fleet) {
        if let session = s.session { sessionUsers[session, default: []].insert(i) }
        if let pid = s.pid {
            poolMembers[pid, default: []].insert(i)
            poolTotals[pid, default: PoolMemberTotals()].add(s)
            if s.state == .workerCoolingDown { coolingMembers[pid, default: []].insert(i) }
        }
        let session = s.session.flatMap { fleet.sessions[$0] }
        clockStable[i] = fleet.isClockStable(s, unresponsiveSinceBlock: session?.unresponsiveSinceBlock)
    }

    private mutating func unindex(_ s: WorkerStatus, at i: Int) {
        if let session = s.session {
            sessionUsers[session]?.remove(i)
            if sessionUsers[session]?.isEmpty == true { sessionUsers[session] = nil }
        }
        if let pid = s.pid {
            poolMembers[pid]?.remove(i)
            poolTotals[pid]?.remove(s)
            coolingMembers[pid]?.remove(i)
        }
    }

    private mutating func setShare(_ share: Double?, at i: Int) {
        if let old = shares[i] {
            shareSum &-= UInt128(Fleet.quantizedShare(old))
            shareCount -= 1
        }
        if let share { add(share) }
        shares[i] = share
    }

    private mutating func add(_ share: Double) {
        shareSum &+= UInt128(Fleet.quantizedShare(share))
        shareCount += 1
    }

    // MARK: - Pools

    private mutating func rebuildPoolStatuses(_ fleet: Fleet) {
        var out: [PoolStatus] = []
        out.reserveCapacity(fleet.pools.count)
        for (pid, pool) in fleet.pools {
            let cooling = (coolingMembers[pid] ?? []).map { statuses[$0] }
            out.append(fleet.poolStatus(pool, totals: poolTotals[pid] ?? PoolMemberTotals(), coolingMembers: cooling))
        }
        out.sort { $0.risk.level != $1.risk.level ? $0.risk.level > $1.risk.level : $0.pid < $1.pid }
        poolStatuses = out
        poolIndex = Dictionary(uniqueKeysWithValues: out.enumerated().map { ($1.pid, $0) })
    }
}

extension FleetStatusCache: Equatable {
    /// Equal when they show the same statuses (the bookkeeping behind them may differ).
    public static func == (a: FleetStatusCache, b: FleetStatusCache) -> Bool {
        a.statuses == b.statuses && a.poolStatuses == b.poolStatuses
    }
}
