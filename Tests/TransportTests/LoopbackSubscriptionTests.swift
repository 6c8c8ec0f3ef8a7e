import ChainEngine
import Devnet
import SubstrateRPC
import Synchronization
import Testing

/// Subscriptions end to end: notifications in order, the first one held
/// behind the subscribe response, unsubscribe on both sides, limits.
struct LoopbackSubscriptionTests {
    @Test func notificationsArriveInOrderAndUnsubscribeReachesTheServer() async throws {
        let (server, handler, client) = try await makePair()
        defer { Task { await client.disconnect(); await server.shutdown() } }
        do {
            let stream = try await client.subscribe(SubstrateMethods.newHeads)
            #expect(await handler.registry.count == 1)
            for n in 0..<50 { _ = try await client.call("push", params: [["number": .int(Int64(n))], 1]) }
            var received: [Int64] = []
            for try await value in stream {
                received.append(value["number"]?.int64Value ?? -1)
                if received.count == 50 { break }
            }
            #expect(received == Array(0..<50))
        }
        // The stream is gone: the client sends the unsubscribe by itself.
        #expect(await eventually { await handler.registry.count == 0 })
        #expect(await client.subscriptionCount == 0)
        // Explicit unsubscribe by id.
        let second = try await client.subscribe(SubstrateMethods.finalizedHeads)
        #expect(await handler.registry.count == 1)
        try await client.unsubscribe(id: second.id)
        #expect(await handler.registry.count == 0)
        var ended = true
        for try await _ in second { ended = false }
        #expect(ended)
    }

    @Test func firstNotificationIsDeliveredAfterTheSubscriptionID() async throws {
        let (server, _, client) = try await makePair()
        defer { Task { await client.disconnect(); await server.shutdown() } }
        // The handler sends the current version inside `subscribe`, before the id is out.
        for _ in 0..<20 {
            let stream = try await client.subscribe(SubstrateMethods.runtimeVersion)
            var it = stream.makeAsyncIterator()
            let first = try await it.next()
            #expect(first?["specVersion"] == 1251)
        }
        #expect(await client.stats.unknownSubscriptionNotifications == 0)
    }

    @Test func notificationsOfASubscriptionClosedBeforeItsIDWasSentStillArrive() async throws {
        let (server, _, client) = try await makePair()
        defer { Task { await client.disconnect(); await server.shutdown() } }
        for _ in 0..<10 {
            let stream = try await client.subscribe(SubstrateMethods.newHeads, params: ["finishNow"])
            // Whichever comes first: both notifications, or 10 s (a reader that never
            // gets them is left behind rather than awaited, so a regression fails, not hangs).
            let received: [JSONValue]? = await withCheckedContinuation { c in
                let resumed = Mutex(false)
                let finish: @Sendable ([JSONValue]?) -> Void = { value in
                    if resumed.withLock({ done in defer { done = true }; return !done }) { c.resume(returning: value) }
                }
                Task {
                    var out: [JSONValue] = []
                    do {
                        for try await v in stream {
                            out.append(v)
                            if out.count == 2 { break }
                        }
                    } catch {}
                    finish(out)
                }
                Task {
                    try? await Task.sleep(for: .seconds(10))
                    finish(nil)
                }
            }
            #expect(received == ["ready", ["finalized": "0x01"]], "\(String(describing: received))")
            if received == nil { break }
        }
    }

    @Test func explicitUnsubscribeAndRefusedSubscribe() async throws {
        let (server, handler, client) = try await makePair()
        defer { Task { await client.disconnect(); await server.shutdown() } }
        let id = try await client.call(SubstrateMethods.finalizedHeads.subscribe)
        #expect(id.stringValue?.count == 16)
        #expect(try await client.call(SubstrateMethods.finalizedHeads.unsubscribe, params: [id]) == true)
        #expect(try await client.call(SubstrateMethods.finalizedHeads.unsubscribe, params: [id]) == false)
        #expect(try await client.call(SubstrateMethods.finalizedHeads.unsubscribe, params: ["nope"]) == false)
        // The id of one family does not unsubscribe another.
        let other = try await client.call(SubstrateMethods.newHeads.subscribe)
        #expect(try await client.call(SubstrateMethods.finalizedHeads.unsubscribe, params: [other]) == false)
        #expect(await handler.registry.count == 1)
        await #expect(throws: RPCClientError.rpcError(code: -32602, message: "Invalid params", data: "refused on request")) {
            _ = try await client.subscribe(SubstrateMethods.newHeads, params: ["refuse"])
        }
        #expect(await handler.registry.count == 1)
    }

    @Test func tooManySubscriptionsIsAnError() async throws {
        let (server, handler, client) = try await makePair(server: RPCServerConfiguration(maxSubscriptionsPerConnection: 3))
        defer { Task { await client.disconnect(); await server.shutdown() } }
        var streams: [RPCSubscriptionStream] = []
        for _ in 0..<3 { streams.append(try await client.subscribe(SubstrateMethods.newHeads)) }
        do {
            _ = try await client.subscribe(SubstrateMethods.newHeads)
            Issue.record("fourth subscription accepted")
        } catch let RPCClientError.rpcError(code, _, _) {
            #expect(code == RPCErrorObject.tooManySubscriptionsCode)
        }
        #expect(await handler.registry.count == 3)
        #expect(server.stats.subscriptionsRefusedOverLimit == 1)
        #expect(streams.count == 3)
    }

    @Test func closingTheConnectionCleansUpServerSubscriptions() async throws {
        let (server, handler, client) = try await makePair()
        defer { Task { await server.shutdown() } }
        let a = try await client.subscribe(SubstrateMethods.newHeads)
        let b = try await client.subscribe(SubstrateMethods.finalizedHeads)
        #expect(await handler.registry.count == 2)
        await client.disconnect()
        #expect(await eventually { await handler.registry.count == 0 })
        #expect(await eventually { await handler.registry.closedConnections.count == 1 })
        // The client's streams ended too.
        var ended = 0
        for stream in [a, b] {
            do { for try await _ in stream {} } catch { ended += 1 }
        }
        #expect(ended == 2)
    }

    @Test func slowConsumerOverflowEndsTheStreamWithATypedError() async throws {
        let (server, handler, client) = try await makePair(client: RPCClientConfiguration(subscriptionBuffer: .failWhenFull(8)))
        defer { Task { await client.disconnect(); await server.shutdown() } }
        let stream = try await client.subscribe(SubstrateMethods.newHeads)
        _ = try await client.call("push", params: [1, 20])
        _ = try await client.call("add")  // after the 20 notifications on the same socket
        var got = 0
        await #expect(throws: RPCClientError.subscriptionOverflow(method: "chain_subscribeNewHeads", bufferedItems: 8)) {
            for try await _ in stream { got += 1 }
        }
        #expect(got == 8)
        #expect(await eventually { await handler.registry.count == 0 })
    }
}
