import SubstrateRPC

/// A JSON-RPC 2.0 client over one WebSocket connection to a Substrate node.
///
/// Calls are matched to responses by id, each with its own timeout and
/// cancelled with its task; subscriptions are bounded async streams. When
/// the connection ends, every pending call and subscription fails at once
/// with `connectionClosed` and `stateUpdates` says so: reconnect, fail-over
/// and backfill (issue 6) are built on top of that by the engine.
///
/// ```swift
/// let client = RPCClient()
/// try await client.connect(url: "ws://127.0.0.1:9944")
/// let head = try await client.call(SubstrateMethods.chainGetHeader, params: [])
/// for try await header in try await client.subscribe(SubstrateMethods.finalizedHeads) { ... }
/// ```
/// One client is one connection: after `disconnected`, `connect` again (or
/// make a new client) and resubscribe.
public actor RPCClient {
    struct PendingCall {
        let method: String
        /// The waiting caller: its own continuation, or its slot in a batch.
        let continuation: CheckedContinuation<JSONValue, any Error>?
        let member: (collector: BatchCollector, index: Int)?
        /// When the call times out (nil: never), and the timeout it was given.
        let deadline: ContinuousClock.Instant?
        let timeoutSeconds: Double
        /// For subscribe calls: the stream to register under the returned id.
        let subscription: SubscriptionEntry?

        init(method: String, continuation: CheckedContinuation<JSONValue, any Error>?, member: (collector: BatchCollector, index: Int)? = nil,
             timeoutSeconds: Double, subscription: SubscriptionEntry?) {
            self.method = method
            self.continuation = continuation
            self.member = member
            self.timeoutSeconds = timeoutSeconds
            self.deadline = timeoutSeconds.isFinite && timeoutSeconds > 0 ? .now + .seconds(timeoutSeconds) : nil
            self.subscription = subscription
        }

        /// Hands the outcome to whoever waits for it.
        func resume(_ outcome: Result<JSONValue, RPCClientError>) {
            if let continuation {
                continuation.resume(with: outcome.mapError { $0 as any Error })
            } else if let member {
                member.collector.set(member.index, outcome)
            }
        }
    }

    struct SubscriptionEntry {
        let method: String
        let unsubscribeMethod: String
        let notificationMethod: String
        let continuation: AsyncThrowingStream<JSONValue, any Error>.Continuation
    }

    public let configuration: RPCClientConfiguration

    /// Connection state changes, newest kept if nobody reads.
    public nonisolated let stateUpdates: AsyncStream<RPCConnectionState>
    /// Frames the client could not use (it carries on after each).
    public nonisolated let anomalies: AsyncStream<RPCClientAnomaly>
    let stateContinuation: AsyncStream<RPCConnectionState>.Continuation
    let anomalyContinuation: AsyncStream<RPCClientAnomaly>.Continuation

    public internal(set) var state: RPCConnectionState = .idle {
        didSet { stateContinuation.yield(state) }
    }
    public internal(set) var stats = RPCClientStats()

    var nextID: UInt64 = 1
    var pending: [RPCID: PendingCall] = [:]
    var subscriptions: [RPCID: SubscriptionEntry] = [:]
    /// Ids of unsubscribe calls sent without waiting; their answers are dropped quietly.
    var fireAndForget: Set<RPCID> = []
    /// Outgoing frames, drained by the connection's writer task.
    var outbox: AsyncStream<String>.Continuation?
    var connectionTask: Task<Void, Never>?
    var connectTimer: Task<Void, Never>?
    var connectWaiter: CheckedContinuation<Void, any Error>?
    /// Bumped on every connect so callbacks from an old connection are ignored.
    var generation = 0
    /// The one task that expires overdue calls (`RPCClient+Deadlines`), and when it wakes.
    var sweeper: Task<Void, Never>?
    var sweeperWakesAt: ContinuousClock.Instant?
    var sweeperToken: UInt64 = 0

    /// A weak handle for the connection task, so an abandoned client can be freed.
    struct WeakRef: Sendable {
        weak var client: RPCClient?
    }

    public init(configuration: RPCClientConfiguration = RPCClientConfiguration()) {
        self.configuration = configuration
        (stateUpdates, stateContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
        (anomalies, anomalyContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(256))
    }

    deinit {
        stateContinuation.finish()
        anomalyContinuation.finish()
    }

    public var isConnected: Bool {
        if case .connected = state { return true }
        return false
    }

    /// Sends `method` with `params` and waits for its result.
    ///
    /// - Throws: `RPCClientError` (`rpcError` for a JSON-RPC error answer,
    ///   `timeout`, `connectionClosed`, `notConnected`, `cancelled`).
    public func call(_ method: String, params: JSONValue? = .array([]), timeoutSeconds: Double? = nil) async throws -> JSONValue {
        try await send(method: method, params: params, timeoutSeconds: timeoutSeconds, subscription: nil)
    }

    /// Subscribes and returns the notification stream once the node has
    /// confirmed the subscription.
    ///
    /// Ending iteration (or cancelling the consuming task) sends
    /// `unsubscribeMethod`. Notifications whose method is not
    /// `notificationMethod` are counted as anomalies and not delivered.
    public func subscribe(_ method: String, params: JSONValue? = .array([]), unsubscribeMethod: String,
                          notificationMethod: String, timeoutSeconds: Double? = nil)
        async throws -> RPCSubscriptionStream
    {
        let (stream, continuation) = AsyncThrowingStream<JSONValue, any Error>.makeStream(bufferingPolicy: bufferingPolicy)
        let entry = SubscriptionEntry(method: method, unsubscribeMethod: unsubscribeMethod,
                                      notificationMethod: notificationMethod, continuation: continuation)
        do {
            let id = try await send(method: method, params: params, timeoutSeconds: timeoutSeconds, subscription: entry)
            guard let subID = RPCID(json: id) else { throw RPCClientError.invalidSubscriptionID(method: method) }
            let gen = generation
            continuation.onTermination = { [weak self] termination in
                guard case .cancelled = termination else { return }
                Task { await self?.consumerEnded(subID, generation: gen) }
            }
            return RPCSubscriptionStream(id: subID, method: method, stream: stream)
        } catch {
            continuation.finish(throwing: error)
            throw error
        }
    }

    /// Subscribes to a Substrate family (`SubstrateMethods.newHeads`, ...).
    public func subscribe(_ family: SubscriptionMethod, params: JSONValue? = .array([]), timeoutSeconds: Double? = nil)
        async throws -> RPCSubscriptionStream
    {
        try await subscribe(family.subscribe, params: params, unsubscribeMethod: family.unsubscribe,
                            notificationMethod: family.notification, timeoutSeconds: timeoutSeconds)
    }

    var bufferingPolicy: AsyncThrowingStream<JSONValue, any Error>.Continuation.BufferingPolicy {
        switch configuration.subscriptionBuffer {
        case .dropOldest(let n): return .bufferingNewest(max(1, n))
        case .failWhenFull(let n): return .bufferingOldest(max(1, n))
        }
    }

    func send(method: String, params: JSONValue?, timeoutSeconds: Double?, subscription: SubscriptionEntry?) async throws -> JSONValue {
        guard let outbox else { throw RPCClientError.notConnected }
        guard !Task.isCancelled else { throw RPCClientError.cancelled }
        let id = makeID()
        let frame = RPCRequest(method: method, params: params, id: id).json.serialized()
        return try await awaitResponse(id: id, method: method, timeoutSeconds: timeoutSeconds, subscription: subscription) {
            outbox.yield(frame)
        }
    }

    func makeID() -> RPCID {
        defer { nextID += 1 }
        return RPCID.int(nextID)
    }

    /// Registers a pending call (with its timeout and cancellation), runs
    /// `afterRegister` on the actor (which sends the frame), and waits.
    func awaitResponse(id: RPCID, method: String, timeoutSeconds: Double?, subscription: SubscriptionEntry?,
                       afterRegister: () -> Void) async throws -> JSONValue {
        let seconds = timeoutSeconds ?? configuration.defaultTimeoutSeconds
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<JSONValue, any Error>) in
                let call = PendingCall(method: method, continuation: continuation, timeoutSeconds: seconds, subscription: subscription)
                pending[id] = call
                if let deadline = call.deadline { armSweeper(for: deadline) }
                stats.callsSent += 1
                afterRegister()
            }
        } onCancel: {
            Task { [weak self] in await self?.cancelCall(id) }
        }
    }

    func cancelCall(_ id: RPCID) {
        guard let call = pending.removeValue(forKey: id) else { return }
        call.resume(.failure(.cancelled))
    }

    /// The consumer stopped reading a subscription: forget it and tell the node.
    func consumerEnded(_ subID: RPCID, generation gen: Int) {
        guard gen == generation, let entry = subscriptions.removeValue(forKey: subID) else { return }
        sendWithoutWaiting(entry.unsubscribeMethod, params: .array([subID.json]))
    }

    /// Sends a request whose answer nobody waits for (unsubscribes).
    func sendWithoutWaiting(_ method: String, params: JSONValue) {
        guard let outbox else { return }
        let id = RPCID.int(nextID)
        nextID += 1
        fireAndForget.insert(id)
        outbox.yield(RPCRequest(method: method, params: params, id: id).json.serialized())
    }

    /// Ends a subscription from the client side and waits for the node's answer.
    public func unsubscribe(id subID: RPCID) async throws {
        guard let entry = subscriptions.removeValue(forKey: subID) else { return }
        entry.continuation.finish()
        _ = try await call(entry.unsubscribeMethod, params: .array([subID.json]))
    }

    /// Number of open subscriptions (for tests and diagnostics).
    public var subscriptionCount: Int { subscriptions.count }

    /// Number of calls waiting for a response.
    public var pendingCallCount: Int { pending.count }
}
