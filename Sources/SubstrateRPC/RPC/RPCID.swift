/// A JSON-RPC 2.0 request id or subscription id: a number or a string.
///
/// JSON-RPC lets the client pick either; Substrate servers (jsonrpsee) answer
/// subscriptions with string ids, older nodes with numbers, so both are kept
/// as written and compared exactly. `null` appears only in error responses
/// to requests whose id could not be read (JSON-RPC 2.0 §5).
public enum RPCID: Sendable, Hashable, CustomStringConvertible {
    case number(JSONNumber)
    case string(String)
    case null

    /// An id from a client counter.
    public static func int(_ value: UInt64) -> RPCID { .number(JSONNumber(value)) }

    /// Reads an id; only numbers, strings and null are ids.
    public init?(json: JSONValue) {
        switch json {
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .null: self = .null
        default: return nil
        }
    }

    public var json: JSONValue {
        switch self {
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .null: return .null
        }
    }

    public var description: String {
        switch self {
        case .number(let n): return n.text
        case .string(let s): return "\"\(s)\""
        case .null: return "null"
        }
    }
}
