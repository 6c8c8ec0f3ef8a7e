/// Khala runtime constants MiningCore reasons with (§1.2, §1.3, §7). Values
/// read live from the chain (tokenomics, `CoolDownPeriod`) are observations
/// instead; these are the fixed ones and the fallbacks.
public enum ChainConstants {
    /// `ExpectedBlockTimeSec` / `MILLISECS_PER_BLOCK` (§7).
    public static let blockTimeSec: UInt32 = 12
    /// Blocks per hour at 12 s (`HOURS`, §7).
    public static let blocksPerHour: UInt32 = 300
    /// `MinInitP`: the lowest `initial_score` allowed to start computing (§1.2, §2).
    public static let minInitialScore: UInt32 = 50
    /// `GracePeriod` of PhalaStakePoolv2 in seconds (7 days, §1.3, §4.6).
    public static let gracePeriodSec: UInt64 = 604_800
    /// `CoolDownPeriod` used until the chain's value is observed (7 days, §4.5).
    public static let defaultCoolDownSec: UInt64 = 604_800
    /// `MaxPoolWorkers` (§1.3).
    public static let maxPoolWorkers = 200
}
