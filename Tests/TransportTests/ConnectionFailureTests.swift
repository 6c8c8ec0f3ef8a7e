import ChainEngine
import Foundation
import Devnet
import SubstrateRPC
import Testing

/// The client facing a node that goes away, stalls or misbehaves: typed
/// errors, fast failure of what was pending, and a clean state report.
struct ConnectionFailureTests {
    @Test func serverShutdownFailsPendingCallsAndStreamsFast() async throws {
        let (server, _, client) = try await makePair()
        let states = client.stateUpdates
        let stream = try await client.subscribe(SubstrateMethods.newHeads)
        let slow = Task { try await client.call("sleep", params: [10_000], timeoutSeconds: 30) }
        try await Task.sleep(for: .milliseconds(100))
        await server.shutdown()
        do {
            _ = try await slow.value
            Issue.record("call survived the server")
        } catch let RPCClientError.connectionClosed(reason) {
            #expect(!reason.isEmpty)
        }
        // connectionClosed, not timeout(30 s): the close was noticed, not waited out.
        // (No wall-clock bound: the full suite can starve the two-core pool for
        // tens of seconds; the error kind is the evidence.)
        do {
            for try await _ in stream {}
            Issue.record("stream ended without an error")
        } catch let RPCClientError.connectionClosed(reason) {
            #expect(!reason.isEmpty)
        }
        var sawDisconnect = false
        for await state in states {
            if case .disconnected(_, let error) = state {
                #expect(error != nil)
                sawDisconnect = true
                break
            }
        }
        #expect(sawDisconnect)
        await #expect(throws: RPCClientError.notConnected) { try await client.call("add") }
    }

    @Test func stalledServerTimesOut() async throws {
        let server = try HostileServer { ws in
            _ = try ws.readFrame()  // read the request, never answer
            Thread.sleep(forTimeInterval: 5)
        }
        let client = RPCClient()
        try await client.connect(url: server.url)
        let start = ContinuousClock.now
        await #expect(throws: RPCClientError.timeout(method: "state_getMetadata", seconds: 0.3)) {
            try await client.call("state_getMetadata", timeoutSeconds: 0.3)
        }
        let elapsed = ContinuousClock.now - start
        // The server never answers nor closes: only the timer can end the call.
        #expect(elapsed >= .milliseconds(300))
        #expect(await client.stats.timeouts == 1)
        await client.disconnect()
    }

    @Test func handshakeThatNeverCompletesIsAConnectFailure() async throws {
        let server = try HostileServer(handshake: false) { _ in Thread.sleep(forTimeInterval: 20) }
        let client = RPCClient(configuration: RPCClientConfiguration(connectTimeoutSeconds: 0.5))
        do {
            try await client.connect(url: server.url)
            Issue.record("connected without a handshake")
        } catch let RPCClientError.connectFailed(url, reason) {
            #expect(url == server.url)
            #expect(reason.contains("handshake"))
        }
        // Without the 0.5 s timer the connect would never end: the server
        // neither answers nor closes, so the "handshake" reason is the evidence.
    }

    @Test func garbageAndUnknownSubscriptionsAreCountedNotFatal() async throws {
        let server = try HostileServer { ws in
            let (_, payload) = try ws.readFrame()
            let request = try JSONParser.parse(payload)
            try ws.sendServerFrame(Array("{this is not json".utf8))
            try ws.sendServerFrame(Array(#"{"jsonrpc":"2.0","method":"chain_newHead","params":{"subscription":"ghost","result":1}}"#.utf8))
            try ws.sendServerFrame(Array(#"{"jsonrpc":"2.0","id":999,"result":true}"#.utf8))
            try ws.sendServerFrame(Array(#"{"jsonrpc":"2.0","id":"#.utf8) + Array(request["id"]?.serialized().utf8 ?? "0".utf8)
                + Array(#","result":"fine"}"#.utf8))
            Thread.sleep(forTimeInterval: 1)
        }
        let client = RPCClient()
        try await client.connect(url: server.url)
        #expect(try await client.call("system_name") == "fine")
        let stats = await client.stats
        #expect(stats.malformedFrames == 1)
        #expect(stats.unknownSubscriptionNotifications == 1)
        #expect(stats.unmatchedResponses == 1)
        var anomalies: [RPCClientAnomaly] = []
        for await a in client.anomalies {
            anomalies.append(a)
            if anomalies.count == 3 { break }
        }
        guard case .malformedFrame = anomalies[0] else { Issue.record("first anomaly \(anomalies[0])"); return }
        #expect(anomalies[1] == .unknownSubscription(.string("ghost"), method: "chain_newHead"))
        #expect(anomalies[2] == .unmatchedResponse(.int(999), error: nil))
        await client.disconnect()
    }

    @Test func hugeFrameClosesTheConnectionWithAReason() async throws {
        let server = try HostileServer { ws in
            _ = try ws.readFrame()
            // Claims 50 MB; the client must refuse it from the header, not buffer it.
            try ws.sendServerFrame(Array(repeating: 0x20, count: 1024), claimedLength: 50_000_000)
            Thread.sleep(forTimeInterval: 2)
        }
        let client = RPCClient()
        try await client.connect(url: server.url)
        do {
            _ = try await client.call("state_getMetadata", timeoutSeconds: 10)
            Issue.record("huge frame accepted")
        } catch let RPCClientError.connectionClosed(reason) {
            #expect(!reason.isEmpty)
        }
        // connectionClosed, not timeout(10 s): refused from the frame header.
        if case .disconnected(_, let error) = await client.state {
            #expect(error != nil)
        } else {
            Issue.record("state is \(await client.state)")
        }
    }

    @Test func abruptHangUpFailsThePendingCall() async throws {
        let server = try HostileServer { ws in
            _ = try ws.readFrame()
            ws.abort()
        }
        let client = RPCClient()
        try await client.connect(url: server.url)
        do {
            _ = try await client.call("chain_getHead", timeoutSeconds: 10)
            Issue.record("answered after a hang-up")
        } catch let RPCClientError.connectionClosed(reason) {
            #expect(!reason.isEmpty)  // not timeout(10 s): the hang-up was noticed
        }
        #expect(await client.isConnected == false)
    }
}
