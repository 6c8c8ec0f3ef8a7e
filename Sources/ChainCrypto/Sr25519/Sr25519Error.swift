/// Why sr25519 key material was refused. Messages name the input and the
/// expectation, never the bytes (they may be secret).
public enum Sr25519Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// An input had the wrong length (`what`: "mini secret", "public key", ...).
    case invalidLength(what: String, expected: Int, actual: Int)
    /// A secret key's scalar half is not a canonical integer below the group order.
    case nonCanonicalSecretScalar
    /// 32 bytes that are not a valid Ristretto255 encoding (RFC 9496 §4.3.1).
    case invalidPublicKey

    public var description: String {
        switch self {
        case let .invalidLength(what, expected, actual):
            return "sr25519 \(what) must be \(expected) bytes, got \(actual)"
        case .nonCanonicalSecretScalar:
            return "sr25519 secret key scalar is not reduced modulo the group order"
        case .invalidPublicKey:
            return "sr25519 public key is not a valid ristretto255 point encoding"
        }
    }
}
