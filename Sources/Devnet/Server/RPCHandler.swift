import SubstrateRPC

/// What the devnet runtime plugs into the JSON-RPC server: plain calls, and
/// subscriptions it feeds later through `RPCSubscription`.
///
/// The server owns the protocol (framing, ids, batches, limits, subscription
/// ids and their bookkeeping per connection); the handler owns meaning. A
/// thrown `RPCErrorObject` is sent as is; any other error becomes -32603.
public protocol RPCHandler: Sendable {
    /// Subscription families this handler serves (e.g. `SubstrateMethods.newHeads`).
    /// Their subscribe and unsubscribe calls never reach `call`.
    var subscriptionMethods: [SubscriptionMethod] { get }

    /// Answers one request. Unknown methods should throw `RPCErrorObject.methodNotFound`.
    func call(method: String, params: JSONValue?, context: RPCCallContext) async throws -> JSONValue

    /// Starts a subscription the server has already registered. Notifications
    /// sent through `subscription` before the subscribe response is out are
    /// held and delivered right after it (as Substrate does for the first
    /// runtime version). Throwing refuses the subscription with that error.
    func subscribe(_ method: SubscriptionMethod, params: JSONValue?, subscription: RPCSubscription) async throws

    /// The subscription ended (client unsubscribed, connection closed, or the
    /// handler closed it): drop references to it.
    func unsubscribed(_ subscription: RPCSubscription) async

    /// A connection closed; its subscriptions were already passed to `unsubscribed`.
    func connectionClosed(_ connectionID: UInt64) async
}

extension RPCHandler {
    public var subscriptionMethods: [SubscriptionMethod] { [] }

    public func subscribe(_ method: SubscriptionMethod, params: JSONValue?, subscription: RPCSubscription) async throws {
        throw RPCErrorObject.methodNotFound(method.subscribe)
    }

    public func unsubscribed(_ subscription: RPCSubscription) async {}

    public func connectionClosed(_ connectionID: UInt64) async {}
}

/// Who is calling: lets a handler tell connections apart (e.g. per-connection state).
public struct RPCCallContext: Sendable, Hashable {
    public enum Transport: Sendable, Hashable { case webSocket, http }

    public var connectionID: UInt64
    public var transport: Transport

    public init(connectionID: UInt64, transport: Transport) {
        self.connectionID = connectionID
        self.transport = transport
    }
}
