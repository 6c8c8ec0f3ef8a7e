import Foundation

/// The money side of unresponsiveness (§4.4-§4.5): V decay per block and an
/// estimate of the rewards a worker forgoes.
public enum PenaltyMath {
    /// `conf_score` of a confidence level (§4.4): 1,2,3 (and 128) → 1.0,
    /// 4 → 0.8, 5 → 0.7, otherwise 0.
    public static func confidenceScore(level: UInt8) -> Double {
        switch level {
        case 1, 2, 3, 128: return 1.0
        case 4: return 0.8
        case 5: return 0.7
        default: return 0
        }
    }

    /// Blocks computed step by step in exact fixed point by default; longer
    /// projections continue in Double from there (the per-block truncation
    /// is then far below display precision).
    public static let exactStepLimit = 300

    /// V after `blocks` more unresponsive blocks: each block the gatekeeper
    /// does `V −= V·slash_rate` in U64F64 (gk.rs `update_v_slash`, §4.4).
    /// The first `exactSteps` blocks are exact; the rest use
    /// `V·(1 − slash_rate)^n` in Double.
    public static func vAfterUnresponsive(_ v: U64F64, slashRate: U64F64, blocks: Int,
                                          exactSteps: Int = exactStepLimit) -> U64F64 {
        guard blocks > 0, slashRate.bits != 0 else { return v }
        var current = v
        let exact = Swift.max(0, Swift.min(blocks, exactSteps))
        for _ in 0..<exact { current = current.subtracting(current.multiplied(by: slashRate)) }
        let rest = blocks - exact
        guard rest > 0 else { return current }
        let factor = pow(1 - slashRate.doubleValue, Double(rest))
        return U64F64(approximately: current.doubleValue * factor)
    }

    /// A worker's share of the block budget (§4.4):
    /// `sqrt(V² + (2·p·conf_score)²)`, in Double.
    public static func share(v: U64F64, pInstant: UInt32, confidenceLevel: UInt8) -> Double {
        let x = v.doubleValue
        let y = 2 * Double(pInstant) * confidenceScore(level: confidenceLevel)
        return (x * x + y * y).squareRoot()
    }

    /// Estimated rewards (to the pool) per hour for a responsive worker with
    /// `share`, when all online workers together hold `totalShare`:
    /// `share/Σshare · budget_per_block · (1 − treasury_ratio) · 300`.
    ///
    /// Approximation: the gatekeeper pays this only up to the worker's
    /// accumulated deductible V growth, and Σshare is not on chain, so the
    /// caller estimates it (the fleet uses online workers × its own mean share).
    public static func rewardsPerHourPlanck(share: Double, totalShare: Double, parameters: TokenomicParameters,
                                            blocksPerHour: UInt32 = ChainConstants.blocksPerHour) -> UInt128 {
        guard share > 0, totalShare > 0 else { return 0 }
        let fraction = Swift.min(1, share / totalShare)
        let payout = 1 - Swift.min(1, parameters.treasuryRatio.doubleValue)
        let pha = fraction * parameters.budgetPerBlock.doubleValue * payout * Double(blocksPerHour)
        let planck = pha * 1e12
        guard planck.isFinite, planck > 0 else { return 0 }
        return planck >= 1e38 ? UInt128.max : UInt128(planck.rounded(.down))
    }
}
