import SubstrateRPC

/// A status update of `author_submitAndWatchExtrinsic` (sc-transaction-pool
/// `TransactionStatus`), typed: the transactions pane and `khalatop tx`
/// follow an extrinsic through ready, in block, finalized, or one of the
/// ways it can end without being included.
public enum ExtrinsicStatus: Sendable, Hashable, CustomStringConvertible {
    case future
    case ready
    case broadcast([String])
    case inBlock(blockHash: [UInt8])
    case retracted(blockHash: [UInt8])
    case finalityTimeout(blockHash: [UInt8])
    case finalized(blockHash: [UInt8])
    case usurped(byExtrinsic: [UInt8])
    case dropped
    case invalid

    /// True when no further update follows.
    public var isFinal: Bool {
        switch self {
        case .finalized, .usurped, .dropped, .invalid, .finalityTimeout: return true
        default: return false
        }
    }

    /// Reads one notification: a string (`"ready"`) or a one-member object (`{"inBlock": "0x…"}`).
    public init(json: JSONValue) throws(RPCDecodingError) {
        if case .string(let s) = json {
            switch s {
            case "future": self = .future
            case "ready": self = .ready
            case "dropped": self = .dropped
            case "invalid": self = .invalid
            default: throw .wrongKind(field: "status", expected: "a transaction status", found: "string \(s.prefix(40))")
            }
            return
        }
        func hash(_ key: String) throws(RPCDecodingError) -> [UInt8] {
            try json.field(key).hexBytes(field: key, length: 32)
        }
        if json["inBlock"] != nil { self = .inBlock(blockHash: try hash("inBlock")); return }
        if json["finalized"] != nil { self = .finalized(blockHash: try hash("finalized")); return }
        if json["retracted"] != nil { self = .retracted(blockHash: try hash("retracted")); return }
        if json["finalityTimeout"] != nil { self = .finalityTimeout(blockHash: try hash("finalityTimeout")); return }
        if json["usurped"] != nil { self = .usurped(byExtrinsic: try hash("usurped")); return }
        if let peers = json["broadcast"] {
            self = .broadcast((peers.arrayValue ?? []).compactMap(\.stringValue))
            return
        }
        throw .wrongKind(field: "status", expected: "a transaction status", found: json.kindName)
    }

    public var description: String {
        func h(_ b: [UInt8]) -> String { RPCHex.encode(b) }
        switch self {
        case .future: return "future"
        case .ready: return "ready"
        case .broadcast(let p): return "broadcast to \(p.count) peers"
        case .inBlock(let b): return "in block \(h(b))"
        case .retracted(let b): return "retracted from \(h(b))"
        case .finalityTimeout(let b): return "finality timeout in \(h(b))"
        case .finalized(let b): return "finalized in \(h(b))"
        case .usurped(let x): return "usurped by \(h(x))"
        case .dropped: return "dropped"
        case .invalid: return "invalid"
        }
    }
}
