import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
import SubstrateRPC

/// The devnet's simulated pRuntimes on one loopback HTTP listener, one path
/// prefix per worker (issue 8): worker `i`'s pRuntime is
/// `http://127.0.0.1:<port>/workers/<i>`, serving what a real pRuntime serves
/// under its base URL (`PRuntimeAPI`):
///
/// - `GET  …/info` — `PhactoryInfo` JSON;
/// - `POST …/prpc/PhactoryAPI.GetRuntimeInfo` — protobuf, or JSON with `?json`
///   or a JSON `Content-Type`; request bodies over 1 KiB get 413 as from pRuntime;
/// - `GET …/prpc/PhactoryAPI.GetInfo` or `POST …?json` — the `/info` JSON;
/// - anything else — 404 with a prpc error body.
///
/// Indices are the devnet's worker indices: registered workers first, then
/// the `unregisteredWorkers`.
public final class SimulatedPRuntimeServer: Sendable {
    public let host: String
    public let port: Int
    let channel: any Channel

    private init(host: String, port: Int, channel: any Channel) {
        self.host = host
        self.port = port
        self.channel = channel
    }

    /// The base URL of worker `index`'s simulated pRuntime.
    public func url(worker index: Int) -> String { "http://\(host):\(port)/workers/\(index)" }

    /// Largest request body accepted (pRuntime allows 1 KiB for GetRuntimeInfo).
    static let maxRequestBytes = 1024

    public static func start(node: DevnetNode, host: String = "127.0.0.1", port: Int = 0,
                             logger: Logger = Logger(label: "khalatop.devnet.pruntime"),
                             eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton)
        async throws -> SimulatedPRuntimeServer {
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(SimulatedPRuntimeHandler(node: node))
                }
            }
        let channel = try await bootstrap.bind(host: host, port: port).get()
        guard let bound = channel.localAddress?.port else {
            try? await channel.close()
            throw RPCServerError.noBoundPort
        }
        logger.info("devnet simulated pRuntimes on http://\(host):\(bound)/workers/<index>")
        return SimulatedPRuntimeServer(host: host, port: bound, channel: channel)
    }

    public func shutdown() async {
        try? await channel.close()
    }
}

/// One HTTP connection to the simulated pRuntimes; lives on its event loop.
final class SimulatedPRuntimeHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let node: DevnetNode
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false

    init(node: DevnetNode) { self.node = node }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = []
            tooLarge = h.headers.first(name: "content-length").flatMap(Int.init).map {
                $0 > SimulatedPRuntimeServer.maxRequestBytes
            } ?? false
        case .body(var chunk):
            guard !tooLarge else { return }
            if body.count + chunk.readableBytes > SimulatedPRuntimeServer.maxRequestBytes {
                tooLarge = true
                body = []
                return
            }
            body += chunk.readBytes(length: chunk.readableBytes) ?? []
        case .end:
            guard let head else { return }
            self.head = nil
            let request = SimulatedPRuntimeRequest(head: head, body: body, tooLarge: tooLarge)
            body = []
            let node = self.node
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let eventLoop = context.eventLoop
            Task {
                let reply = await request.answer(node: node)
                eventLoop.execute {
                    let (handler, context) = loopBound.value
                    handler.respond(context: context, reply, keepAlive: head.isKeepAlive, version: head.version)
                }
            }
        }
    }

    func respond(context: ChannelHandlerContext, _ reply: SimulatedPRuntimeRequest.Reply, keepAlive: Bool,
                 version: HTTPVersion) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: reply.contentType)
        headers.add(name: "Content-Length", value: String(reply.body.count))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: reply.status, headers: headers))),
                      promise: nil)
        if !reply.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: reply.body)))),
                          promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive { done.whenComplete { [channel = context.channel] _ in channel.close(promise: nil) } }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// One request to a simulated pRuntime, routed by path.
struct SimulatedPRuntimeRequest: Sendable {
    struct Reply: Sendable {
        var status: HTTPResponseStatus
        var contentType: String
        var body: [UInt8]
        var statusCode: Int { Int(status.code) }
    }

    var method: HTTPMethod
    var path: String
    var query: String?
    var contentType: String?
    var body: [UInt8]
    var tooLarge: Bool

    init(head: HTTPRequestHead, body: [UInt8], tooLarge: Bool) {
        self.init(method: head.method, uri: head.uri, contentType: head.headers.first(name: "content-type"), body: body,
                  tooLarge: tooLarge)
    }

    /// A request by method name (tests route requests without a socket).
    init(methodName: String, uri: String, contentType: String? = nil, body: [UInt8] = [], tooLarge: Bool = false) {
        self.init(method: HTTPMethod(rawValue: methodName), uri: uri, contentType: contentType, body: body,
                  tooLarge: tooLarge)
    }

    init(method: HTTPMethod, uri: String, contentType: String?, body: [UInt8], tooLarge: Bool) {
        self.method = method
        if let q = uri.firstIndex(of: "?") {
            path = String(uri[..<q])
            query = String(uri[uri.index(after: q)...])
        } else {
            path = uri
        }
        self.contentType = contentType
        self.body = body
        self.tooLarge = tooLarge
    }

    /// `json` in the query (`?json`, `?json=true`) or a JSON content type, as pRuntime decides.
    var wantsJSON: Bool {
        let q = query?.split(separator: "&").contains { $0 == "json" || $0 == "json=true" } ?? false
        return q || (contentType?.lowercased().contains("json") ?? false)
    }

    func answer(node: DevnetNode) async -> Reply {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 3, parts[0] == "workers", let index = Int(parts[1]), index >= 0 else {
            return error(.notFound, "no such path: simulated pRuntimes live under /workers/<index>", json: true)
        }
        let rest = "/" + parts.dropFirst(2).joined(separator: "/")
        if rest == PRuntimeAPI.infoPath {
            guard method == .GET else { return error(.methodNotAllowed, "GET /info", json: true) }
            guard let info = await node.withChain({ $0.simulatedPRuntimeInfo(worker: index) }) else {
                return error(.notFound, "no simulated worker \(index)", json: true)
            }
            return Reply(status: .ok, contentType: "application/json", body: info.json.serializedBytes())
        }
        guard rest.hasPrefix(PRuntimeAPI.prpcPrefix) else { return error(.notFound, "no such path: \(rest)", json: true) }
        let json = wantsJSON
        let name = String(rest.dropFirst(PRuntimeAPI.prpcPrefix.count))
        if name == PRuntimeAPI.getInfoMethod {
            // pRuntime answers GET and `?json` with JSON; the protobuf PhactoryInfo is not simulated.
            guard method == .GET || json else {
                return error(.badRequest, "protobuf PhactoryInfo is not simulated: use ?json or GET /info", json: false)
            }
            guard let info = await node.withChain({ $0.simulatedPRuntimeInfo(worker: index) }) else {
                return error(.notFound, "no simulated worker \(index)", json: true)
            }
            return Reply(status: .ok, contentType: "application/json", body: info.json.serializedBytes())
        }
        guard name == PRuntimeAPI.getRuntimeInfoMethod else {
            return error(.notFound, "method \(name) is not simulated", json: json)
        }
        guard method == .POST else { return error(.methodNotAllowed, "POST only", json: json) }
        guard !tooLarge else { return error(.payloadTooLarge, "Entity too large", json: json) }
        let request: GetRuntimeInfoRequest
        do {
            request = json ? try GetRuntimeInfoRequest(json: body) : try GetRuntimeInfoRequest(protobuf: body)
        } catch {
            return self.error(.badRequest, "\(error)", json: json)
        }
        let result = await node.withChain { chain in
            Result { () throws(SimulatedPRuntimeError) -> InitRuntimeResponse in
                try chain.simulatedRuntimeInfo(worker: index, request: request)
            }
        }
        switch result {
        case .success(let response):
            return json ? Reply(status: .ok, contentType: "application/json", body: response.json.serializedBytes())
                        : Reply(status: .ok, contentType: "application/octet-stream", body: response.protobuf)
        case .failure(.unknownWorker(let i)):
            return error(.notFound, "no simulated worker \(i)", json: json)
        case .failure(.badRequest(let why)):
            return error(.badRequest, why, json: json)
        }
    }

    func error(_ status: HTTPResponseStatus, _ message: String, json: Bool) -> Reply {
        let e = PrpcErrorMessage(message: message)
        return json ? Reply(status: status, contentType: "application/json", body: e.json.serializedBytes())
                    : Reply(status: status, contentType: "application/octet-stream", body: e.protobuf)
    }
}
