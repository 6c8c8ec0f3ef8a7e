import Devnet
import SubstrateRPC
import TestSupport
import Testing

/// A client we did not write (python `websocket-client`, the transport of
/// py-substrate-interface) talks to our server over WebSocket.
struct PythonClientInteropTests {
    static let script = """
    import json, sys, websocket
    ws = websocket.create_connection(sys.argv[1], timeout=120)
    out = {}
    def call(payload):
        ws.send(payload if isinstance(payload, str) else json.dumps(payload))
        return json.loads(ws.recv())
    out['add'] = call({'jsonrpc': '2.0', 'id': 1, 'method': 'add', 'params': [40, 2]})
    out['unknown'] = call({'jsonrpc': '2.0', 'id': 'u', 'method': 'no_such', 'params': []})
    out['malformed'] = call('{"jsonrpc": "2.0", "id": 3, "method"')
    sub = call({'jsonrpc': '2.0', 'id': 4, 'method': 'chain_subscribeNewHeads', 'params': []})
    out['subscribe'] = sub
    ws.send(json.dumps({'jsonrpc': '2.0', 'id': 5, 'method': 'push', 'params': [{'number': '0x7'}, 2]}))
    frames = [json.loads(ws.recv()) for _ in range(3)]
    out['frames'] = frames
    out['unsubscribe'] = call({'jsonrpc': '2.0', 'id': 6, 'method': 'chain_unsubscribeNewHeads', 'params': [sub['result']]})
    big = call({'jsonrpc': '2.0', 'id': 7, 'method': 'big', 'params': [1048576]})
    out['bigLength'] = len(big['result'])
    ws.close()
    print(json.dumps(out))
    """

    @Test(.enabled(if: ReferencePython.available || ReferencePython.required, "needs the reference Python venv"))
    func websocketClientGetsTheRightJSON() async throws {
        let server = try await RPCServer.start(handler: TestRPCHandler())
        defer { Task { await server.shutdown() } }
        let url = server.webSocketURL
        let output = try await offPool { try ReferencePython.run(Self.script, arguments: [url]) }
        let out = try JSONParser.parse(output.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(out["add"] == ["jsonrpc": "2.0", "result": 42, "id": 1])
        #expect(out["unknown"]?["error"]?["code"] == -32601)
        #expect(out["unknown"]?["id"] == "u")
        #expect(out["malformed"]?["error"]?["code"] == -32700)
        #expect(out["malformed"]?["id"] == .null)
        let subID = try #require(out["subscribe"]?["result"]?.stringValue)
        // The push response and both notifications, in some interleaving.
        let frames = try #require(out["frames"]?.arrayValue)
        let notifications = frames.filter { $0["method"] == "chain_newHead" }
        #expect(notifications.count == 2)
        for n in notifications {
            #expect(n["params"]?["subscription"]?.stringValue == subID)
            #expect(n["params"]?["result"] == ["number": "0x7"])
            #expect(n["id"] == nil)
        }
        #expect(frames.contains { $0["id"] == 5 && $0["result"] == 1 })
        #expect(out["unsubscribe"]?["result"] == true)
        #expect(out["bigLength"] == 1_048_576)
    }
}
