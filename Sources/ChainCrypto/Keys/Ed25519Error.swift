/// Why an ed25519 operation failed. Never carries key material.
public enum Ed25519Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// A seed must be exactly 32 bytes.
    case invalidSeedLength(actual: Int)
    /// Substrate's ed25519 has no soft derivation (`/x`); only hard (`//x`).
    case softDerivationUnsupported
    /// A chain code must be exactly 32 bytes.
    case invalidChainCodeLength(actual: Int)
    /// OpenSSL refused an operation; `reason` is OpenSSL's error text.
    case openSSL(operation: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSeedLength(let n):
            return "ed25519 seed must be 32 bytes, got \(n)"
        case .softDerivationUnsupported:
            return "ed25519 keys cannot be soft-derived (`/junction`); use hard derivation (`//junction`)"
        case .invalidChainCodeLength(let n):
            return "derivation chain code must be 32 bytes, got \(n)"
        case .openSSL(let op, let reason):
            return "OpenSSL \(op) failed: \(reason)"
        }
    }
}
