/// A typed decoding failure of the SCALE codec: every case names the byte
/// offset where decoding stopped and what was expected there.
///
/// Bytes come from nodes and files (PROTOCOL.md §1): bad input must never
/// trap, so every decoder path reports one of these instead.
public enum ScaleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer bytes remain than the value needs.
    case truncated(offset: Int, needed: Int, available: Int)
    /// The bytes at `offset` are not a valid encoding of `expected`.
    case invalidValue(offset: Int, expected: String)
    /// A length prefix claims more elements/bytes than the remaining input can hold.
    case lengthTooLarge(offset: Int, claimed: UInt64, remaining: Int)
    /// An enum discriminant with no known variant.
    case unknownVariant(offset: Int, index: UInt8, type: String)
    /// Bytes remained after a complete value when the caller required all consumed.
    case trailingBytes(offset: Int, remaining: Int)
    /// A type id not present in the registry (or an unsupported type shape).
    case unknownType(id: UInt32, context: String)
    /// Nesting deeper than the decoder allows (guards against recursion bombs).
    case nestingTooDeep(offset: Int, limit: Int)
    /// A value tree does not fit the type it is encoded as.
    case typeMismatch(typeId: UInt32, expected: String, found: String)
    /// A hex string could not be parsed.
    case invalidHex(position: Int, reason: String)

    public var description: String {
        switch self {
        case let .truncated(o, n, a):
            return "SCALE: truncated input at offset \(o): needed \(n) bytes, \(a) available"
        case let .invalidValue(o, e):
            return "SCALE: invalid value at offset \(o): expected \(e)"
        case let .lengthTooLarge(o, c, r):
            return "SCALE: length \(c) at offset \(o) exceeds the \(r) remaining bytes"
        case let .unknownVariant(o, i, t):
            return "SCALE: unknown variant index \(i) of \(t) at offset \(o)"
        case let .trailingBytes(o, r):
            return "SCALE: \(r) trailing bytes after the value at offset \(o)"
        case let .unknownType(id, c):
            return "SCALE: unknown type id \(id) (\(c))"
        case let .nestingTooDeep(o, l):
            return "SCALE: nesting deeper than \(l) levels at offset \(o)"
        case let .typeMismatch(id, e, f):
            return "SCALE: value does not fit type \(id): expected \(e), found \(f)"
        case let .invalidHex(p, r):
            return "hex: invalid input at character \(p): \(r)"
        }
    }
}
