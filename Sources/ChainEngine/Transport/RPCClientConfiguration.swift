/// Limits and TLS settings of `RPCClient`.
///
/// Issue 6: frames large enough for `state_getMetadata` (we allow 32 MiB),
/// TLS verified against the system trust store with an optional extra CA,
/// permessage-deflate when the server offers it, per-request timeouts.
public struct RPCClientConfiguration: Sendable {
    /// How a subscription buffers notifications its consumer has not taken yet.
    public enum BufferPolicy: Sendable, Equatable {
        /// Keep the newest `n`, dropping older ones (counted in stats).
        case dropOldest(Int)
        /// End the stream with `subscriptionOverflow` once `n` are waiting, so
        /// the consumer knows it lost data and can resubscribe and backfill.
        case failWhenFull(Int)
    }

    /// Largest message (and frame) accepted; bigger ones close the connection.
    public var maxMessageBytes: Int
    /// Timeout for `call` when none is given.
    public var defaultTimeoutSeconds: Double
    /// Timeout for the TCP + TLS + WebSocket handshake.
    public var connectTimeoutSeconds: Double
    /// Buffering of each subscription stream.
    public var subscriptionBuffer: BufferPolicy
    /// PEM file with CA certificates trusted in addition to the system store (wss:// only).
    public var extraCAFile: String?
    /// Offer permessage-deflate (used only when the server accepts it).
    public var offerCompression: Bool
    /// Send a WebSocket ping this often and close if no pong comes back; nil disables.
    public var pingIntervalSeconds: Double?

    public init(maxMessageBytes: Int = 32 << 20, defaultTimeoutSeconds: Double = 30, connectTimeoutSeconds: Double = 10,
                subscriptionBuffer: BufferPolicy = .failWhenFull(4096), extraCAFile: String? = nil,
                offerCompression: Bool = true, pingIntervalSeconds: Double? = 30) {
        self.maxMessageBytes = maxMessageBytes
        self.defaultTimeoutSeconds = defaultTimeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.subscriptionBuffer = subscriptionBuffer
        self.extraCAFile = extraCAFile
        self.offerCompression = offerCompression
        self.pingIntervalSeconds = pingIntervalSeconds
    }
}
