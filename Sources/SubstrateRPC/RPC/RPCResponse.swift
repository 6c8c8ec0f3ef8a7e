/// A JSON-RPC 2.0 response: the request's id and either a result or an error (§5).
public struct RPCResponse: Sendable, Hashable {
    public var id: RPCID
    public var outcome: Result<JSONValue, RPCErrorObject>

    public init(id: RPCID, outcome: Result<JSONValue, RPCErrorObject>) {
        self.id = id
        self.outcome = outcome
    }

    public static func success(id: RPCID, result: JSONValue) -> RPCResponse {
        RPCResponse(id: id, outcome: .success(result))
    }

    public static func failure(id: RPCID, error: RPCErrorObject) -> RPCResponse {
        RPCResponse(id: id, outcome: .failure(error))
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["jsonrpc"] = "2.0"
        switch outcome {
        case .success(let r): o["result"] = r
        case .failure(let e): o["error"] = e.json
        }
        o["id"] = id.json
        return .object(o)
    }

    public func serializedBytes() -> [UInt8] { json.serializedBytes() }

    /// Reads a response object; `nil` when it is not one (exactly one of
    /// `result`/`error`, a readable id, `jsonrpc` "2.0").
    public init?(json value: JSONValue) {
        guard case .object(let o) = value, o["jsonrpc"] == .string("2.0"),
              let rawID = o["id"], let id = RPCID(json: rawID) else { return nil }
        switch (o["result"], o["error"]) {
        case (.some(let r), .none): self.init(id: id, outcome: .success(r))
        case (.none, .some(let e)):
            guard let err = RPCErrorObject(json: e) else { return nil }
            self.init(id: id, outcome: .failure(err))
        default: return nil
        }
    }
}
