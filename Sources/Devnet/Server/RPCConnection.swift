import Logging
import NIOCore
import NIOWebSocket
import SubstrateRPC

/// One client connection's server-side state: its subscriptions, the bytes
/// queued for it, and its requests in flight.
///
/// Every mutable field is touched only on the channel's event loop (entry
/// points hop there), which is why the class can be `@unchecked Sendable`:
/// tasks running the handler talk to it, and the loop serializes them, which
/// also keeps notifications in order behind their subscribe response.
final class RPCConnection: @unchecked Sendable {
    struct Entry {
        let subscription: RPCSubscription
        var announced: Bool
        var pending: [[UInt8]]
        /// The handler closed it before its id was sent: flush what it sent, then close.
        var closeWhenAnnounced = false
    }

    let id: UInt64
    let channel: any Channel
    let transport: RPCCallContext.Transport
    let config: RPCServerConfiguration
    let stats: RPCServerStatsBox
    var eventLoop: any EventLoop { channel.eventLoop }

    // Event-loop confined state.
    private var subscriptions: [RPCID: Entry] = [:]
    private var queuedBytes = 0
    private var closed = false
    private var inFlight = 0
    private var readPaused = false

    /// Notifications held for a subscription whose subscribe response is not out yet.
    static let maxPendingPerSubscription = 4096

    /// Told when the handler closes a subscription itself, so `unsubscribed` still runs.
    let onServerClose: @Sendable (RPCSubscription) -> Void

    init(id: UInt64, channel: any Channel, transport: RPCCallContext.Transport, config: RPCServerConfiguration,
         stats: RPCServerStatsBox, onServerClose: @escaping @Sendable (RPCSubscription) -> Void) {
        self.onServerClose = onServerClose
        self.id = id
        self.channel = channel
        self.transport = transport
        self.config = config
        self.stats = stats
    }

    var context: RPCCallContext { RPCCallContext(connectionID: id, transport: transport) }

    // MARK: Outbound

    /// Queues one text message (a response or notification) from any thread.
    func send(_ bytes: [UInt8]) {
        eventLoop.execute { self.writeOnLoop(bytes) }
    }

    private func writeOnLoop(_ bytes: [UInt8]) {
        guard !closed else { return }
        let n = bytes.count
        guard queuedBytes + n <= config.maxQueuedOutboundBytes else {
            drop(reason: "client is not reading: \(queuedBytes + n) bytes queued exceed the limit of \(config.maxQueuedOutboundBytes)")
            return
        }
        queuedBytes += n
        let frame = WebSocketFrame(fin: true, opcode: .text, data: channel.allocator.buffer(bytes: bytes))
        channel.writeAndFlush(frame).whenComplete { _ in self.queuedBytes -= n }
    }

    /// Closes the connection because of the server's limits, logging why.
    func drop(reason: String) {
        guard !closed else { return }
        closed = true
        config.logger.warning("dropping RPC connection \(id): \(reason)")
        stats.update {
            $0.slowReaderDrops += 1
            $0.lastDropReason = reason
        }
        channel.close(promise: nil)
    }

    // MARK: In-flight requests (back-pressure on reading)

    /// Requests read but not started because `maxInFlightRequestsPerConnection`
    /// are running. Reading is paused while any wait, so this holds at most
    /// one socket read's worth of frames.
    private var waiting: [[UInt8]] = []
    private var waitingHead = 0

    /// Called on the loop for each request read; `run` starts it now or once
    /// an earlier one finishes (it must call `requestFinished` when done).
    func submit(_ bytes: [UInt8], run: @escaping ([UInt8]) -> Void) {
        runner = run
        if inFlight < config.maxInFlightRequestsPerConnection {
            inFlight += 1
            run(bytes)
            return
        }
        waiting.append(bytes)
        if !readPaused {
            readPaused = true
            channel.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in }
        }
    }

    private var runner: (([UInt8]) -> Void)?

    /// Called from any thread when a request's response has been queued.
    func requestFinished() {
        eventLoop.execute {
            self.inFlight -= 1
            if self.waitingHead < self.waiting.count, let run = self.runner, !self.closed {
                let next = self.waiting[self.waitingHead]
                self.waitingHead += 1
                if self.waitingHead == self.waiting.count {
                    self.waiting = []
                    self.waitingHead = 0
                }
                self.inFlight += 1
                run(next)
            }
            if self.readPaused, self.waitingHead >= self.waiting.count {
                self.readPaused = false
                self.channel.setOption(ChannelOptions.autoRead, value: true).whenFailure { _ in }
            }
        }
    }

    // MARK: Subscriptions

    /// Registers a new subscription, or nil when the connection is at its limit or closed.
    func openSubscription(_ method: SubscriptionMethod, params: JSONValue?) async -> RPCSubscription? {
        let future: EventLoopFuture<RPCSubscription?> = eventLoop.submit {
            guard !self.closed else { return nil }
            guard self.subscriptions.count < self.config.maxSubscriptionsPerConnection else { return nil }
            var subID = RPCConnection.randomSubscriptionID()
            while self.subscriptions[subID] != nil { subID = RPCConnection.randomSubscriptionID() }
            let sub = RPCSubscription(
                id: subID, method: method, connectionID: self.id, params: params,
                sink: { [weak self] s, bytes in self?.deliver(s, bytes) },
                closer: { [weak self] s in self?.serverClose(s) })
            self.subscriptions[subID] = Entry(subscription: sub, announced: false, pending: [])
            return sub
        }
        return (try? await future.get()) ?? nil
    }

    /// The subscribe response is queued: release held notifications behind it.
    func activate(_ sub: RPCSubscription) {
        eventLoop.execute {
            guard var entry = self.subscriptions[sub.id], entry.subscription === sub else { return }
            entry.announced = true
            let pending = entry.pending
            entry.pending = []
            self.subscriptions[sub.id] = entry
            for bytes in pending { self.writeOnLoop(bytes) }
            if entry.closeWhenAnnounced {
                self.subscriptions[sub.id] = nil
                self.onServerClose(sub)
            }
        }
    }

    /// Forgets a subscription whose subscribe call failed.
    func discard(_ sub: RPCSubscription) {
        _ = sub.deactivate()
        eventLoop.execute {
            if self.subscriptions[sub.id]?.subscription === sub { self.subscriptions[sub.id] = nil }
        }
    }

    private func deliver(_ sub: RPCSubscription, _ bytes: [UInt8]) {
        eventLoop.execute {
            guard var entry = self.subscriptions[sub.id], entry.subscription === sub else { return }
            if entry.announced {
                self.writeOnLoop(bytes)
            } else if entry.pending.count < RPCConnection.maxPendingPerSubscription {
                entry.pending.append(bytes)
                self.subscriptions[sub.id] = entry
            } else {
                self.drop(reason: "subscription \(sub.id) held over \(RPCConnection.maxPendingPerSubscription) notifications before its id was sent")
            }
        }
    }

    private func serverClose(_ sub: RPCSubscription) {
        eventLoop.execute {
            guard var entry = self.subscriptions[sub.id], entry.subscription === sub else { return }
            guard entry.announced else {
                // Closed before its id went out (a watched extrinsic finalized while the
                // subscribe response was still queued): keep the held notifications for
                // `activate`, which sends them behind the id and then closes. Dropping them
                // here left the client waiting forever for a status it had been sent.
                if sub.deactivate() {
                    entry.closeWhenAnnounced = true
                    self.subscriptions[sub.id] = entry
                }
                return
            }
            self.subscriptions[sub.id] = nil
            if sub.deactivate() { self.onServerClose(sub) }
        }
    }

    /// Client unsubscribe: removes the subscription with `id` if it belongs to `method`.
    func closeSubscription(id: RPCID, method: SubscriptionMethod) async -> RPCSubscription? {
        let future: EventLoopFuture<RPCSubscription?> = eventLoop.submit {
            guard let entry = self.subscriptions[id], entry.subscription.method == method else { return nil }
            self.subscriptions[id] = nil
            return entry.subscription.deactivate() ? entry.subscription : nil
        }
        return (try? await future.get()) ?? nil
    }

    /// The channel went inactive: returns every subscription that was still open.
    func markClosedOnLoop() -> [RPCSubscription] {
        closed = true
        let subs = subscriptions.values.map(\.subscription).filter { $0.deactivate() }
        subscriptions = [:]
        return subs
    }

    static func randomSubscriptionID() -> RPCID {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var rng = SystemRandomNumberGenerator()
        return .string(String((0..<16).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }))
    }
}
