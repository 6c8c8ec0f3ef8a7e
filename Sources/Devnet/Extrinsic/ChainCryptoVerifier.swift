import ChainCrypto

/// Verifies extrinsic signatures with ChainCrypto's sr25519 and ed25519
/// (`Sr25519KeyPair.verify`, `Ed25519KeyPair.verify`); ECDSA is not supported and refused.
public struct ChainCryptoVerifier: SignatureVerifier {
    public init() {}

    public func verify(scheme: SignatureScheme, signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool? {
        switch scheme {
        case .sr25519: return Sr25519KeyPair.verify(signature: signature, message: message, publicKey: publicKey)
        case .ed25519: return Ed25519KeyPair.verify(signature: signature, message: message, publicKey: publicKey)
        case .ecdsa: return nil
        }
    }
}

/// The devnet relayer (the pherry/PRB role, PROTOCOL.md §2 PhalaMq): an
/// ed25519 key from the scenario seed, so its signatures (and block hashes)
/// are reproducible. Its secret never leaves this value.
public struct RelayerSigner: ExtrinsicSigner {
    let pair: Ed25519KeyPair
    public let publicKey: [UInt8]
    public var scheme: SignatureScheme { .ed25519 }

    public init(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed ^ 0x7265_6C61_7965_7221)  // "relayer!"
        pair = try Ed25519KeyPair(seed: rng.bytes(32))
        publicKey = pair.publicKey
    }

    public func sign(_ message: [UInt8]) -> [UInt8] {
        (try? pair.sign(message)) ?? [UInt8](repeating: 0, count: 64)
    }
}
