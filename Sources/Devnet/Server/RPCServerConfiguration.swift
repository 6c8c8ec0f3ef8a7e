import Logging

/// Limits and address of the devnet's JSON-RPC server.
///
/// Defaults follow issue 5: outbound frames large enough for
/// `state_getMetadata` (~770 KB of hex, and 8 MiB storage batches), a cap on
/// request size and on subscriptions per connection, and a bounded outbound
/// queue so a client that stops reading cannot grow our memory.
public struct RPCServerConfiguration: Sendable {
    /// Address to bind; loopback by default (the devnet is local).
    public var host: String
    /// Port to bind; 0 picks a free ephemeral port (read it from `RPCServer.port`).
    public var port: Int
    /// Largest JSON-RPC request (WebSocket message or HTTP body) served; larger
    /// ones get error -32007 (WebSocket) or HTTP 413.
    public var maxRequestBytes: Int
    /// Largest WebSocket frame (or fragmented message) read before the
    /// connection is closed with 1009; above `maxRequestBytes` so that a
    /// moderately oversized request still gets a JSON-RPC error.
    public var maxInboundFrameBytes: Int
    /// Largest response or notification sent; a bigger one becomes error -32008.
    public var maxResponseBytes: Int
    /// Subscriptions one connection may hold; more get error -32006.
    public var maxSubscriptionsPerConnection: Int
    /// Requests one connection may have in flight; beyond it the server stops
    /// reading that socket until some finish (TCP back-pressure).
    public var maxInFlightRequestsPerConnection: Int
    /// Largest batch (JSON array of requests) served; larger ones get -32010.
    public var maxBatchRequests: Int
    /// Bytes queued for a connection but not yet taken by its socket. A client
    /// that does not read is dropped (and the reason logged) once this is exceeded.
    public var maxQueuedOutboundBytes: Int
    /// Where the server logs (connection drops, handler failures). Silent by
    /// default, because the embedded devnet shares the process with the
    /// curses screen (STYLE.md 10); the executable passes a logger that
    /// writes to the log file, and `RPCServerStats.lastDropReason` keeps the
    /// last drop reason either way.
    public var logger: Logger
    /// Serve `wss://` (TLS) instead of `ws://` with this certificate and key; nil: plain.
    public var tls: RPCServerTLS?

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        maxRequestBytes: Int = 1 << 20,
        maxInboundFrameBytes: Int = 4 << 20,
        maxResponseBytes: Int = 16 << 20,
        maxSubscriptionsPerConnection: Int = 1024,
        maxInFlightRequestsPerConnection: Int = 256,
        maxBatchRequests: Int = 1024,
        maxQueuedOutboundBytes: Int = 64 << 20,
        logger: Logger = Logger(label: "khalatop.devnet.rpc", factory: { _ in SwiftLogNoOpLogHandler() }),
        tls: RPCServerTLS? = nil
    ) {
        self.host = host
        self.port = port
        self.maxRequestBytes = maxRequestBytes
        self.maxInboundFrameBytes = max(maxInboundFrameBytes, maxRequestBytes)
        self.maxResponseBytes = maxResponseBytes
        self.maxSubscriptionsPerConnection = maxSubscriptionsPerConnection
        self.maxInFlightRequestsPerConnection = max(1, maxInFlightRequestsPerConnection)
        self.maxBatchRequests = maxBatchRequests
        self.maxQueuedOutboundBytes = maxQueuedOutboundBytes
        self.logger = logger
        self.tls = tls
    }
}

/// The certificate chain and private key (PEM files) of a TLS devnet, so
/// `wss://` clients (and `--tls-ca`) can be tested end to end on loopback.
public struct RPCServerTLS: Sendable, Hashable {
    /// PEM file: the server certificate first, then any intermediates.
    public var certificateChainPEMFile: String
    /// PEM file with the server's private key.
    public var privateKeyPEMFile: String

    public init(certificateChainPEMFile: String, privateKeyPEMFile: String) {
        self.certificateChainPEMFile = certificateChainPEMFile
        self.privateKeyPEMFile = privateKeyPEMFile
    }
}
