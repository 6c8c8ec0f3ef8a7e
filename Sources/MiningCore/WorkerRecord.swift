/// What the fleet knows about one watched worker: its registry entry
/// (§1.1), binding and pool (§1.3) and its heartbeat history (§4.2, §4.3).
/// Session-keyed data lives in `SessionRecord`; the UI reads `WorkerStatus`.
public struct WorkerRecord: Hashable, Sendable {
    public let key: WorkerKey
    /// `blake2_256(pubkey)` as a big-endian U256, computed once (§4.2).
    public let challengeHash: UInt256

    /// False until `PhalaRegistry.Workers` was read for this worker.
    public internal(set) var infoObserved = false
    /// nil: not registered (when `infoObserved`).
    public internal(set) var info: WorkerInfo?
    public internal(set) var session: AccountID?
    public internal(set) var pid: UInt64?
    public internal(set) var heartbeat: HeartbeatTracker
    /// `p_instant` of the newest `BenchmarkUpdated`; several in one block
    /// keep the highest, so arrival order does not matter.
    public internal(set) var lastPInstant: UInt32?
    public internal(set) var lastPInstantBlock: UInt32 = 0
    public internal(set) var lastEvent: WorkerEvent?

    init(key: WorkerKey, window: Int) {
        self.key = key
        self.challengeHash = key.challengeHash
        self.heartbeat = HeartbeatTracker(window: window)
    }

    mutating func recordPInstant(_ p: UInt32, at block: UInt32) {
        if block > lastPInstantBlock || lastPInstant == nil {
            lastPInstant = p
            lastPInstantBlock = block
        } else if block == lastPInstantBlock {
            lastPInstant = Swift.max(lastPInstant ?? 0, p)
        }
    }

    mutating func note(_ kind: WorkerEvent.Kind, at block: UInt32) {
        lastEvent = WorkerEvent.newer(lastEvent, WorkerEvent(kind: kind, block: block))
    }
}
