/// The fields of `WorkingReportEvent::HeartbeatV2` (§3) and where it landed.
public struct HeartbeatReport: Hashable, Sendable {
    public var worker: WorkerKey
    public var sessionId: UInt32
    public var challengeBlock: UInt32
    /// Milliseconds: the challenge block's timestamp.
    public var challengeTimeMs: UInt64
    public var iterations: UInt64
    /// The block that included the `sync_offchain_message`.
    public var block: UInt32

    public init(worker: WorkerKey, sessionId: UInt32 = 0, challengeBlock: UInt32, challengeTimeMs: UInt64 = 0,
                iterations: UInt64 = 0, block: UInt32) {
        self.worker = worker
        self.sessionId = sessionId
        self.challengeBlock = challengeBlock
        self.challengeTimeMs = challengeTimeMs
        self.iterations = iterations
        self.block = block
    }
}
