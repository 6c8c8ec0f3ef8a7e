import ChainEngine
import Devnet
import SubstrateRPC
import Testing

/// Our client against our server on loopback: calls, errors, big results.
struct LoopbackCallTests {
    @Test func callsReturnResultsAndErrors() async throws {
        let (server, _, client) = try await makePair()
        defer { Task { await client.disconnect(); await server.shutdown() } }

        #expect(try await client.call("add", params: [1, 2, 39]) == .int(42))
        let echoed: JSONValue = ["a": [1, "two", nil], "big": .uint(UInt64.max)]
        #expect(try await client.call("echo", params: echoed) == echoed)

        await #expect(throws: RPCClientError.rpcError(code: 4242, message: "refused", data: "why")) {
            try await client.call("fail")
        }
        do {
            _ = try await client.call("no_such_method")
            Issue.record("unknown method answered")
        } catch let RPCClientError.rpcError(code, _, data) {
            #expect(code == -32601)
            #expect(data == "no_such_method")
        }
        do {
            _ = try await client.call("boom")
            Issue.record("failing handler answered")
        } catch let RPCClientError.rpcError(code, _, _) {
            #expect(code == -32603)
        }
        do {
            _ = try await client.call("add", params: ["x"])
            Issue.record("bad params answered")
        } catch let RPCClientError.rpcError(code, _, _) {
            #expect(code == -32602)
        }
        // The connection survives every error above.
        #expect(try await client.call("add", params: [2, 2]) == .int(4))
        #expect(server.stats.requestsHandled >= 7)
    }

    @Test func concurrentCallsAreMatchedById() async throws {
        let (server, _, client) = try await makePair()
        defer { Task { await client.disconnect(); await server.shutdown() } }
        try await withThrowingTaskGroup(of: (Int64, JSONValue).self) { group in
            for i in Int64(0)..<300 {
                // Out-of-order completion: later calls sleep less.
                group.addTask {
                    if i % 10 == 0 { _ = try await client.call("sleep", params: [.int((300 - i) / 30)]) }
                    return (i, try await client.call("add", params: [.int(i), .int(i)]))
                }
            }
            var seen = 0
            for try await (i, result) in group {
                #expect(result == .int(2 * i))
                seen += 1
            }
            #expect(seen == 300)
        }
        #expect(await client.pendingCallCount == 0)
    }

    @Test func inFlightLimitPausesReadingWithoutLosingRequests() async throws {
        let (server, _, client) = try await makePair(server: RPCServerConfiguration(maxInFlightRequestsPerConnection: 2))
        defer { Task { await client.disconnect(); await server.shutdown() } }
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: JSONValue.self) { group in
            for _ in 0..<12 { group.addTask { try await client.call("sleep", params: [100], timeoutSeconds: 20) } }
            for try await r in group { #expect(r == "slept") }
        }
        // Two at a time: at least six rounds of 100 ms.
        #expect(ContinuousClock.now - start >= .milliseconds(550))
    }

    @Test func batchResultsComeBackInOrderWithPerCallErrors() async throws {
        let (server, _, client) = try await makePair()
        defer { Task { await client.disconnect(); await server.shutdown() } }
        let before = server.stats.requestsHandled
        let results = try await client.batch([
            RPCBatchCall("add", params: [1, 2]),
            RPCBatchCall("fail"),
            RPCBatchCall("no_such"),
            RPCBatchCall("echo", params: ["x": [true]]),
        ] + (0..<60).map { RPCBatchCall("add", params: [.int(Int64($0))]) })
        #expect(results.count == 64)
        #expect(try results[0].get() == 3)
        #expect(results[1] == .failure(.rpcError(code: 4242, message: "refused", data: "why")))
        guard case .failure(.rpcError(let code, _, _)) = results[2] else { Issue.record("\(results[2])"); return }
        #expect(code == -32601)
        #expect(try results[3].get() == ["x": [true]])
        for k in 0..<60 { #expect(try results[4 + k].get() == .int(Int64(k))) }
        #expect(server.stats.requestsHandled - before == 64)
        #expect(try await client.batch([]).isEmpty)
        #expect(await client.pendingCallCount == 0)
    }

    @Test func eightMebibyteResponse() async throws {
        let (server, _, client) = try await makePair()
        defer { Task { await client.disconnect(); await server.shutdown() } }
        let size = 8 << 20
        let result = try await client.call("big", params: [.int(Int64(size))], timeoutSeconds: 60)
        let text = try #require(result.stringValue)
        #expect(text.utf8.count == size)
        #expect(text == TestRPCHandler.bigString(size))
        // And the connection still works after it.
        #expect(try await client.call("add", params: [1]) == .int(1))
    }

    @Test func responseOverTheServerLimitBecomesAnError() async throws {
        let (server, _, client) = try await makePair(server: RPCServerConfiguration(maxResponseBytes: 1 << 20))
        defer { Task { await client.disconnect(); await server.shutdown() } }
        do {
            _ = try await client.call("big", params: [.int(2 << 20)])
            Issue.record("oversized response was sent")
        } catch let RPCClientError.rpcError(code, _, _) {
            #expect(code == RPCErrorObject.oversizedResponseCode)
        }
    }

    @Test func cancellationFailsTheCallAtOnce() async throws {
        let (server, _, client) = try await makePair()
        defer { Task { await client.disconnect(); await server.shutdown() } }
        let task = Task { try await client.call("sleep", params: [5_000]) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        // `.cancelled`, not "slept" after 5 s: the call ended when its task was cancelled.
        await #expect(throws: RPCClientError.cancelled) { try await task.value }
        #expect(await client.pendingCallCount == 0)
    }

    @Test func reconnectAfterDisconnectAndStateSequence() async throws {
        let (server, _, client) = try await makePair()
        defer { Task { await server.shutdown() } }
        let states = client.stateUpdates
        await #expect(throws: RPCClientError.alreadyConnected) { try await client.connect(url: server.webSocketURL) }
        await client.disconnect()
        #expect(await client.state == .disconnected(url: server.webSocketURL, error: nil))
        await #expect(throws: RPCClientError.notConnected) { try await client.call("add") }
        try await client.connect(url: server.webSocketURL)
        #expect(try await client.call("add", params: [3, 4]) == .int(7))
        await client.disconnect()
        var seen: [RPCConnectionState] = []
        for await s in states {
            seen.append(s)
            if seen.count == 5 { break }
        }
        let url = server.webSocketURL
        #expect(seen == [.connecting(url: url), .connected(url: url), .disconnected(url: url, error: nil),
                         .connecting(url: url), .connected(url: url)])
    }

    @Test func notConnectedAndBadURLAreTyped() async throws {
        let client = RPCClient()
        await #expect(throws: RPCClientError.notConnected) { try await client.call("add") }
        await #expect(throws: RPCClientError.invalidURL("http://127.0.0.1:1")) {
            try await client.connect(url: "http://127.0.0.1:1")
        }
        // Nothing listens on port 1: a typed connect failure, not a hang.
        do {
            try await client.connect(url: "ws://127.0.0.1:1")
            Issue.record("connected to a closed port")
        } catch let RPCClientError.connectFailed(url, _) {
            #expect(url == "ws://127.0.0.1:1")
        }
        let missingCA = RPCClient(configuration: RPCClientConfiguration(extraCAFile: "/nonexistent/ca.pem"))
        await #expect(throws: RPCClientError.self) { try await missingCA.connect(url: "wss://127.0.0.1:1") }
    }
}
