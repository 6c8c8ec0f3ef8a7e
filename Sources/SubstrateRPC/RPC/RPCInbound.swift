/// What a server reads from one frame: a single request or a batch (JSON-RPC 2.0 §6).
///
/// Each batch element is decoded on its own so one bad element gets its own
/// error response while the others are served.
public enum RPCServerInbound: Sendable, Hashable {
    case single(Result<RPCRequest, RPCRequestDecodeError>)
    case batch([Result<RPCRequest, RPCRequestDecodeError>])
    /// The frame is not JSON, or an empty batch: answer with this one response.
    case unreadable(RPCResponse)

    /// Decodes a frame; never throws.
    public static func decode(_ bytes: [UInt8], limits: JSONParseLimits = .default) -> RPCServerInbound {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, limits: limits)
        } catch {
            return .unreadable(.failure(id: .null, error: .parseError(error.description)))
        }
        return decode(value)
    }

    public static func decode(_ value: JSONValue) -> RPCServerInbound {
        if case .array(let items) = value {
            guard !items.isEmpty else {
                return .unreadable(.failure(id: .null, error: .invalidRequest("empty batch")))
            }
            return .batch(items.map { RPCRequest.decode($0) })
        }
        return .single(RPCRequest.decode(value))
    }
}

/// What a client reads from one frame: a response, a subscription
/// notification, a batch of responses, or something it cannot use.
public enum RPCClientInbound: Sendable, Hashable {
    case response(RPCResponse)
    case notification(RPCSubscriptionNotification)
    case batch([RPCResponse])
    /// Valid JSON that is none of the above (the reason is for logs).
    case unexpected(String)

    /// Classifies a parsed frame.
    public static func classify(_ value: JSONValue) -> RPCClientInbound {
        switch value {
        case .object(let o):
            if o["id"] != nil {
                if let r = RPCResponse(json: value) { return .response(r) }
                return .unexpected("object with an id that is not a valid response")
            }
            if let n = RPCSubscriptionNotification(json: value) { return .notification(n) }
            return .unexpected("object that is neither a response nor a subscription notification")
        case .array(let items):
            var out: [RPCResponse] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard let r = RPCResponse(json: item) else { return .unexpected("batch element that is not a response") }
                out.append(r)
            }
            return .batch(out)
        default:
            return .unexpected("top-level \(value.kindName)")
        }
    }
}
