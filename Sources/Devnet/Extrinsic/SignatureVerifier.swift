/// Signature schemes of `MultiSignature` (variant 0 Ed25519, 1 Sr25519, 2 Ecdsa).
public enum SignatureScheme: UInt8, Sendable, Hashable, CustomStringConvertible {
    case ed25519 = 0
    case sr25519 = 1
    case ecdsa = 2

    public var description: String {
        switch self {
        case .ed25519: return "ed25519"
        case .sr25519: return "sr25519"
        case .ecdsa: return "ecdsa"
        }
    }
}

/// Checks extrinsic signatures. Injected so the devnet verifies with the
/// ChainCrypto key code (ed25519, sr25519) and tests can count calls.
///
/// `verify` returns nil when the scheme is not supported by this build: the
/// extrinsic is then refused as `BadProof`-like invalid, never accepted unchecked.
public protocol SignatureVerifier: Sendable {
    func verify(scheme: SignatureScheme, signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool?
}
