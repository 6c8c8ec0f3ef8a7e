import NIOCore
import NIOWebSocket
import SubstrateRPC

/// The pipeline end of an upgraded WebSocket connection: text/binary
/// messages become JSON-RPC requests, pings get pongs, a close is echoed.
///
/// Requests run as tasks (a slow `state_call` must not block the loop);
/// responses are queued through `RPCConnection`, which applies the outbound
/// limit. Runs on the channel's event loop only.
final class WebSocketRPCChannelHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let connection: RPCConnection
    let dispatcher: RPCDispatcher
    let onClosed: @Sendable ([RPCSubscription]) -> Void
    private var sentClose = false

    init(connection: RPCConnection, dispatcher: RPCDispatcher, onClosed: @escaping @Sendable ([RPCSubscription]) -> Void) {
        self.connection = connection
        self.dispatcher = dispatcher
        self.onClosed = onClosed
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary:
            var payload = frame.unmaskedData
            let bytes = payload.readBytes(length: payload.readableBytes) ?? []
            let connection = self.connection
            let dispatcher = self.dispatcher
            connection.submit(bytes) { bytes in
                Task {
                    let outcome = await dispatcher.process(bytes, connection: connection)
                    if let response = outcome.response { connection.send(response) }
                    for sub in outcome.activate { connection.activate(sub) }
                    connection.requestFinished()
                }
            }
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            receivedClose(context: context, frame: frame)
        case .pong:
            break
        default:
            // Continuations are merged by the aggregator; anything else is a protocol error.
            closeWith(context: context, code: .protocolError)
        }
    }

    private func receivedClose(context: ChannelHandlerContext, frame: WebSocketFrame) {
        if sentClose {
            context.close(promise: nil)
            return
        }
        sentClose = true
        var data = frame.unmaskedData
        let code = data.readWebSocketErrorCode() ?? .normalClosure
        var buffer = context.channel.allocator.buffer(capacity: 2)
        buffer.write(webSocketErrorCode: code)
        let reply = WebSocketFrame(fin: true, opcode: .connectionClose, data: buffer)
        context.writeAndFlush(wrapOutboundOut(reply)).whenComplete { [channel = context.channel] _ in channel.close(promise: nil) }
    }

    private func closeWith(context: ChannelHandlerContext, code: WebSocketErrorCode) {
        guard !sentClose else { return }
        sentClose = true
        var buffer = context.channel.allocator.buffer(capacity: 2)
        buffer.write(webSocketErrorCode: code)
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, data: buffer)
        context.writeAndFlush(wrapOutboundOut(frame)).whenComplete { [channel = context.channel] _ in channel.close(promise: nil) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        onClosed(connection.markClosedOnLoop())
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Aggregator errors (too many fragments, oversized message) end the connection.
        if error is NIOWebSocketFrameAggregator.Error {
            closeWith(context: context, code: .messageTooLarge)
        } else {
            context.close(promise: nil)
        }
    }
}
