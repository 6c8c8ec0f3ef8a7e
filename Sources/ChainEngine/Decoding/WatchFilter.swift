import MiningCore

/// What the engine watches, in the form event decoding filters by: workers,
/// their sessions, and pools (issue 6: events are filtered to the watched
/// workers and pools).
public struct WatchFilter: Sendable, Hashable {
    public var workers: Set<WorkerKey>
    public var sessions: Set<AccountID>
    public var pools: Set<UInt64>

    public init(workers: Set<WorkerKey> = [], sessions: Set<AccountID> = [], pools: Set<UInt64> = []) {
        self.workers = workers
        self.sessions = sessions
        self.pools = pools
    }
}

/// Storage an event says has changed, to be re-read at that block.
public struct RefreshHints: Sendable, Hashable {
    public var workers: Set<WorkerKey> = []
    public var sessions: Set<AccountID> = []
    public var pools: Set<UInt64> = []
    /// Pools whose member lists may have changed (a worker added, removed, started or reclaimed).
    public var poolMembership: Set<UInt64> = []
    /// Sessions whose stored values changed in ways the event itself reports
    /// (`BenchmarkUpdated` → p_instant, `SessionSettled` → V): re-read, but not
    /// necessarily in this block (see `EngineConfiguration.sessionValueRefreshEveryBlocks`).
    public var sessionValues: Set<AccountID> = []
    public var tokenomics = false

    public init() {}

    public var isEmpty: Bool {
        workers.isEmpty && sessions.isEmpty && sessionValues.isEmpty && pools.isEmpty && poolMembership.isEmpty && !tokenomics
    }

    public mutating func formUnion(_ o: RefreshHints) {
        workers.formUnion(o.workers)
        sessions.formUnion(o.sessions)
        sessionValues.formUnion(o.sessionValues)
        pools.formUnion(o.pools)
        poolMembership.formUnion(o.poolMembership)
        tokenomics = tokenomics || o.tokenomics
    }
}
