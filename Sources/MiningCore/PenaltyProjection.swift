/// What unresponsiveness costs one worker, in numbers (§4.4; OPERATORS.md
/// need 8): V now against Ve, V after another hour unresponsive (exact
/// fixed point), and the rewards it forgoes per hour (an estimate).
public struct PenaltyProjection: Hashable, Sendable {
    public var v: U64F64
    public var ve: U64F64
    public var slashRatePerBlock: U64F64
    /// V after 300 more unresponsive blocks: exact per-block fixed point for
    /// an unresponsive worker, closed form (Double) for an idle one.
    public var vAfterOneHour: U64F64
    /// V after 7,200 more unresponsive blocks (a day); beyond the first hour
    /// in closed form.
    public var vAfterOneDay: U64F64
    /// `v − vAfterOneHour`.
    public var vLossPerHour: U64F64
    /// Estimated payout per hour while responsive, which an unresponsive
    /// worker forgoes (see `PenaltyMath.rewardsPerHourPlanck`).
    public var rewardsForgonePerHourPlanck: UInt128?
    /// Blocks in the current unresponsive spell, and in total.
    public var currentSpellBlocks: Int
    public var totalUnresponsiveBlocks: Int
    /// Nominal seconds of the current spell (blocks × 12 s).
    public var currentSpellSec: UInt64

    /// V as a fraction of Ve (1 = at the start value); nil when Ve is zero.
    public var vOverVe: Double? {
        ve.bits == 0 ? nil : v.doubleValue / ve.doubleValue
    }
}
