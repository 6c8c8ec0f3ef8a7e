/// `PhalaComputation.Sessions[session]` (§1.2, was `MinerInfo`): the
/// computing session a worker is bound to, its state, V and benchmark.
public struct SessionInfo: Hashable, Sendable {
    public var state: WorkerState
    /// Initial V.
    public var ve: U64F64
    /// Last V the chain knows (updated on settlement).
    public var v: U64F64
    /// Unix seconds.
    public var vUpdatedAtSec: UInt64
    public var benchmark: Benchmark
    /// Unix seconds; meaningful only in `workerCoolingDown`.
    public var coolDownStartSec: UInt64
    /// Planck (the upstream comment says fixed-point bits, the code adds planck, §1.2).
    public var totalRewardPlanck: UInt128

    public init(state: WorkerState, ve: U64F64, v: U64F64, vUpdatedAtSec: UInt64 = 0,
                benchmark: Benchmark, coolDownStartSec: UInt64 = 0, totalRewardPlanck: UInt128 = 0) {
        self.state = state
        self.ve = ve
        self.v = v
        self.vUpdatedAtSec = vUpdatedAtSec
        self.benchmark = benchmark
        self.coolDownStartSec = coolDownStartSec
        self.totalRewardPlanck = totalRewardPlanck
    }
}
