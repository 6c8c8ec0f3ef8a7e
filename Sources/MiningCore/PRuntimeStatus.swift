/// What a worker's pRuntime last said about itself (`GET /info`, issue 8),
/// for the worker's detail view: its sync heights against the chain's, and
/// whether it considers itself registered. A plain value so the dashboard
/// (which does no I/O) can show it; `PRuntimePoller` in ChainEngine makes it.
///
/// Heights are pRuntime's *next* numbers to sync, as it reports them; the
/// parachain blocks it has processed are `nextBlockNumber - 1`.
public struct PRuntimeStatus: Sendable, Equatable {
    public enum Reachability: Sendable, Equatable {
        /// Answered `/info`.
        case answered
        /// Did not answer usefully; the reason is worded for the operator.
        case unreachable(String)
    }

    /// The pRuntime's base URL, as configured.
    public var endpoint: String
    public var reachability: Reachability
    public var initialized: Bool
    public var registered: Bool
    public var devMode: Bool
    public var nextRelayHeaderNumber: UInt32
    public var nextParaHeaderNumber: UInt32
    public var nextBlockNumber: UInt32
    public var waitingForParaHeaders: Bool
    public var pendingMessages: UInt64
    public var score: UInt64
    public var version: String
    /// The worker key pRuntime reports (hex without 0x); nil before init.
    public var publicKeyHex: String?
    /// Unix ms when this was polled (caller's clock).
    public var polledAtMs: UInt64

    public init(endpoint: String, reachability: Reachability, initialized: Bool = false, registered: Bool = false,
                devMode: Bool = false, nextRelayHeaderNumber: UInt32 = 0, nextParaHeaderNumber: UInt32 = 0,
                nextBlockNumber: UInt32 = 0, waitingForParaHeaders: Bool = false, pendingMessages: UInt64 = 0,
                score: UInt64 = 0, version: String = "", publicKeyHex: String? = nil, polledAtMs: UInt64) {
        self.endpoint = endpoint
        self.reachability = reachability
        self.initialized = initialized
        self.registered = registered
        self.devMode = devMode
        self.nextRelayHeaderNumber = nextRelayHeaderNumber
        self.nextParaHeaderNumber = nextParaHeaderNumber
        self.nextBlockNumber = nextBlockNumber
        self.waitingForParaHeaders = waitingForParaHeaders
        self.pendingMessages = pendingMessages
        self.score = score
        self.version = version
        self.publicKeyHex = publicKeyHex
        self.polledAtMs = polledAtMs
    }

    /// Parachain blocks the pRuntime is behind the chain's best block (0 when synced or unknown).
    public func blocksBehind(chainHead: UInt32) -> UInt32 {
        guard reachability == .answered, nextBlockNumber > 0 else { return 0 }
        let processed = nextBlockNumber - 1
        return chainHead > processed ? chainHead - processed : 0
    }

    /// One line for the detail view, e.g. `pRuntime synced #1234 (relay #2469), registered, dev mode`
    /// or `pRuntime 12 blocks behind (#1222 of #1234)`, or why it could not be read.
    public func summary(chainHead: UInt32?) -> String {
        if case .unreachable(let why) = reachability { return "pRuntime unreachable: \(why)" }
        guard initialized else { return "pRuntime not initialised (InitRuntime not run)" }
        let processed = nextBlockNumber > 0 ? nextBlockNumber - 1 : 0
        var parts: [String] = []
        if let head = chainHead, blocksBehind(chainHead: head) > 0 {
            parts.append("pRuntime \(blocksBehind(chainHead: head)) blocks behind (#\(processed) of #\(head))")
        } else {
            parts.append("pRuntime synced #\(processed)")
        }
        parts[0] += " (relay #\(nextRelayHeaderNumber > 0 ? nextRelayHeaderNumber - 1 : 0))"
        parts.append(registered ? "registered" : "not registered")
        if devMode { parts.append("dev mode") }
        if waitingForParaHeaders { parts.append("waiting for parachain headers") }
        if pendingMessages > 0 { parts.append("\(pendingMessages) messages pending") }
        return parts.joined(separator: ", ")
    }
}
