/// A JSON-RPC 2.0 request (with an id) or notification (without one).
///
/// `params` is an array (Substrate methods use positional params) or an
/// object, or absent. JSON-RPC 2.0 §4.
public struct RPCRequest: Sendable, Hashable {
    public var method: String
    public var params: JSONValue?
    /// `nil` for a notification, which gets no response.
    public var id: RPCID?

    public init(method: String, params: JSONValue? = nil, id: RPCID?) {
        self.method = method
        self.params = params
        self.id = id
    }

    public var isNotification: Bool { id == nil }

    /// The params as a positional list (`[]` when absent; an object is one element).
    public var positionalParams: [JSONValue] {
        switch params {
        case .none, .some(.null): return []
        case .some(.array(let a)): return a
        case .some(let other): return [other]
        }
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["jsonrpc"] = "2.0"
        if let id { o["id"] = id.json }
        o["method"] = .string(method)
        if let params { o["params"] = params }
        return .object(o)
    }

    /// The compact frame text as bytes.
    public func serializedBytes() -> [UInt8] { json.serializedBytes() }

    /// Reads a request object (JSON-RPC 2.0 §4): `jsonrpc` must be "2.0",
    /// `method` a string, `params` an array or object when present, `id` a
    /// number, string or null when present.
    ///
    /// On failure the error carries the id when it could be read, so the
    /// server can answer it (§5: id null when it cannot).
    public static func decode(_ value: JSONValue) -> Result<RPCRequest, RPCRequestDecodeError> {
        guard case .object(let o) = value else {
            return .failure(RPCRequestDecodeError(id: .null, error: .invalidRequest("request must be an object")))
        }
        var id: RPCID? = nil
        if let raw = o["id"] {
            guard let parsed = RPCID(json: raw) else {
                return .failure(RPCRequestDecodeError(id: .null, error: .invalidRequest("id must be a number, string or null")))
            }
            id = parsed
        }
        let answerID = id ?? .null
        guard o["jsonrpc"] == .string("2.0") else {
            return .failure(RPCRequestDecodeError(id: answerID, error: .invalidRequest("jsonrpc must be \"2.0\"")))
        }
        guard case .string(let method)? = o["method"] else {
            return .failure(RPCRequestDecodeError(id: answerID, error: .invalidRequest("method must be a string")))
        }
        let params = o["params"]
        switch params {
        case .none, .some(.array), .some(.object): break
        default:
            return .failure(RPCRequestDecodeError(id: answerID, error: .invalidRequest("params must be an array or object")))
        }
        return .success(RPCRequest(method: method, params: params, id: id))
    }
}

/// A request that could not be read, with the id to answer it under.
public struct RPCRequestDecodeError: Error, Sendable, Hashable {
    public var id: RPCID
    public var error: RPCErrorObject

    public init(id: RPCID, error: RPCErrorObject) {
        self.id = id
        self.error = error
    }

    /// The error response to send back.
    public var response: RPCResponse { RPCResponse(id: id, outcome: .failure(error)) }
}
