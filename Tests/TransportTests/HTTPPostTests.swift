import Devnet
import SubstrateRPC
import Testing

/// Plain HTTP POST on the WebSocket port (raw socket, HTTP/1.1).
struct HTTPPostTests {
    static func post(_ port: Int, body: String, contentType: String = "application/json", method: String = "POST",
              keepAlive: Bool = false) throws -> (head: String, body: String) {
        let socket = try RawWebSocket(port: port, handshake: false)
        let request = "\(method) / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n\(body)"
        try socket.send(Array(request.utf8))
        return try socket.readHTTPResponse()
    }

    static func offPost(_ port: Int, body: String, contentType: String = "application/json",
                        method: String = "POST") async throws -> (head: String, body: String) {
        let r = try await offPool { try post(port, body: body, contentType: contentType, method: method) }
        return r
    }

    @Test func postServesCallsAndErrors() async throws {
        let server = try await RPCServer.start(handler: TestRPCHandler())
        defer { Task { await server.shutdown() } }
        let ok = try await Self.offPost(server.port, body: #"{"jsonrpc":"2.0","id":1,"method":"add","params":[20,22]}"#)
        #expect(ok.head.hasPrefix("HTTP/1.1 200"))
        #expect(ok.head.lowercased().contains("content-type: application/json"))
        #expect(try JSONParser.parse(ok.body) == ["jsonrpc": "2.0", "result": 42, "id": 1])

        let unknown = try await Self.offPost(server.port, body: #"{"jsonrpc":"2.0","id":2,"method":"x_y"}"#)
        #expect(try JSONParser.parse(unknown.body)["error"]?["code"] == .int(-32601))
        let malformed = try await Self.offPost(server.port, body: "{nope")
        #expect(try JSONParser.parse(malformed.body)["error"]?["code"] == .int(-32700))
        // Subscriptions need a WebSocket.
        let sub = try await Self.offPost(server.port, body: #"{"jsonrpc":"2.0","id":3,"method":"chain_subscribeNewHeads"}"#)
        #expect(try JSONParser.parse(sub.body)["error"]?["code"] == .int(-32601))
        #expect(server.stats.httpRequests == 4)
    }

    @Test func postRefusesWrongMethodTypeAndSize() async throws {
        let server = try await RPCServer.start(handler: TestRPCHandler(),
                                               configuration: RPCServerConfiguration(maxRequestBytes: 1024))
        defer { Task { await server.shutdown() } }
        #expect(try await Self.offPost(server.port, body: "", method: "GET").head.hasPrefix("HTTP/1.1 405"))
        #expect(try await Self.offPost(server.port, body: "{}", contentType: "text/plain").head.hasPrefix("HTTP/1.1 415"))
        let big = try await Self.offPost(server.port, body: String(repeating: " ", count: 4096))
        #expect(big.head.hasPrefix("HTTP/1.1 413"))
        #expect(try JSONParser.parse(big.body)["error"]?["code"] == .int(Int64(RPCErrorObject.oversizedRequestCode)))
    }

    @Test func keepAliveServesSeveralRequests() async throws {
        let server = try await RPCServer.start(handler: TestRPCHandler())
        defer { Task { await server.shutdown() } }
        let results = try await offPool {
            let socket = try RawWebSocket(port: server.port, handshake: false)
            var out: [JSONValue?] = []
            for i in 0..<5 {
                let body = #"{"jsonrpc":"2.0","id":\#(i),"method":"add","params":[\#(i),1]}"#
                try socket.send(Array(("POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)").utf8))
                out.append(try JSONParser.parse(try socket.readHTTPResponse().body)["result"])
            }
            return out
        }
        #expect(results == (1...5).map { .int(Int64($0)) })
    }
}
