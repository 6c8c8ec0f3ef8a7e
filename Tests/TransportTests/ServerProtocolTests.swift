import ChainEngine
import Devnet
import SubstrateRPC
import Testing

/// What a misbehaving client gets from the server, frame by frame (raw socket).
struct ServerProtocolTests {
    /// Runs `body` (blocking socket code) on its own thread against a fresh server.
    func withServer(_ config: RPCServerConfiguration = RPCServerConfiguration(),
                    _ body: @escaping @Sendable (RPCServer, TestRPCHandler, RawWebSocket) throws -> Void) async throws {
        let handler = TestRPCHandler()
        let server = try await RPCServer.start(handler: handler, configuration: config)
        do {
            try await offPool {
                let socket = try RawWebSocket(port: server.port)
                try body(server, handler, socket)
            }
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    static func reply(_ socket: RawWebSocket, _ text: String) throws -> JSONValue {
        try socket.sendText(text)
        return try JSONParser.parse(try socket.readText())
    }

    @Test func malformedFramesGetJSONRPCErrors() async throws {
        try await withServer { server, _, ws in
            let bad = try Self.reply(ws, #"{"jsonrpc":"2.0","id":1,"method":"#)
            #expect(bad["error"]?["code"] == .int(-32700))
            #expect(bad["id"] == .null)
            let notRequest = try Self.reply(ws, #"{"jsonrpc":"2.0","id":7,"method":42}"#)
            #expect(notRequest["error"]?["code"] == .int(-32600))
            #expect(notRequest["id"] == 7)
            let wrongVersion = try Self.reply(ws, #"{"jsonrpc":"1.0","id":"s","method":"add"}"#)
            #expect(wrongVersion["error"]?["code"] == .int(-32600))
            #expect(wrongVersion["id"] == "s")
            let unknown = try Self.reply(ws, #"{"jsonrpc":"2.0","id":"abc","method":"nope_nope","params":[]}"#)
            #expect(unknown["error"]?["code"] == .int(-32601))
            #expect(unknown["id"] == "abc")
            let emptyBatch = try Self.reply(ws, "[]")
            #expect(emptyBatch["error"]?["code"] == .int(-32600))
            let scalar = try Self.reply(ws, "42")
            #expect(scalar["error"]?["code"] == .int(-32600))
            // Binary frames carry JSON too.
            try ws.sendFrame(Array(#"{"jsonrpc":"2.0","id":2,"method":"add","params":[40,2]}"#.utf8), opcode: 0x2)
            #expect(try JSONParser.parse(try ws.readText())["result"] == 42)
            #expect(server.stats.parseErrors == 1)
        }
    }

    @Test func batchesAnswerEachRequestAndSkipNotifications() async throws {
        try await withServer { _, _, ws in
            let batch = #"[{"jsonrpc":"2.0","id":1,"method":"add","params":[1,1]},"#
                + #"{"jsonrpc":"2.0","method":"add","params":[5]},"#
                + #"{"jsonrpc":"2.0","id":2,"method":"missing"},"#
                + #"17,"#
                + #"{"jsonrpc":"2.0","id":3,"method":"echo","params":{"k":"v"}}]"#
            let answer = try Self.reply(ws, batch)
            let items = try #require(answer.arrayValue)
            #expect(items.count == 4)
            #expect(items[0]["result"] == 2)
            #expect(items[1]["error"]?["code"] == .int(-32601))
            #expect(items[2]["error"]?["code"] == .int(-32600))
            #expect(items[2]["id"] == .null)
            #expect(items[3]["result"] == ["k": "v"])
            // Only notifications: nothing comes back; the next reply is for the next request.
            try ws.sendText(#"[{"jsonrpc":"2.0","method":"add"}]"#)
            #expect(try Self.reply(ws, #"{"jsonrpc":"2.0","id":9,"method":"add","params":[9]}"#)["id"] == 9)
        }
    }

    @Test func oversizedRequestGetsAnErrorWithItsID() async throws {
        let config = RPCServerConfiguration(maxRequestBytes: 64 << 10, maxInboundFrameBytes: 1 << 20)
        try await withServer(config) { server, _, ws in
            let pad = String(repeating: "a", count: 100 << 10)
            let answer = try Self.reply(ws, #"{"jsonrpc":"2.0","id":5,"method":"echo","params":["\#(pad)"]}"#)
            #expect(answer["error"]?["code"] == .int(Int64(RPCErrorObject.oversizedRequestCode)))
            #expect(answer["id"] == 5)
            #expect(server.stats.oversizedRequests == 1)
            // Still served afterwards.
            #expect(try Self.reply(ws, #"{"jsonrpc":"2.0","id":6,"method":"add","params":[6]}"#)["result"] == 6)
            // Above the frame limit the connection is closed (1009), never buffered.
            // (The server may hang up while we are still sending: that is the point.)
            try? ws.sendText(String(repeating: "b", count: 2 << 20))
            #expect(ws.peerClosed())
        }
    }

    @Test func fragmentedMessagesAreReassembled() async throws {
        try await withServer { _, _, ws in
            let text = Array(#"{"jsonrpc":"2.0","id":11,"method":"add","params":[10,1]}"#.utf8)
            try ws.sendFrame(Array(text[0..<20]), opcode: 0x1, fin: false)
            try ws.sendFrame(Array(text[20..<40]), opcode: 0x0, fin: false)
            try ws.sendFrame(Array(text[40...]), opcode: 0x0, fin: true)
            #expect(try JSONParser.parse(try ws.readText())["result"] == 11)
        }
    }

    @Test func pingGetsPongAndCloseIsEchoed() async throws {
        try await withServer { _, _, ws in
            try ws.sendFrame([1, 2, 3], opcode: 0x9)
            let pong = try ws.readFrame()
            #expect(pong.opcode == 0xA)
            #expect(pong.payload == [1, 2, 3])
            try ws.sendFrame([0x03, 0xE8], opcode: 0x8)  // close 1000
            let close = try ws.readFrame()
            #expect(close.opcode == 0x8)
            #expect(close.payload == [0x03, 0xE8])
            #expect(ws.peerClosed())
        }
    }

    @Test func clientThatStopsReadingIsDropped() async throws {
        let config = RPCServerConfiguration(maxQueuedOutboundBytes: 4 << 20)
        let handler = TestRPCHandler()
        let server = try await RPCServer.start(handler: handler, configuration: config)
        defer { Task { await server.shutdown() } }
        let ws = try await offPool {
            let ws = try RawWebSocket(port: server.port, receiveBufferBytes: 4096)
            try ws.sendText(#"{"jsonrpc":"2.0","id":1,"method":"chain_subscribeNewHeads","params":[]}"#)
            _ = try ws.readText()
            return ws
        }
        // 96 MiB of notifications towards a socket nobody reads.
        let chunk = JSONValue.string(TestRPCHandler.bigString(1 << 20))
        _ = await handler.registry.pushAll(chunk, times: 96)
        #expect(await eventually { server.stats.slowReaderDrops == 1 })
        #expect(server.stats.lastDropReason?.contains("not reading") == true)
        #expect(await eventually { await handler.registry.count == 0 })
        _ = ws  // kept open (and unread) until here
    }
}

/// Random and mutated frames at the server: each gets a JSON-RPC answer or
/// a close, and the server keeps serving new connections afterwards.
struct ServerFuzzTests {
    @Test func randomFramesNeverBreakTheServer() async throws {
        let handler = TestRPCHandler()
        let server = try await RPCServer.start(handler: handler)
        defer { Task { await server.shutdown() } }
        let port = server.port
        // After each fuzzed frame a sentinel request follows; reading up to its
        // answer collects whatever the fuzzed frame produced, without timeouts.
        let (sentinels, replies) = try await offPool { () -> (Int, Int) in
            var rng = SystemRandomNumberGenerator()
            var sentinels = 0
            var replies = 0
            var ws = try RawWebSocket(port: port)
            let seeds = [
                #"{"jsonrpc":"2.0","id":1,"method":"add","params":[1,2]}"#,
                #"[{"jsonrpc":"2.0","id":"a","method":"echo","params":{"x":[1,{"y":null}]}},{"jsonrpc":"2.0","method":"add"}]"#,
                #"{"jsonrpc":"2.0","id":3,"method":"chain_subscribeNewHeads","params":[]}"#,
                #"{"jsonrpc":"2.0","id":4,"method":"chain_unsubscribeNewHeads","params":["abc"]}"#,
            ]
            for i in 0..<400 {
                var bytes = Array(seeds[Int(rng.next() % UInt64(seeds.count))].utf8)
                for _ in 0..<Int(rng.next() % 4) where !bytes.isEmpty {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    switch rng.next() % 3 {
                    case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: bytes.remove(at: at)
                    default: bytes = Array(bytes[..<at])
                    }
                }
                do {
                    // Mostly text frames, sometimes binary: the JSON decides the answer.
                    try ws.sendFrame(bytes, opcode: rng.next() % 8 == 0 ? 0x2 : 0x1)
                    try ws.sendText(#"{"jsonrpc":"2.0","id":"s\#(i)","method":"add","params":[1]}"#)
                    while true {
                        let value = try JSONParser.parse(try ws.readText())
                        if value["id"] == .string("s\(i)") {
                            sentinels += 1
                            break
                        }
                        replies += 1
                    }
                } catch {
                    ws = try RawWebSocket(port: port)  // the server closed it: go on with a new one
                }
            }
            return (sentinels, replies)
        }
        // Every frame is JSON-RPC-answered or harmless; none costs the connection.
        #expect(sentinels == 400)
        #expect(replies > 300)
        // Still healthy for a well-behaved client.
        let client = RPCClient()
        try await client.connect(url: server.webSocketURL)
        #expect(try await client.call("add", params: [2, 3]) == .int(5))
        await client.disconnect()
    }
}
