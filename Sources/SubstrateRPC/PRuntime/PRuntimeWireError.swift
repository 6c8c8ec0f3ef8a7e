/// Why a pRuntime message could not be read (issue 8, "Register from the worker's pRuntime").
///
/// Names the message and field so an operator can tell a wrong URL (not
/// JSON at all) from an incompatible pRuntime version (a field of the wrong type).
public enum PRuntimeWireError: Error, Sendable, Equatable {
    /// The body is not JSON (the parser's reason is kept).
    case json(message: String, reason: String)
    /// The body is not a protobuf message of the expected shape.
    case protobuf(message: String, ProtobufError)
    /// A field is present with the wrong type or an unusable value.
    case field(message: String, field: String, expected: String)
    /// A field the message cannot do without is absent.
    case missing(message: String, field: String)
}

extension PRuntimeWireError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .json(let m, let reason): return "\(m): not JSON (\(reason))"
        case .protobuf(let m, let e): return "\(m): bad protobuf (\(e))"
        case .field(let m, let f, let expected): return "\(m).\(f): expected \(expected)"
        case .missing(let m, let f): return "\(m).\(f) is missing"
        }
    }
}
