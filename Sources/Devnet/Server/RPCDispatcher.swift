import Logging
import SubstrateRPC

/// Turns one inbound JSON-RPC message into its response: decoding, batches,
/// the subscribe/unsubscribe protocol and limits; meaning is the handler's.
///
/// Shared by the WebSocket and HTTP paths so both answer identically.
struct RPCDispatcher: Sendable {
    let handler: any RPCHandler
    let config: RPCServerConfiguration
    let stats: RPCServerStatsBox
    let bySubscribe: [String: SubscriptionMethod]
    let byUnsubscribe: [String: SubscriptionMethod]

    init(handler: any RPCHandler, config: RPCServerConfiguration, stats: RPCServerStatsBox) {
        self.handler = handler
        self.config = config
        self.stats = stats
        var sub: [String: SubscriptionMethod] = [:]
        var unsub: [String: SubscriptionMethod] = [:]
        for m in handler.subscriptionMethods {
            sub[m.subscribe] = m
            unsub[m.unsubscribe] = m
        }
        bySubscribe = sub
        byUnsubscribe = unsub
    }

    /// What to send back for one message, and the subscriptions whose held
    /// notifications may flow once that response is queued.
    struct Outcome: Sendable {
        var response: [UInt8]?
        var activate: [RPCSubscription] = []
    }

    func process(_ bytes: [UInt8], connection: RPCConnection) async -> Outcome {
        guard bytes.count <= config.maxRequestBytes else {
            stats.update { $0.oversizedRequests += 1 }
            // The frame is already in memory (below the frame limit): read its id
            // so the caller's pending request fails now instead of timing out.
            var id = RPCID.null
            if case .single(.success(let r))? = Optional(RPCServerInbound.decode(bytes)), let rid = r.id { id = rid }
            return Outcome(response: RPCResponse.failure(id: id, error: .oversizedRequest(limitBytes: config.maxRequestBytes)).serializedBytes())
        }
        switch RPCServerInbound.decode(bytes) {
        case .unreadable(let response):
            if case .failure(let e) = response.outcome, e.code == RPCErrorObject.parseErrorCode {
                stats.update { $0.parseErrors += 1 }
            }
            return Outcome(response: response.serializedBytes())
        case .single(let decoded):
            var activate: [RPCSubscription] = []
            guard let response = await serve(decoded, connection: connection, activate: &activate) else {
                return Outcome(response: nil, activate: activate)
            }
            return Outcome(response: encode(response), activate: activate)
        case .batch(let items):
            guard items.count <= config.maxBatchRequests else {
                return Outcome(response: RPCResponse.failure(id: .null, error: .batchTooLarge(limit: config.maxBatchRequests)).serializedBytes())
            }
            var activate: [RPCSubscription] = []
            var responses: [JSONValue] = []
            for item in items {
                if let r = await serve(item, connection: connection, activate: &activate) { responses.append(r.json) }
            }
            // A batch of notifications only gets no response at all (§6).
            guard !responses.isEmpty else { return Outcome(response: nil, activate: activate) }
            let out = JSONValue.array(responses).serializedBytes()
            guard out.count <= config.maxResponseBytes else {
                return Outcome(response: RPCResponse.failure(id: .null, error: .oversizedResponse(limitBytes: config.maxResponseBytes)).serializedBytes(), activate: activate)
            }
            return Outcome(response: out, activate: activate)
        }
    }

    /// Serializes, replacing a response over the size limit by error -32008.
    func encode(_ response: RPCResponse) -> [UInt8] {
        let out = response.serializedBytes()
        guard out.count <= config.maxResponseBytes else {
            return RPCResponse.failure(id: response.id, error: .oversizedResponse(limitBytes: config.maxResponseBytes)).serializedBytes()
        }
        return out
    }

    /// One request; nil for a notification (no id), which is run but not answered.
    func serve(_ decoded: Result<RPCRequest, RPCRequestDecodeError>, connection: RPCConnection,
               activate: inout [RPCSubscription]) async -> RPCResponse? {
        let request: RPCRequest
        switch decoded {
        case .failure(let e): return e.response
        case .success(let r): request = r
        }
        stats.update { $0.requestsHandled += 1 }
        let outcome: Result<JSONValue, RPCErrorObject>
        if let family = bySubscribe[request.method] {
            outcome = await subscribe(family, request: request, connection: connection, activate: &activate)
        } else if let family = byUnsubscribe[request.method] {
            outcome = await unsubscribe(family, request: request, connection: connection)
        } else {
            do {
                outcome = .success(try await handler.call(method: request.method, params: request.params, context: connection.context))
            } catch let e as RPCErrorObject {
                outcome = .failure(e)
            } catch {
                config.logger.error("RPC handler failed on \(request.method): \(error)")
                outcome = .failure(.internalError(String(describing: error)))
            }
        }
        guard let id = request.id else { return nil }
        return RPCResponse(id: id, outcome: outcome)
    }

    func subscribe(_ family: SubscriptionMethod, request: RPCRequest, connection: RPCConnection,
                   activate: inout [RPCSubscription]) async -> Result<JSONValue, RPCErrorObject> {
        guard connection.transport == .webSocket else {
            return .failure(RPCErrorObject(code: RPCErrorObject.methodNotFoundCode,
                                           message: "Subscriptions need a WebSocket connection",
                                           data: .string(request.method)))
        }
        guard request.id != nil else { return .failure(.invalidRequest("a subscription needs an id")) }
        guard let sub = await connection.openSubscription(family, params: request.params) else {
            stats.update { $0.subscriptionsRefusedOverLimit += 1 }
            return .failure(.tooManySubscriptions(limit: config.maxSubscriptionsPerConnection))
        }
        do {
            try await handler.subscribe(family, params: request.params, subscription: sub)
        } catch {
            connection.discard(sub)
            await handler.unsubscribed(sub)
            if let e = error as? RPCErrorObject { return .failure(e) }
            return .failure(.internalError(String(describing: error)))
        }
        stats.update { $0.subscriptionsOpened += 1 }
        activate.append(sub)
        return .success(sub.id.json)
    }

    func unsubscribe(_ family: SubscriptionMethod, request: RPCRequest,
                     connection: RPCConnection) async -> Result<JSONValue, RPCErrorObject> {
        let params = request.positionalParams
        guard params.count == 1, let id = RPCID(json: params[0]), id != .null else {
            return .failure(.invalidParams("expected [subscription id]"))
        }
        guard let sub = await connection.closeSubscription(id: id, method: family) else { return .success(.bool(false)) }
        await handler.unsubscribed(sub)
        return .success(.bool(true))
    }
}
