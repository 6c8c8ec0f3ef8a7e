import Testing
@testable import SubstrateRPC

/// JSON-RPC 2.0 message shapes: what the server reads from requests and the
/// client from responses and subscription notifications.
struct RPCMessageTests {
    @Test func requestEncodesAndDecodes() throws {
        let r = RPCRequest(method: "state_getStorage", params: ["0xabcd", nil], id: .int(7))
        #expect(r.json.serialized() == #"{"jsonrpc":"2.0","id":7,"method":"state_getStorage","params":["0xabcd",null]}"#)
        #expect(try RPCRequest.decode(JSONParser.parse(r.serializedBytes())).get() == r)
        let notification = try RPCRequest.decode(JSONParser.parse(#"{"jsonrpc":"2.0","method":"x"}"#)).get()
        #expect(notification.isNotification)
        #expect(notification.positionalParams == [])
        let stringID = try RPCRequest.decode(JSONParser.parse(#"{"jsonrpc":"2.0","id":"a-1","method":"x","params":{"k":1}}"#)).get()
        #expect(stringID.id == .string("a-1"))
        #expect(stringID.positionalParams == [["k": 1]])
    }

    /// (input, id the error is answered under, fragment of the reason)
    static let badRequests: [(String, RPCID, String)] = [
        (#"[1]"#, .null, "object"),
        (#"{"jsonrpc":"2.0","id":{},"method":"x"}"#, .null, "id must be"),
        (#"{"jsonrpc":"2.0","id":3,"method":1}"#, .int(3), "method"),
        (#"{"id":4,"method":"x"}"#, .int(4), "jsonrpc"),
        (#"{"jsonrpc":"2.0","id":"s","method":"x","params":5}"#, .string("s"), "params"),
        (#"{"jsonrpc":2.0,"id":5,"method":"x"}"#, .int(5), "jsonrpc"),
    ]

    @Test(arguments: 0..<badRequests.count)
    func invalidRequestsKeepTheirID(_ index: Int) throws {
        let (text, id, reason) = Self.badRequests[index]
        var value = try JSONParser.parse(text)
        if case .array(let a) = value { value = a[0] }
        guard case .failure(let e) = RPCRequest.decode(value) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(e.id == id)
        #expect(e.error.code == -32600)
        #expect(e.error.data?.stringValue?.contains(reason) == true)
    }

    @Test func serverInboundClassifiesFrames() {
        guard case .unreadable(let parse) = RPCServerInbound.decode(Array("{x".utf8)),
              case .failure(let pe) = parse.outcome else { Issue.record("parse error not reported"); return }
        #expect(pe.code == -32700)
        #expect(parse.id == .null)
        guard case .unreadable(let empty) = RPCServerInbound.decode(Array("[]".utf8)),
              case .failure(let ee) = empty.outcome else { Issue.record("empty batch accepted"); return }
        #expect(ee.code == -32600)
        guard case .batch(let items) = RPCServerInbound.decode(Array(#"[{"jsonrpc":"2.0","id":1,"method":"a"},2]"#.utf8)) else {
            Issue.record("batch not recognised"); return
        }
        #expect(items.count == 2)
        #expect((try? items[0].get())?.method == "a")
        #expect((try? items[1].get()) == nil)
    }

    @Test func responsesAndNotificationsAreRead() throws {
        let ok = RPCResponse.success(id: .int(1), result: ["a": 1])
        #expect(ok.json.serialized() == #"{"jsonrpc":"2.0","result":{"a":1},"id":1}"#)
        #expect(RPCResponse(json: ok.json) == ok)
        let err = RPCResponse.failure(id: .string("x"), error: .methodNotFound("foo"))
        #expect(RPCResponse(json: err.json) == err)
        #expect(err.json["error"]?["code"] == -32601)
        // Both result and error, or neither: not a response.
        #expect(RPCResponse(json: try JSONParser.parse(#"{"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}}"#)) == nil)
        #expect(RPCResponse(json: try JSONParser.parse(#"{"jsonrpc":"2.0","id":1}"#)) == nil)

        let n = RPCSubscriptionNotification(method: "chain_newHead", subscription: .string("abc"), result: ["number": "0x1"])
        #expect(n.json.serialized()
            == #"{"jsonrpc":"2.0","method":"chain_newHead","params":{"subscription":"abc","result":{"number":"0x1"}}}"#)
        guard case .notification(let back) = RPCClientInbound.classify(n.json) else { Issue.record("not classified"); return }
        #expect(back == n)
        let ended = try JSONParser.parse(#"{"jsonrpc":"2.0","method":"author_extrinsicUpdate","params":{"subscription":5,"error":{"code":-32000,"message":"gone"}}}"#)
        guard case .notification(let e) = RPCClientInbound.classify(ended) else { Issue.record("error notification"); return }
        #expect(e.subscription == .int(5))
        #expect(e.outcome == .failure(RPCErrorObject(code: -32000, message: "gone")))
        guard case .batch(let rs) = RPCClientInbound.classify([ok.json, err.json]) else { Issue.record("batch"); return }
        #expect(rs == [ok, err])
        guard case .unexpected = RPCClientInbound.classify("hello") else { Issue.record("scalar"); return }
        guard case .unexpected = RPCClientInbound.classify(try JSONParser.parse(#"{"jsonrpc":"2.0","method":"m","params":[]}"#)) else {
            Issue.record("request-shaped frame"); return
        }
    }

    @Test func substrateMethodTriples() {
        #expect(SubstrateMethods.newHeads.notification == "chain_newHead")
        #expect(SubstrateMethods.newHeads.unsubscribe == "chain_unsubscribeNewHeads")
        #expect(SubstrateMethods.storage.notification == "state_storage")
        #expect(SubstrateMethods.runtimeVersion.notification == "state_runtimeVersion")
        #expect(SubstrateMethods.extrinsicUpdates.notification == "author_extrinsicUpdate")
        #expect(SubstrateMethods.finalizedHeads.notification == "chain_finalizedHead")
        #expect(SubstrateMethods.allHeads.notification == "chain_allHead")
        #expect(SubstrateMethods.subscription(subscribe: "state_subscribeStorage") == SubstrateMethods.storage)
        #expect(SubstrateMethods.subscription(unsubscribe: "chain_unsubscribeAllHeads") == SubstrateMethods.allHeads)
        let all = SubstrateMethods.calls + SubstrateMethods.subscriptions.flatMap { [$0.subscribe, $0.unsubscribe] }
        #expect(Set(all).count == all.count)
    }
}
