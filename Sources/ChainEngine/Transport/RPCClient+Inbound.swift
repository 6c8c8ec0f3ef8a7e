import SubstrateRPC

/// Routing of received frames to pending calls and subscription streams.
extension RPCClient {
    /// One parsed frame (or the parse error) from the connection's reader.
    func received(_ parsed: Result<JSONValue, JSONParseError>, generation gen: Int) {
        guard gen == generation else { return }
        switch parsed {
        case .failure(let error):
            anomaly(.malformedFrame(error.description))
        case .success(let value):
            switch RPCClientInbound.classify(value) {
            case .response(let r): deliver(r)
            case .batch(let rs): rs.forEach(deliver)
            case .notification(let n): deliver(n)
            case .unexpected(let reason): anomaly(.malformedFrame(reason))
            }
        }
    }

    func anomaly(_ a: RPCClientAnomaly) {
        switch a {
        case .malformedFrame: stats.malformedFrames += 1
        case .unknownSubscription: stats.unknownSubscriptionNotifications += 1
        case .unmatchedResponse: stats.unmatchedResponses += 1
        }
        anomalyContinuation.yield(a)
    }

    func deliver(_ response: RPCResponse) {
        guard let call = pending.removeValue(forKey: response.id) else {
            if fireAndForget.remove(response.id) != nil { return }
            var reported: RPCErrorObject? = nil
            if case .failure(let e) = response.outcome { reported = e }
            anomaly(.unmatchedResponse(response.id, error: reported))
            return
        }
        stats.responsesMatched += 1
        switch response.outcome {
        case .success(let result):
            // Register the stream before any later frame is routed, so the
            // first notification (which may follow at once) finds it.
            if let entry = call.subscription, let subID = RPCID(json: result), subID != .null {
                subscriptions[subID] = entry
            }
            call.resume(.success(result))
        case .failure(let e):
            call.resume(.failure(.rpcError(code: e.code, message: e.message, data: e.data)))
        }
    }

    func deliver(_ notification: RPCSubscriptionNotification) {
        guard let entry = subscriptions[notification.subscription],
              entry.notificationMethod == notification.method else {
            anomaly(.unknownSubscription(notification.subscription, method: notification.method))
            return
        }
        switch notification.outcome {
        case .failure(let e):
            // The server ended the subscription with an error.
            subscriptions[notification.subscription] = nil
            entry.continuation.finish(throwing: RPCClientError.rpcError(code: e.code, message: e.message, data: e.data))
        case .success(let result):
            switch entry.continuation.yield(result) {
            case .enqueued:
                stats.notificationsDelivered += 1
            case .dropped:
                stats.notificationsDropped += 1
                if case .failWhenFull(let n) = configuration.subscriptionBuffer {
                    subscriptions[notification.subscription] = nil
                    entry.continuation.finish(throwing: RPCClientError.subscriptionOverflow(method: entry.method, bufferedItems: n))
                    sendWithoutWaiting(entry.unsubscribeMethod, params: .array([notification.subscription.json]))
                } else {
                    stats.notificationsDelivered += 1
                }
            case .terminated:
                subscriptions[notification.subscription] = nil
            @unknown default:
                break
            }
        }
    }

    /// Fails everything outstanding: the connection is gone.
    func failAll(_ error: RPCClientError) {
        let calls = pending
        pending = [:]
        for call in calls.values { call.resume(.failure(error)) }
        stopSweeper()
        let subs = subscriptions
        subscriptions = [:]
        for entry in subs.values { entry.continuation.finish(throwing: error) }
    }
}
