import Synchronization
import SubstrateRPC

/// One live subscription of one connection, handed to the `RPCHandler`,
/// which pushes notifications through it for as long as `isActive`.
///
/// Thread-safe and cheap to call from any task: `send` serializes the
/// notification and queues it on the connection's event loop, where order is
/// kept and the per-connection outbound limit applies.
public final class RPCSubscription: Sendable, Hashable, CustomStringConvertible {
    /// The id the client sees in `params.subscription`.
    public let id: RPCID
    public let method: SubscriptionMethod
    public let connectionID: UInt64
    /// The params the client subscribed with.
    public let params: JSONValue?

    let active = Mutex(true)
    let sink: @Sendable (RPCSubscription, [UInt8]) -> Void
    let closer: @Sendable (RPCSubscription) -> Void

    init(id: RPCID, method: SubscriptionMethod, connectionID: UInt64, params: JSONValue?,
         sink: @escaping @Sendable (RPCSubscription, [UInt8]) -> Void,
         closer: @escaping @Sendable (RPCSubscription) -> Void) {
        self.id = id
        self.method = method
        self.connectionID = connectionID
        self.params = params
        self.sink = sink
        self.closer = closer
    }

    /// False once the client unsubscribed, the handler closed it, or the connection went away.
    public var isActive: Bool { active.withLock { $0 } }

    /// Pushes one `result`; returns false (and sends nothing) when no longer active.
    @discardableResult
    public func send(_ result: JSONValue) -> Bool {
        guard isActive else { return false }
        sink(self, RPCSubscriptionNotification(method: method.notification, subscription: id, result: result).serializedBytes())
        return true
    }

    /// Ends the subscription from the server side (e.g. a watched extrinsic
    /// was finalized). `unsubscribed` is still called on the handler.
    public func close() {
        closer(self)
    }

    func deactivate() -> Bool {
        active.withLock { wasActive in
            defer { wasActive = false }
            return wasActive
        }
    }

    public static func == (a: RPCSubscription, b: RPCSubscription) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    public var description: String { "RPCSubscription(\(method.subscribe) \(id) on connection \(connectionID))" }
}
