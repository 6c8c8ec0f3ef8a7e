/// Stake and health of one stake pool at the current block (§1.3, §4.6;
/// OPERATORS.md need 9): where its money is, its withdrawal queue against
/// the 7-day grace period, and one risk level with its reason.
public struct PoolStatus: Hashable, Sendable {
    /// One queued withdrawal and its grace-period clock.
    public struct Withdrawal: Hashable, Sendable {
        public var user: AccountID
        public var startTimeSec: UInt64
        /// `startTimeSec + GracePeriod`: after this a forced stop is allowed (§4.6).
        public var deadlineSec: UInt64
        /// Seconds until the deadline (0 = expired).
        public var remainingSec: UInt64?
        /// Value of the queued shares at the pool's share price, if known.
        public var valuePlanck: UInt128?
    }

    /// Can the oldest withdrawal be paid before its deadline (§4.6)?
    public enum Coverage: Hashable, Sendable {
        case noWithdrawals
        /// Free stake plus stake released by cool-downs ending in time suffices.
        case covered
        /// Not enough, or the amount is unknown (then assumed uncovered:
        /// the chain pays queued withdrawals as soon as free stake allows).
        case uncovered(shortfallPlanck: UInt128?)
    }

    public var pid: UInt64
    public var owner: AccountID
    public var workerCount: Int
    public var coolingDownCount: Int
    /// Watched workers of this pool that are computing.
    public var computingWatched: Int
    /// `total_value` of the base pool.
    public var totalStakePlanck: UInt128
    /// W-PHA of the pool account.
    public var freeStakePlanck: UInt128
    /// Σ `Stakes` of the pool's watched workers' sessions.
    public var lockedStakePlanck: UInt128
    public var ownerRewardsPlanck: UInt128
    public var withdrawals: [Withdrawal]
    public var coverage: Coverage
    /// Stake of cool-downs that end before the oldest withdrawal's deadline.
    public var releasingStakePlanck: UInt128
    /// Free balance of the owner's account if observed (gas).
    public var ownerGasPlanck: UInt128?
    /// Number of watched workers at each risk level.
    public var workerRiskCounts: [RiskLevel: Int]
    public var risk: RiskAssessment
}
