/// A worker's heartbeat health at the current block (§4.2, §4.3;
/// OPERATORS.md need 1): what it owes, how late it is against
/// `heartbeat_window`, and how its heartbeats have been spaced.
public struct HeartbeatHealth: Hashable, Sendable {
    /// Challenge blocks still owed, oldest first.
    public var pendingChallenges: [UInt32]
    /// Blocks the oldest owed challenge has waited (0 if none).
    public var oldestPendingAgeBlocks: Int
    public var heartbeatWindowBlocks: UInt32
    /// Blocks left before the gatekeeper flags the worker (negative: overdue).
    public var blocksUntilDeadline: Int?
    /// The gatekeeper's rule `current − oldest > window` holds (§4.3).
    public var gatekeeperWouldFlag: Bool
    public var lastHeartbeatBlock: UInt32?
    public var blocksSinceLastHeartbeat: Int?
    /// Blocks between consecutive heartbeats (last, mean, p95, max).
    public var intervals: IntervalStats
    /// Blocks from challenge to inclusion of its answer.
    public var latencies: IntervalStats
    /// Mean blocks between challenges from `pow_target` (1/p, §4.1).
    public var expectedIntervalBlocks: Double?
    public var challengeCount: Int
    public var heartbeatCount: Int
}
