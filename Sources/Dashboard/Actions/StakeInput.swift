import MiningCore
import TermUI

/// The stake dialog of `g` (start) and `R` (restart): the text typed and the
/// numbers that bound a good answer (PROTOCOL.md §2 `start_computing`: free
/// stake ≥ stake ≥ k·√p, Ve ≤ v_max; restart needs more than the current stake).
public struct StakeInput: Hashable, Sendable {
    public var kind: ActionKind
    /// (pool, worker) pairs the stake applies to, each worker gets the same stake.
    public var targets: [ActionTarget]
    public var editor: LineEditor
    /// Free stake of each pool involved (nil when the pool was not read).
    public var freeStakePlanck: [UInt64: UInt128]
    /// Largest minimum `k·√p` over the targets; nil when the chain's `k` is unknown.
    public var minimumPlanck: UInt128?
    /// Smallest maximum from `v_max` over the targets; nil when unknown.
    public var maximumPlanck: UInt128?
    /// Restart: the largest current stake (the new one must exceed it).
    public var currentStakePlanck: UInt128?
    /// Why the text is not accepted yet (shown under the input).
    public var error: String?

    public init(kind: ActionKind, targets: [ActionTarget], freeStakePlanck: [UInt64: UInt128], minimumPlanck: UInt128?,
                maximumPlanck: UInt128?, currentStakePlanck: UInt128?, text: String = "") {
        self.kind = kind
        self.targets = targets
        self.editor = LineEditor(text, maxLength: 32)
        self.freeStakePlanck = freeStakePlanck
        self.minimumPlanck = minimumPlanck
        self.maximumPlanck = maximumPlanck
        self.currentStakePlanck = currentStakePlanck
    }

    /// Warnings about a parsed stake: the chain would refuse it for these reasons.
    public func warnings(stakePlanck: UInt128) -> [String] {
        var out: [String] = []
        if let min = minimumPlanck, stakePlanck < min {
            out.append("below the minimum ≈ \(PHA.format(min)) for this score: the chain refuses with InsufficientStake")
        }
        if let max = maximumPlanck, stakePlanck > max {
            out.append("above the maximum ≈ \(PHA.format(max)) (v_max): the chain refuses with TooMuchStake")
        }
        if let cur = currentStakePlanck, stakePlanck <= cur {
            out.append("not more than the current stake \(PHA.format(cur)): restart needs more")
        }
        var perPool: [UInt64: UInt128] = [:]
        for t in targets { perPool[t.pid, default: 0] += stakePlanck }
        for (pid, need) in perPool.sorted(by: { $0.key < $1.key }) {
            if let free = freeStakePlanck[pid], need > free {
                out.append("pool \(pid) has \(PHA.format(free)) free: the chain refuses with InsufficientFreeStake")
            }
        }
        return out
    }
}
