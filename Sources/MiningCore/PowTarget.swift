/// The heartbeat challenge target, exactly as the pallet computes it in
/// `on_finalize` (§4.1, computation.rs `pow_target`), in U32F32 arithmetic:
///
///     max_tx = N·2 / (3600/block_time);  t = min(num_tx, max_tx)
///     frac   = floor((t/N)·2^24);        target = (2^256−1 >> 24)·frac
///
/// Each U32F32 step (mul, div) keeps the full-width intermediate and
/// truncates, like the `fixed` crate; `N = 0` gives 0.
public enum PowTarget {
    /// The `num_tx` default when `ExpectedHeartbeatCount` is absent (§1.2).
    public static let defaultExpectedHeartbeatCount: UInt32 = 20

    /// `frac = floor((t/N)·2^24)`: the per-block hit probability × 2^24.
    public static func fraction(numTx: UInt32, onlineWorkers: UInt32, blockTimeSec: UInt32 = 12) -> UInt32 {
        guard onlineWorkers > 0 else { return 0 }
        let n = U32F32(integer: onlineWorkers)
        let perHour = blockTimeSec == 0 ? 0 : 3600 / blockTimeSec
        let maxTx = n.times(U32F32(integer: 2)).over(U32F32(integer: perHour))
        let t = Swift.min(U32F32(integer: numTx), maxTx)
        let share = t.over(n)
        return share.saturatingTimes(U32F32(integer: 1 << 24)).integerPart
    }

    /// `online_target` of the `HeartbeatChallenge` for this block (§4.1).
    public static func target(numTx: UInt32, onlineWorkers: UInt32, blockTimeSec: UInt32 = 12) -> UInt256 {
        guard onlineWorkers > 0 else { return .zero }
        let frac = fraction(numTx: numTx, onlineWorkers: onlineWorkers, blockTimeSec: blockTimeSec)
        let (product, overflow) = (UInt256.max >> 24).multipliedReportingOverflow(by: UInt64(frac))
        // Cannot overflow for frac < 2^24 (t ≤ N); the chain would panic, we saturate.
        return overflow ? .max : product
    }

    /// Probability that one worker is challenged in one block: `frac / 2^24`
    /// (≈ min(num_tx, N/150)/N for 12 s blocks, §4.1).
    public static func hitProbability(numTx: UInt32, onlineWorkers: UInt32, blockTimeSec: UInt32 = 12) -> Double {
        Double(fraction(numTx: numTx, onlineWorkers: onlineWorkers, blockTimeSec: blockTimeSec)) / 16_777_216.0
    }

    /// Expected blocks between two challenges of one worker (the mean of the
    /// geometric distribution, 1/p); nil when no one can be challenged.
    public static func expectedBlocksBetweenChallenges(numTx: UInt32, onlineWorkers: UInt32, blockTimeSec: UInt32 = 12) -> Double? {
        let p = hitProbability(numTx: numTx, onlineWorkers: onlineWorkers, blockTimeSec: blockTimeSec)
        return p > 0 ? 1 / p : nil
    }
}
