import Scale

/// `WorkerState` of a computing session, variant indices of PROTOCOL.md §1.2.
public enum WorkerState: UInt8, Sendable, Hashable, CaseIterable {
    case ready = 0
    case workerIdle = 1
    case workerUnresponsive = 3
    case workerCoolingDown = 4

    /// Idle or unresponsive: counted in `OnlineWorkers`, answers challenges.
    public var isComputing: Bool { self == .workerIdle || self == .workerUnresponsive }
}

/// `Benchmark` of a session (PROTOCOL.md §1.2): scores and the last heartbeat's challenge time.
public struct Benchmark: Sendable, Hashable {
    public var pInit: UInt32
    public var pInstant: UInt32
    public var iterations: UInt64
    public var workingStartSeconds: UInt64
    public var challengeTimeLastSeconds: UInt64
}

/// `PhalaComputation.Sessions` value (PROTOCOL.md §1.2): state, V as U64F64
/// bits, benchmark, cool-down start in unix seconds.
public struct SessionInfo: Sendable, Hashable, ScaleEncodable {
    public var state: WorkerState
    public var veBits: UInt128
    public var vBits: UInt128
    public var vUpdatedAtSeconds: UInt64
    public var benchmark: Benchmark
    public var coolDownStartSeconds: UInt64
    public var totalRewardPlanck: UInt128

    public static func ready(nowSeconds: UInt64) -> SessionInfo {
        SessionInfo(state: .ready, veBits: 0, vBits: 0, vUpdatedAtSeconds: nowSeconds,
                    benchmark: Benchmark(pInit: 0, pInstant: 0, iterations: 0, workingStartSeconds: 0,
                                         challengeTimeLastSeconds: 0),
                    coolDownStartSeconds: 0, totalRewardPlanck: 0)
    }

    public func encode(to e: inout ScaleEncoder) {
        e.appendByte(state.rawValue)
        e.encode(veBits); e.encode(vBits); e.encode(vUpdatedAtSeconds)
        e.encode(benchmark.pInit); e.encode(benchmark.pInstant); e.encode(benchmark.iterations)
        e.encode(benchmark.workingStartSeconds); e.encode(benchmark.challengeTimeLastSeconds)
        e.encode(coolDownStartSeconds)
        e.encode(totalRewardPlanck)
    }
}
