import NIOCore
import NIOHTTP1
import SubstrateRPC

/// Plain HTTP JSON-RPC on the same port: `POST` with a JSON body (any path),
/// answered with `200` and `Content-Type: application/json`; subscriptions
/// are refused (they need a WebSocket). Removed from the pipeline when the
/// request is a WebSocket upgrade.
final class HTTPRPCChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let name = "khalatop-rpc-http"

    let connection: RPCConnection
    let dispatcher: RPCDispatcher
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var refusal: (HTTPResponseStatus, String)?

    init(connection: RPCConnection, dispatcher: RPCDispatcher) {
        self.connection = connection
        self.dispatcher = dispatcher
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = []
            refusal = nil
            if h.method != .POST {
                refusal = (.methodNotAllowed, "only POST is served (or a WebSocket upgrade)")
            } else if let type = h.headers.first(name: "content-type"),
                      !type.lowercased().hasPrefix("application/json") {
                refusal = (.unsupportedMediaType, "Content-Type must be application/json")
            } else if let length = h.headers.first(name: "content-length").flatMap(Int.init),
                      length > dispatcher.config.maxRequestBytes {
                refusal = (.payloadTooLarge, "request is larger than \(dispatcher.config.maxRequestBytes) bytes")
            }
        case .body(var chunk):
            guard refusal == nil else { return }
            if body.count + chunk.readableBytes > dispatcher.config.maxRequestBytes {
                refusal = (.payloadTooLarge, "request is larger than \(dispatcher.config.maxRequestBytes) bytes")
                body = []
                return
            }
            body.append(contentsOf: chunk.readBytes(length: chunk.readableBytes) ?? [])
        case .end:
            guard let head else { return }
            self.head = nil
            dispatcher.stats.update { $0.httpRequests += 1 }
            let keepAlive = head.isKeepAlive
            if let (status, reason) = refusal {
                if status == .payloadTooLarge { dispatcher.stats.update { $0.oversizedRequests += 1 } }
                let error: RPCErrorObject = status == .payloadTooLarge
                    ? .oversizedRequest(limitBytes: dispatcher.config.maxRequestBytes)
                    : .invalidRequest(reason)
                respond(context: context, status: status, body: RPCResponse.failure(id: .null, error: error).serializedBytes(),
                        keepAlive: false, version: head.version)
                return
            }
            let bytes = body
            body = []
            let dispatcher = self.dispatcher
            let connection = self.connection
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            Task {
                let outcome = await dispatcher.process(bytes, connection: connection)
                connection.eventLoop.execute {
                    let (handler, context) = loopBound.value
                    handler.respond(context: context, status: outcome.response == nil ? .noContent : .ok,
                                    body: outcome.response ?? [], keepAlive: keepAlive, version: head.version)
                }
            }
        }
    }

    func respond(context: ChannelHandlerContext, status: HTTPResponseStatus, body: [UInt8], keepAlive: Bool,
                 version: HTTPVersion) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.count))
        if status == .methodNotAllowed { headers.add(name: "Allow", value: "POST") }
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: version, status: status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive { done.whenComplete { [channel = context.channel] _ in channel.close(promise: nil) } }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
