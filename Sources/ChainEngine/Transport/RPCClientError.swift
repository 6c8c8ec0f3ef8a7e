import SubstrateRPC

/// Why an RPC call, subscription or connection failed.
///
/// Typed so the engine's reconnect logic can tell a node that is gone
/// (`connectionClosed`), slow (`timeout`) or refusing (`rpcError`) apart
/// (issue 6: connection state is itself an observation).
public enum RPCClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `call`/`subscribe` before `connect`, or after the connection ended.
    case notConnected
    /// `connect` while a connection is open or opening.
    case alreadyConnected
    /// The URL is not `ws://` or `wss://` with a host.
    case invalidURL(String)
    /// The TLS settings could not be built (e.g. the extra CA file is unreadable).
    case tlsConfiguration(String)
    /// The TCP/TLS/WebSocket handshake failed.
    case connectFailed(url: String, reason: String)
    /// The connection ended while the call or subscription was outstanding.
    case connectionClosed(reason: String)
    /// No response within the call's timeout.
    case timeout(method: String, seconds: Double)
    /// The node answered with a JSON-RPC error.
    case rpcError(code: Int, message: String, data: JSONValue?)
    /// A frame that is not JSON, or JSON that is not a JSON-RPC message.
    case malformedFrame(String)
    /// A subscribe call answered with something that is not a subscription id.
    case invalidSubscriptionID(method: String)
    /// The consumer fell behind and the subscription's buffer filled up.
    case subscriptionOverflow(method: String, bufferedItems: Int)
    /// The calling task was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .notConnected: return "not connected"
        case .alreadyConnected: return "already connected"
        case .invalidURL(let u): return "invalid URL \(u) (expected ws:// or wss://)"
        case .tlsConfiguration(let r): return "TLS configuration: \(r)"
        case .connectFailed(let u, let r): return "cannot connect to \(u): \(r)"
        case .connectionClosed(let r): return "connection closed: \(r)"
        case .timeout(let m, let s): return "\(m) timed out after \(s) s"
        case .rpcError(let c, let m, let d):
            return "RPC error \(c): \(m)" + (d.map { " (\($0.serialized().prefix(200)))" } ?? "")
        case .malformedFrame(let r): return "malformed frame: \(r)"
        case .invalidSubscriptionID(let m): return "\(m) did not return a subscription id"
        case .subscriptionOverflow(let m, let n): return "subscription \(m) overflowed its buffer of \(n) items"
        case .cancelled: return "cancelled"
        }
    }
}

/// The client's connection as the engine and UI see it.
public enum RPCConnectionState: Sendable, Equatable {
    case idle
    case connecting(url: String)
    case connected(url: String)
    /// The connection ended; `error` is nil when `disconnect()` asked for it.
    case disconnected(url: String, error: RPCClientError?)
}

/// Something the client received and could not use; it carries on.
public enum RPCClientAnomaly: Sendable, Equatable {
    case malformedFrame(String)
    case unknownSubscription(RPCID, method: String)
    /// A response no call waits for; `error` is set when the node reported one
    /// (e.g. -32700 with id null: the node could not read something we sent).
    case unmatchedResponse(RPCID, error: RPCErrorObject?)
}

/// Counters of the client's traffic and anomalies.
public struct RPCClientStats: Sendable, Equatable {
    public var callsSent = 0
    public var responsesMatched = 0
    public var notificationsDelivered = 0
    public var malformedFrames = 0
    public var unknownSubscriptionNotifications = 0
    public var unmatchedResponses = 0
    public var timeouts = 0
    public var notificationsDropped = 0
    public init() {}
}
