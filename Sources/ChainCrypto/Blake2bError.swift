/// Why a BLAKE2b parameter was refused.
public enum Blake2bError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The digest length must be 1...64 bytes.
    case invalidOutputLength(Int)
    /// The key must be at most 64 bytes (its bytes are never shown).
    case keyTooLong(length: Int)

    public var description: String {
        switch self {
        case .invalidOutputLength(let n): return "BLAKE2b output length \(n) is outside 1...64 bytes"
        case .keyTooLong(let n): return "BLAKE2b key of \(n) bytes is longer than 64 bytes"
        }
    }
}
