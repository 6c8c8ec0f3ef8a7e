/// A decoded value whose shape does not match what khalatop reads from it:
/// a missing field, a field of the wrong kind, a wrong length.
///
/// PROTOCOL.md §1.6: runtimes drift; such a value is reported (with its
/// storage key, see `DecodeIssue`) rather than guessed at or trapped on.
public enum ValueShapeError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingField(path: String)
    case wrongKind(path: String, expected: String, found: String)
    case outOfRange(path: String, expected: String)
    case unknownVariant(path: String, name: String)
    case missingMetadata(String)

    public var description: String {
        switch self {
        case .missingField(let p): return "field \(p) is missing"
        case .wrongKind(let p, let e, let f): return "field \(p): expected \(e), found \(f)"
        case .outOfRange(let p, let e): return "field \(p): value does not fit \(e)"
        case .unknownVariant(let p, let n): return "field \(p): unknown variant \(n)"
        case .missingMetadata(let what): return "the runtime metadata has no \(what)"
        }
    }
}
