/// `SessionInfo.benchmark` (§1.2): the scores the chain last saw.
public struct Benchmark: Hashable, Sendable {
    public var pInit: UInt32
    public var pInstant: UInt32
    public var iterations: UInt64
    /// Unix seconds.
    public var workingStartTimeSec: UInt64
    /// Unix seconds.
    public var challengeTimeLastSec: UInt64

    public init(pInit: UInt32, pInstant: UInt32, iterations: UInt64 = 0,
                workingStartTimeSec: UInt64 = 0, challengeTimeLastSec: UInt64 = 0) {
        self.pInit = pInit
        self.pInstant = pInstant
        self.iterations = iterations
        self.workingStartTimeSec = workingStartTimeSec
        self.challengeTimeLastSec = challengeTimeLastSec
    }
}
