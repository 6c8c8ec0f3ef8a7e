/// The reclaim countdown of a stopped worker (§2 `reclaim_pool_worker`:
/// allowed once `now − cool_down_start ≥ CoolDownPeriod`; OPERATORS.md need 10).
public struct CoolDownCountdown: Hashable, Sendable {
    /// Unix seconds.
    public var startSec: UInt64
    public var periodSec: UInt64
    /// Unix seconds when reclaim becomes possible.
    public var endsAtSec: UInt64 { startSec &+ periodSec }
    /// Seconds left at `nowSec` (0 = reclaim now).
    public var remainingSec: UInt64
    public var reclaimable: Bool { remainingSec == 0 }

    public init(startSec: UInt64, periodSec: UInt64, nowSec: UInt64) {
        self.startSec = startSec
        self.periodSec = periodSec
        let end = startSec.addingReportingOverflow(periodSec)
        let left = end.overflow ? UInt64.max : (end.partialValue > nowSec ? end.partialValue - nowSec : 0)
        // A start after `nowSec` (the stop's block time seen before the block
        // itself) is a cool-down that just began: never more than the period.
        remainingSec = Swift.min(left, periodSec)
    }
}
