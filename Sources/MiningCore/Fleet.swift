/// The operator's fleet as MiningCore models it: watched workers, their
/// sessions and pools, chain parameters and the current block.
///
/// A value: it changes only through `apply(_:)`, which returns the next
/// fleet, so a recorded sequence of observations replays exactly (issue 4;
/// STYLE.md principles 1 and 5). Derived views (`status(of:)`,
/// `poolStatus(pid:)`) are computed on demand from the current block.
public struct Fleet: Hashable, Sendable {
    public let config: FleetConfig

    public internal(set) var connection: ConnectionState = .disconnected
    /// Highest block observed (never decreases).
    public internal(set) var currentBlock: UInt32?
    public internal(set) var currentBlockHash: Key32?
    /// `Timestamp.Now` of `currentBlock`, milliseconds.
    public internal(set) var currentTimestampMs: UInt64?

    public internal(set) var tokenomics: TokenomicParameters?
    public internal(set) var coolDownPeriodSec: UInt64?
    public internal(set) var onlineWorkers: UInt32?
    public internal(set) var expectedHeartbeatCount: UInt32?
    public internal(set) var heartbeatPaused: Bool?
    /// The newest challenge seen (kept to re-test same-block state changes).
    public internal(set) var lastChallenge: HeartbeatChallenge?

    public internal(set) var workers = ShardedMap<WorkerKey, WorkerRecord>()
    /// Session account → worker, for events keyed by session (§3).
    public internal(set) var sessionOwners = ShardedMap<AccountID, WorkerKey>()
    /// Session-keyed chain data (`Sessions`, `Stakes`, computation events).
    public internal(set) var sessions = ShardedMap<AccountID, SessionRecord>()
    /// Timestamps (ms) of recent blocks, to date events by their block.
    var blockTimestamps: [UInt32: UInt64] = [:]
    public internal(set) var pools: [UInt64: StakePool] = [:]
    public internal(set) var gasBalances: [AccountID: UInt128] = [:]
    /// Watched workers that answer challenges now (state WorkerIdle), with
    /// their cached hashes: the hit test walks only this.
    var challengeable = ChallengeSet()

    public init(config: FleetConfig = FleetConfig()) {
        self.config = config
    }

    /// Applies one observation and returns the resulting fleet.
    public func apply(_ observation: Observation) -> Fleet {
        var next = self
        next.applyInPlace(observation)
        return next
    }

    /// Applies a block's worth of observations in order and returns the result.
    public func apply(_ observations: some Sequence<Observation>) -> Fleet {
        var next = self
        for o in observations { next.applyInPlace(o) }
        return next
    }

    /// The in-place form of `apply`, for a caller that owns the only copy
    /// (no copy-on-write of 10,000 records per observation).
    public mutating func applyInPlace(_ observation: Observation) {
        reduce(observation)
    }

    /// The in-place form of `apply(_:)` for a sequence.
    public mutating func applyInPlace(contentsOf observations: some Sequence<Observation>) {
        for o in observations { reduce(o) }
    }

    /// Heartbeat window in force: the chain's, else the genesis default (§4.5).
    public var heartbeatWindowBlocks: UInt32 {
        tokenomics?.heartbeatWindowBlocks ?? TokenomicParameters.genesisDefault.heartbeatWindowBlocks
    }

    /// `CoolDownPeriod` in force, else the 7-day default (§4.5).
    public var effectiveCoolDownSec: UInt64 { coolDownPeriodSec ?? ChainConstants.defaultCoolDownSec }

    /// Current chain time in unix seconds, if a block with a timestamp was seen.
    public var nowSec: UInt64? { currentTimestampMs.map { $0 / 1000 } }

    /// Per-block probability that one worker is challenged (§4.1), from the
    /// online worker count and `ExpectedHeartbeatCount`.
    public var hitProbabilityPerBlock: Double? {
        guard let n = onlineWorkers else { return nil }
        return PowTarget.hitProbability(numTx: expectedHeartbeatCount ?? PowTarget.defaultExpectedHeartbeatCount,
                                        onlineWorkers: n, blockTimeSec: config.blockTimeSec)
    }

    /// Expected blocks between two challenges of one worker (1/p, §4.1).
    public var expectedChallengeIntervalBlocks: Double? {
        guard let p = hitProbabilityPerBlock, p > 0 else { return nil }
        return 1 / p
    }

    /// The watched worker keys, sorted.
    public var watchedWorkers: [WorkerKey] { workers.keys.sorted() }
}
