/// Why an SS58 address was refused. Never contains key material.
public enum SS58Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// A character outside the Base58 alphabet at this UTF-8 position.
    case badBase58(position: Int)
    /// The checksum does not match (a mistyped character, usually).
    case badChecksum
    /// The decoded payload (or the key to encode, or the string) has this wrong length.
    case badLength(Int)
    /// The address decodes, but under another network's prefix.
    case wrongPrefix(expected: UInt16, found: UInt16)
    /// The first byte is 128 or above: reserved, not an address.
    case reservedPrefix(firstByte: UInt8)
    /// A prefix above 16383 cannot be encoded.
    case invalidPrefix(UInt16)

    public var description: String {
        switch self {
        case .badBase58(let position): return "SS58 address has a non-Base58 character at position \(position)"
        case .badChecksum: return "SS58 address checksum does not match (mistyped address?)"
        case .badLength(let n): return "SS58 address has the wrong length (\(n) bytes; a 32-byte account key is expected)"
        case .wrongPrefix(let expected, let found):
            return "SS58 address is for network prefix \(found), expected \(expected)"
        case .reservedPrefix(let byte): return "SS58 address starts with reserved prefix byte \(byte)"
        case .invalidPrefix(let p): return "SS58 prefix \(p) is above 16383"
        }
    }
}
