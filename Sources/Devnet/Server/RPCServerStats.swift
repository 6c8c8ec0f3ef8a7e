import Synchronization

/// Counters of what the server has seen, for tests, logs and the bench.
public struct RPCServerStats: Sendable, Equatable {
    public var connectionsAccepted = 0
    public var webSocketUpgrades = 0
    public var httpRequests = 0
    public var requestsHandled = 0
    public var parseErrors = 0
    public var oversizedRequests = 0
    public var subscriptionsOpened = 0
    public var subscriptionsRefusedOverLimit = 0
    /// Connections closed because their client did not keep up (outbound queue, or
    /// notifications held before a subscription id, over their limits).
    public var slowReaderDrops = 0
    /// The last reason a connection was dropped by the server.
    public var lastDropReason: String?

    public init() {}
}

/// Shared, lock-protected stats.
final class RPCServerStatsBox: Sendable {
    let value = Mutex(RPCServerStats())

    func update(_ body: (inout RPCServerStats) -> Void) {
        value.withLock { body(&$0) }
    }

    var snapshot: RPCServerStats { value.withLock { $0 } }
}
