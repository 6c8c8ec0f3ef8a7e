/// A JSON number kept exactly as the peer wrote it where that matters.
///
/// Integers in the `Int64` range are `.int`; non-negative integers beyond it
/// that fit `UInt64` are `.uint`; anything else (fractions, exponents, integers
/// wider than 64 bits such as u128 balances some nodes print as numbers) keeps
/// its validated source text in `.text`, so nothing is rounded on the way
/// through. The canonical form makes `==` meaningful: 5 is always `.int(5)`.
public enum JSONNumber: Sendable, Hashable {
    case int(Int64)
    case uint(UInt64)
    /// Validated JSON number text that is not a 64-bit integer.
    case text(String)

    public init(_ value: Int64) { self = .int(value) }

    public init(_ value: UInt64) {
        if value <= UInt64(Int64.max) { self = .int(Int64(value)) } else { self = .uint(value) }
    }

    /// A finite double in its shortest round-trip text; integral values in
    /// the `Int64` range become `.int`.
    public init(_ value: Double) {
        if value == value.rounded(), abs(value) < 9.2e18, let i = Int64(exactly: value) {
            self = .int(i)
        } else {
            self = .text(value.isFinite ? "\(value)" : "0")
        }
    }

    public var int64Value: Int64? {
        switch self {
        case .int(let v): return v
        case .uint: return nil
        case .text: return nil
        }
    }

    public var uint64Value: UInt64? {
        switch self {
        case .int(let v): return v >= 0 ? UInt64(v) : nil
        case .uint(let v): return v
        case .text: return nil
        }
    }

    /// The value as a double (may round; big integers lose low digits).
    public var doubleValue: Double {
        switch self {
        case .int(let v): return Double(v)
        case .uint(let v): return Double(v)
        case .text(let t): return Double(t) ?? .nan
        }
    }

    /// The JSON text of the number.
    public var text: String {
        switch self {
        case .int(let v): return String(v)
        case .uint(let v): return String(v)
        case .text(let t): return t
        }
    }
}
