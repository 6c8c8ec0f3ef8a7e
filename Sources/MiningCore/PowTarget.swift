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

/// U32F32 fixed point (bits = value × 2^32), only what `pow_target` uses.
/// Overflow wraps, as `fixed` does in a release runtime; it cannot happen
/// for fewer than 2^31 online workers.
struct U32F32: Comparable {
    var bits: UInt64

    init(integer: UInt32) { bits = UInt64(integer) << 32 }
    init(bits: UInt64) { self.bits = bits }

    var integerPart: UInt32 { UInt32(truncatingIfNeeded: bits >> 32) }

    func times(_ o: U32F32) -> U32F32 {
        let (hi, lo) = bits.multipliedFullWidth(by: o.bits)
        return U32F32(bits: (hi << 32) | (lo >> 32))
    }

    func saturatingTimes(_ o: U32F32) -> U32F32 {
        let (hi, lo) = bits.multipliedFullWidth(by: o.bits)
        guard hi >> 32 == 0 else { return U32F32(bits: .max) }
        return U32F32(bits: (hi << 32) | (lo >> 32))
    }

    /// `(self << 32) / o`, truncated; division by zero gives zero instead of trapping.
    func over(_ o: U32F32) -> U32F32 {
        guard o.bits != 0 else { return U32F32(bits: 0) }
        let high = bits >> 32, low = bits << 32
        guard high < o.bits else { return U32F32(bits: .max) }
        return U32F32(bits: o.bits.dividingFullWidth((high: high, low: low)).quotient)
    }

    static func < (a: U32F32, b: U32F32) -> Bool { a.bits < b.bits }
}
