/// How a simulated pRuntime answers its challenges (issue 5 fault injection).
public enum WorkerProfile: String, Sendable, Hashable {
    case healthy, slow, flaky, offline
}

/// One simulated worker: its keys, its pRuntime's behaviour, and the
/// Gatekeeper's view of it (pending challenges, unresponsive flag, V and the
/// deductible of PROTOCOL.md §4.3-§4.4).
struct SimWorker: Sendable, Hashable {
    var index: Int
    var pubkey: [UInt8]
    /// `blake2_256(pubkey)`, the worker side of the hit test (§4.2).
    var challengeHash: [UInt8]
    var profile: WorkerProfile
    var confidenceLevel: UInt8
    var initialScore: UInt32
    var pid: UInt64?
    var session: [UInt8]?
    var sessionId: UInt32 = 0
    /// Challenge blocks the Gatekeeper waits answers for, oldest first.
    var pendingChallenges: [UInt32] = []
    /// Challenges the pRuntime saw while offline, answered when it is back.
    var missed: [(block: UInt32, timeMs: UInt64)] = []
    var unresponsive = false
    /// V as a decimal (U64F64 on chain) and the growth not yet paid for.
    var v: Double = 0
    var deductible: Double = 0
    var lastPayoutBlock: UInt32 = 0
    var pInstant: UInt32 = 0
    var workingStartMs: UInt64 = 0
    /// Sequence of the worker's next off-chain message (`OffchainIngress`).
    var mqSequence: UInt64 = 0
    /// The pRuntime's ECDH public key (what it registers with).
    var ecdhPubkey: [UInt8] = []
    /// The operator its pRuntime names by default (the owner of the pool it is meant for).
    var defaultOperator: [UInt8]?
    /// A benchmark started by `BenchStart` (§2): unix ms of its start, and the block its report is relayed in.
    var benchStartMs: UInt64?
    var benchReportBlock: UInt32?

    static func == (a: SimWorker, b: SimWorker) -> Bool { a.index == b.index && a.pubkey == b.pubkey }
    func hash(into h: inout Hasher) { h.combine(index) }
}

/// A heartbeat a simulated pRuntime will have relayed on chain at a block.
struct ScheduledAnswer: Sendable, Hashable {
    var workerIndex: Int
    var challengeBlock: UInt32
    var challengeTimeMs: UInt64
}
