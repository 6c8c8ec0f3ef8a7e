/// A server-pushed subscription message (the Substrate/jsonrpsee pub-sub extension of JSON-RPC 2.0):
/// `{"jsonrpc":"2.0","method":"chain_newHead","params":{"subscription":ID,"result":...}}`.
///
/// jsonrpsee ends a subscription with an `error` instead of `result` when the
/// server closes it; both forms are read.
public struct RPCSubscriptionNotification: Sendable, Hashable {
    /// The notification method, e.g. "chain_newHead".
    public var method: String
    public var subscription: RPCID
    public var outcome: Result<JSONValue, RPCErrorObject>

    public init(method: String, subscription: RPCID, result: JSONValue) {
        self.method = method
        self.subscription = subscription
        self.outcome = .success(result)
    }

    public init(method: String, subscription: RPCID, error: RPCErrorObject) {
        self.method = method
        self.subscription = subscription
        self.outcome = .failure(error)
    }

    public var json: JSONValue {
        var params = JSONObject()
        params["subscription"] = subscription.json
        switch outcome {
        case .success(let r): params["result"] = r
        case .failure(let e): params["error"] = e.json
        }
        var o = JSONObject()
        o["jsonrpc"] = "2.0"
        o["method"] = .string(method)
        o["params"] = .object(params)
        return .object(o)
    }

    public func serializedBytes() -> [UInt8] { json.serializedBytes() }

    /// Reads a notification; `nil` when the shape does not match (no `id`,
    /// a `method`, `params.subscription`, and `params.result` or `params.error`).
    public init?(json value: JSONValue) {
        guard case .object(let o) = value, o["id"] == nil, o["jsonrpc"] == .string("2.0"),
              case .string(let method)? = o["method"], case .object(let p)? = o["params"],
              let rawSub = p["subscription"], let sub = RPCID(json: rawSub), sub != .null else { return nil }
        if let r = p["result"] {
            self.init(method: method, subscription: sub, result: r)
        } else if let e = p["error"], let err = RPCErrorObject(json: e) {
            self.init(method: method, subscription: sub, error: err)
        } else {
            return nil
        }
    }
}
