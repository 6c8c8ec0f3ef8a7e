/// Tunables of the fleet model: statistics window and when to warn.
/// Chain facts are not here (they are observations or `ChainConstants`).
public struct FleetConfig: Hashable, Sendable {
    /// Heartbeat intervals and latencies kept per worker for the statistics.
    public var intervalWindow: Int
    /// Nominal seconds per block, to turn block counts into durations (§7).
    public var blockTimeSec: UInt32
    public var risk: RiskPolicy

    public init(intervalWindow: Int = 32, blockTimeSec: UInt32 = ChainConstants.blockTimeSec,
                risk: RiskPolicy = RiskPolicy()) {
        self.intervalWindow = Swift.max(1, intervalWindow)
        self.blockTimeSec = blockTimeSec
        self.risk = risk
    }
}

/// When a worker or pool moves up a risk level (§4.3-§4.6). Fractions are of
/// `heartbeat_window`: the gatekeeper flags a worker once its oldest owed
/// challenge is more than `heartbeat_window` blocks old, so warning at half
/// the window leaves the operator the other half to act.
public struct RiskPolicy: Hashable, Sendable {
    /// Owed challenge older than this fraction of the window → watch.
    public var watchFraction: Double
    /// Owed challenge older than this fraction of the window → at risk.
    public var atRiskFraction: Double
    /// A worker that recovered within this many blocks stays on watch.
    public var recentRecoveryBlocks: UInt32
    /// A pool's uncovered withdrawal expiring within this many seconds → at risk.
    public var poolAtRiskSeconds: UInt64
    /// Gas balance below this is a watch item (the `phala status` red line is 2 PHA).
    public var lowGasPlanck: UInt128

    public init(watchFraction: Double = 0.25, atRiskFraction: Double = 0.5, recentRecoveryBlocks: UInt32 = 300,
                poolAtRiskSeconds: UInt64 = 2 * 86_400, lowGasPlanck: UInt128 = 2 * PHA.planckPerPHA) {
        self.watchFraction = watchFraction
        self.atRiskFraction = atRiskFraction
        self.recentRecoveryBlocks = recentRecoveryBlocks
        self.poolAtRiskSeconds = poolAtRiskSeconds
        self.lowGasPlanck = lowGasPlanck
    }

    /// The owed-challenge age (blocks) at which `fraction` of `window` is reached (at least 1).
    func threshold(_ fraction: Double, of window: UInt32) -> Int {
        Swift.max(1, Int((Double(window) * fraction).rounded(.up)))
    }
}
