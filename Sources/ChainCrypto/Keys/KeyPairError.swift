/// Why a `KeyPair` operation failed. Never carries key material.
public enum KeyPairError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A seed or secret has the wrong length for the scheme.
    case invalidSecretLength(scheme: KeyScheme, actual: Int)
    /// The scheme cannot take this junction (ed25519 has no soft derivation).
    case derivationUnsupported(scheme: KeyScheme, hard: Bool)
    /// The underlying implementation failed (its error text).
    case failed(scheme: KeyScheme, reason: String)

    public var description: String {
        switch self {
        case .invalidSecretLength(let s, let n):
            return "\(s.rawValue) secret has the wrong length (\(n) bytes)"
        case .derivationUnsupported(let s, let hard):
            return "\(s.rawValue) keys cannot be \(hard ? "hard" : "soft")-derived"
        case .failed(let s, let reason):
            return "\(s.rawValue) operation failed: \(reason)"
        }
    }
}
