/// Why a worker cannot start computing now (§2 `add_worker`,
/// `start_computing`; OPERATORS.md need 7), each with the fix in words.
public enum NotReadyReason: Hashable, Sendable, CustomStringConvertible {
    /// `Workers` not read yet.
    case registrationUnknown
    case notRegistered
    /// Registered, benchmark report not in yet (`initial_score` None).
    case benchmarkPending
    /// `initial_score` below `MinInitP` (50): `BenchmarkTooLow`.
    case scoreBelowMinimum(score: UInt32, minimum: UInt32)
    /// Registered without an operator: it cannot be added to a pool.
    case noOperator
    /// `add_worker` needs the caller to be pool owner and worker operator.
    case operatorNotPoolOwner(operator_: AccountID, owner: AccountID)
    case notInPool
    /// In a pool whose record was not read yet.
    case poolUnknown(pid: UInt64)
    /// In a pool, session state not read yet.
    case sessionUnknown
    case alreadyComputing(WorkerState)
    /// Stopped; reclaim after the cool-down (seconds left; 0 = reclaim now).
    case coolingDown(remainingSec: UInt64)
    /// Free pool stake below the minimum stake `k·√p` (≈, PHA planck).
    case insufficientFreeStake(freePlanck: UInt128, neededPlanck: UInt128)

    public var description: String {
        switch self {
        case .registrationUnknown: return "registration not read yet"
        case .notRegistered: return "not registered on chain: register the worker (pRuntime + relayer)"
        case .benchmarkPending: return "benchmark pending: no initial score yet"
        case .scoreBelowMinimum(let s, let m): return "initial score \(s) is below the minimum \(m)"
        case .noOperator: return "registered without an operator account"
        case .operatorNotPoolOwner(let op, let owner):
            return "operator \(op.hex.prefix(10))… is not the pool owner \(owner.hex.prefix(10))…"
        case .notInPool: return "not in a stake pool: add it with add_worker"
        case .poolUnknown(let pid): return "pool \(pid) not read yet"
        case .sessionUnknown: return "session not read yet"
        case .alreadyComputing(let s): return "already computing (\(s))"
        case .coolingDown(let r):
            return r == 0 ? "cool-down over: reclaim the worker first" : "cooling down: \(Durations.text(seconds: r)) left"
        case .insufficientFreeStake(let free, let need):
            return "free pool stake \(PHA.format(free)) is below the minimum stake ≈ \(PHA.format(need))"
        }
    }
}
