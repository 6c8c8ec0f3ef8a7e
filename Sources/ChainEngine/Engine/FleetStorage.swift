import MiningCore

/// What the engine knows about the watched storage: the last raw value of
/// every key it read (to report only changes), the watched pools with their
/// decoded records, the worker set and each worker's session.
struct FleetStorage: Sendable {
    /// Last value seen per storage key (nil = absent).
    var values = StorageValues()
    var poolIds: Set<UInt64> = [] { didSet { cachedFilter = nil; if poolIds != oldValue { blockPlan = nil } } }
    var pools: [UInt64: StakePool] = [:] {
        didSet { if blockPlan != nil, Self.balanceAccounts(oldValue) != Self.balanceAccounts(pools) { blockPlan = nil } }
    }
    /// What every followed block reads, for one spec (rebuilt when pools change).
    var blockPlan: BlockReadPlan?
    var explicitWorkers: Set<WorkerKey> = []
    var workers: Set<WorkerKey> = [] { didSet { cachedFilter = nil } }
    var bindings: [WorkerKey: AccountID] = [:] { didSet { cachedFilter = nil } }
    private var cachedFilter: WatchFilter?

    /// Records `value` for `key`; true when it differs from the last one (or is the first).
    mutating func changed(_ key: [UInt8], _ value: [UInt8]?) -> Bool {
        if let old = values[key], old == value { return false }
        values[key] = .some(value)
        return true
    }

    /// The accounts whose balances the block plan reads, per pool (a pool
    /// refresh that changes none of them keeps the plan).
    static func balanceAccounts(_ pools: [UInt64: StakePool]) -> [UInt64: [AccountID]] {
        pools.mapValues { [$0.basepool.poolAccountId, $0.ownerRewardAccount, $0.owner] }
    }

    /// Workers that membership says to watch: explicit ones plus every watched pool's workers and cool-down workers.
    var wantedWorkers: Set<WorkerKey> {
        var s = explicitWorkers
        for p in pools.values { s.formUnion(p.workers); s.formUnion(p.cdWorkers) }
        return s
    }

    /// The watch set for event filtering, rebuilt only after the worker set, bindings or pools change.
    var filter: WatchFilter {
        mutating get {
            if let f = cachedFilter { return f }
            let f = WatchFilter(workers: workers, sessions: Set(bindings.filter { workers.contains($0.key) }.values), pools: poolIds)
            cachedFilter = f
            return f
        }
    }
}
