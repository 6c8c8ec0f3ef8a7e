/// Why a JSON value does not have the shape a typed Substrate RPC value needs.
///
/// Names the field path (e.g. `digest.logs[2]`) so a bad frame from a node
/// can be reported with where it went wrong.
public enum RPCDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingField(String)
    case wrongKind(field: String, expected: String, found: String)
    case invalidHex(field: String, reason: String)
    case wrongLength(field: String, expected: Int, found: Int)
    case outOfRange(field: String)

    public var description: String {
        switch self {
        case .missingField(let f): return "missing field \(f)"
        case .wrongKind(let f, let e, let found): return "field \(f): expected \(e), found \(found)"
        case .invalidHex(let f, let r): return "field \(f): invalid hex (\(r))"
        case .wrongLength(let f, let e, let found): return "field \(f): expected \(e) bytes, found \(found)"
        case .outOfRange(let f): return "field \(f): number out of range"
        }
    }
}
