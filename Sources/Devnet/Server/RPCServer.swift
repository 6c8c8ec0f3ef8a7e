import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket
import Synchronization
import SubstrateRPC

/// The devnet's JSON-RPC server: WebSocket (upgrade on any path) and plain
/// HTTP POST on one loopback port, in front of an `RPCHandler`; optionally
/// behind TLS (`RPCServerConfiguration.tls`: `wss://` and HTTPS).
///
/// Issue 5: third-party Substrate clients (py-substrate-interface,
/// rpc_trace.py) must not tell it from a node for the methods we serve, so
/// framing, error codes and subscription messages follow jsonrpsee. One call
/// starts it on an ephemeral port for in-process use and tests:
///
/// ```swift
/// let server = try await RPCServer.start(handler: runtimeHandler)   // port 0
/// let url = server.webSocketURL                                     // ws://127.0.0.1:<port>
/// ...
/// await server.shutdown()
/// ```
public final class RPCServer: Sendable {
    /// The bound port (the ephemeral one when configured with port 0).
    public let port: Int
    public let host: String
    /// Whether connections are TLS (`wss://`).
    public let usesTLS: Bool

    let serverChannel: any Channel
    let registry: ChannelRegistry
    let statsBox: RPCServerStatsBox

    private init(port: Int, host: String, usesTLS: Bool, serverChannel: any Channel, registry: ChannelRegistry,
                 stats: RPCServerStatsBox) {
        self.port = port
        self.host = host
        self.usesTLS = usesTLS
        self.serverChannel = serverChannel
        self.registry = registry
        self.statsBox = stats
    }

    /// What the server has counted so far.
    public var stats: RPCServerStats { statsBox.snapshot }

    /// `ws://host:port` (`wss://` with TLS) for clients. A TLS client needs a
    /// host name its certificate names (e.g. `localhost`), not this IP address.
    public var webSocketURL: String { "\(usesTLS ? "wss" : "ws")://\(host):\(port)" }

    /// Binds and starts serving; returns once the port is bound.
    public static func start(handler: any RPCHandler, configuration: RPCServerConfiguration = RPCServerConfiguration(),
                             eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> RPCServer {
        let stats = RPCServerStatsBox()
        let registry = ChannelRegistry()
        let dispatcher = RPCDispatcher(handler: handler, config: configuration, stats: stats)
        let tls = try configuration.tls.map(makeTLSContext)
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                stats.update { $0.connectionsAccepted += 1 }
                registry.add(channel)
                channel.closeFuture.whenComplete { _ in registry.remove(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try RPCServer.configurePipeline(channel: channel, dispatcher: dispatcher, registry: registry)
                }
            }
        let channel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        guard let bound = channel.localAddress?.port else {
            try? await channel.close()
            throw RPCServerError.noBoundPort
        }
        configuration.logger.info("devnet RPC listening on \(configuration.host):\(bound)")
        return RPCServer(port: bound, host: configuration.host, usesTLS: tls != nil, serverChannel: channel,
                         registry: registry, stats: stats)
    }

    static func makeTLSContext(_ tls: RPCServerTLS) throws -> NIOSSLContext {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(tls.certificateChainPEMFile)
            guard !chain.isEmpty else { throw RPCServerError.tls("no certificate in \(tls.certificateChainPEMFile)") }
            let key = try NIOSSLPrivateKey(file: tls.privateKeyPEMFile, format: .pem)
            return try NIOSSLContext(configuration: .makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                              privateKey: .privateKey(key)))
        } catch let e as RPCServerError {
            throw e
        } catch {
            throw RPCServerError.tls("cannot use \(tls.certificateChainPEMFile) / \(tls.privateKeyPEMFile): \(error)")
        }
    }

    /// Stops accepting, closes every connection and waits for the listener to close.
    public func shutdown() async {
        try? await serverChannel.close()
        let open = registry.channels.withLock { Array($0.values) }
        for child in open { try? await child.close() }
    }

    static func configurePipeline(channel: any Channel, dispatcher: RPCDispatcher, registry: ChannelRegistry) throws {
        let config = dispatcher.config
        let onServerClose: @Sendable (RPCSubscription) -> Void = { sub in
            Task { await dispatcher.handler.unsubscribed(sub) }
        }
        let httpConnection = RPCConnection(id: registry.makeID(), channel: channel, transport: .http, config: config,
                                           stats: dispatcher.stats, onServerClose: onServerClose)
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: config.maxInboundFrameBytes,
            automaticErrorHandling: true,
            shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture(HTTPHeaders()) },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    dispatcher.stats.update { $0.webSocketUpgrades += 1 }
                    let wsConnection = RPCConnection(id: registry.makeID(), channel: channel, transport: .webSocket,
                                                     config: config, stats: dispatcher.stats, onServerClose: onServerClose)
                    let handler = WebSocketRPCChannelHandler(connection: wsConnection, dispatcher: dispatcher) { subs in
                        Task {
                            for sub in subs { await dispatcher.handler.unsubscribed(sub) }
                            await dispatcher.handler.connectionClosed(wsConnection.id)
                        }
                    }
                    try channel.pipeline.syncOperations.addHandler(NIOWebSocketFrameAggregator(
                        minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: 4096,
                        maxAccumulatedFrameSize: config.maxInboundFrameBytes))
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            })
        let httpHandler = HTTPRPCChannelHandler(connection: httpConnection, dispatcher: dispatcher)
        try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withServerUpgrade: (upgraders: [upgrader], completionHandler: { context in
                context.pipeline.removeHandler(name: HTTPRPCChannelHandler.name, promise: nil)
            }))
        try channel.pipeline.syncOperations.addHandler(httpHandler, name: HTTPRPCChannelHandler.name)
    }
}

/// Why the server could not start.
public enum RPCServerError: Error, Sendable, Equatable {
    /// The listener bound but reported no port.
    case noBoundPort
    /// The TLS certificate or key could not be loaded.
    case tls(String)
}

/// Open child channels, so `shutdown` can close them, and connection ids.
final class ChannelRegistry: Sendable {
    let channels = Mutex<[ObjectIdentifier: any Channel]>([:])
    let nextID = Atomic<UInt64>(1)

    func add(_ channel: any Channel) { channels.withLock { $0[ObjectIdentifier(channel)] = channel } }
    func remove(_ channel: any Channel) { channels.withLock { $0[ObjectIdentifier(channel)] = nil } }
    func makeID() -> UInt64 { nextID.wrappingAdd(1, ordering: .relaxed).oldValue }
}
