import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP/1.1 request and its response over a fresh connection, bounded in
/// time and size: what the pRuntime client needs and no more (pRuntime serves
/// plain HTTP on a LAN or loopback; issue 8).
///
/// The whole exchange (connect, send, receive) must finish within
/// `timeoutSeconds`, else `timedOut`; a body over `maxResponseBytes` cuts the
/// connection with `responseTooLarge`. Built on swift-nio rather than
/// URLSession so no libcurl/FoundationNetworking is pulled in.
struct HTTPExchange: Sendable {
    struct Response: Sendable {
        var status: Int
        var contentType: String?
        var body: [UInt8]
    }

    var endpoint: PRuntimeEndpoint
    var timeoutSeconds: Double
    var maxResponseBytes: Int
    var group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    func perform(method: HTTPMethod, path: String, contentType: String? = nil, body: [UInt8] = [],
                 what: String) async throws(PRuntimeError) -> Response {
        let loop = group.next()
        let promise = loop.makePromise(of: Response.self)
        let timeoutNanos = Int64(max(0.001, timeoutSeconds) * 1e9)
        let limit = maxResponseBytes
        let timeout = loop.scheduleTask(in: .nanoseconds(timeoutNanos)) {
            promise.fail(PRuntimeError.timedOut(what: what, seconds: timeoutSeconds))
        }
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.nanoseconds(timeoutNanos))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(
                        HTTPResponseCollector(promise: promise, maxBodyBytes: limit, what: what))
                }
            }
        let endpoint = self.endpoint
        bootstrap.connect(host: endpoint.host, port: endpoint.port).whenComplete { result in
            switch result {
            case .failure(let error):
                promise.fail(PRuntimeError.connectFailed(endpoint: endpoint.description, reason: "\(error)"))
            case .success(let channel):
                promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
                var headers = HTTPHeaders()
                headers.add(name: "Host", value: endpoint.host.contains(":") ? "[\(endpoint.host)]:\(endpoint.port)"
                                                                             : "\(endpoint.host):\(endpoint.port)")
                headers.add(name: "User-Agent", value: "khalatop")
                headers.add(name: "Connection", value: "close")
                if let contentType { headers.add(name: "Content-Type", value: contentType) }
                if method == .POST || !body.isEmpty { headers.add(name: "Content-Length", value: "\(body.count)") }
                let head = HTTPRequestHead(version: .http1_1, method: method, uri: path, headers: headers)
                channel.write(HTTPClientRequestPart.head(head), promise: nil)
                if !body.isEmpty {
                    channel.write(HTTPClientRequestPart.body(.byteBuffer(channel.allocator.buffer(bytes: body))),
                                  promise: nil)
                }
                channel.writeAndFlush(HTTPClientRequestPart.end(nil)).whenFailure { error in
                    promise.fail(PRuntimeError.connectionClosed(what: what))
                }
            }
        }
        defer { timeout.cancel() }
        do {
            return try await promise.futureResult.get()
        } catch let error as PRuntimeError {
            throw error
        } catch {
            throw .connectionClosed(what: what)
        }
    }
}

/// Collects one response; fails the promise on overflow, error or early close.
/// Lives on the channel's event loop only.
final class HTTPResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    let promise: EventLoopPromise<HTTPExchange.Response>
    let maxBodyBytes: Int
    let what: String
    var status = 0
    var contentType: String?
    var body: [UInt8] = []
    var done = false

    init(promise: EventLoopPromise<HTTPExchange.Response>, maxBodyBytes: Int, what: String) {
        self.promise = promise
        self.maxBodyBytes = maxBodyBytes
        self.what = what
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !done else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            contentType = head.headers.first(name: "Content-Type")
            if let length = head.headers.first(name: "Content-Length").flatMap(Int.init), length > maxBodyBytes {
                finish(context, .failure(PRuntimeError.responseTooLarge(what: what, limitBytes: maxBodyBytes)))
            }
        case .body(var buffer):
            guard buffer.readableBytes <= maxBodyBytes - body.count else {
                finish(context, .failure(PRuntimeError.responseTooLarge(what: what, limitBytes: maxBodyBytes)))
                return
            }
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            finish(context, .success(HTTPExchange.Response(status: status, contentType: contentType, body: body)))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(context, .failure(PRuntimeError.connectionClosed(what: what)))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if case HTTPParserError.headerOverflow = error {
            finish(context, .failure(PRuntimeError.responseTooLarge(what: what, limitBytes: maxBodyBytes)))
        } else if case HTTPParserError.invalidEOFState = error {
            finish(context, .failure(PRuntimeError.connectionClosed(what: what)))
        } else {
            finish(context, .failure(PRuntimeError.malformedResponse(
                what: what, .field(message: "HTTP", field: "response", expected: "HTTP/1.1 (\(error))"))))
        }
    }

    private func finish(_ context: ChannelHandlerContext, _ result: Result<HTTPExchange.Response, any Error>) {
        guard !done else { return }
        done = true
        body = []
        promise.completeWith(result)
        context.close(promise: nil)
    }
}
