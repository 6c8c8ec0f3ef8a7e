/// An sr25519 key pair (schnorrkel over Ristretto255), the default account
/// type on Phala/Khala: it signs the operator extrinsics of PROTOCOL.md §2 with
/// the pool owner's account, and worker keys are `sr25519::Public` (§1).
///
/// Built from a 32-byte mini secret with the Ed25519-style expansion Substrate
/// uses (`ExpansionMode::Ed25519`): SHA-512, clamp, divide by the cofactor 8;
/// the second half of the hash is the nonce seed. The secret lives in a
/// wiped-on-release buffer and never appears in `description`, `debugDescription`
/// or reflection.
public struct Sr25519KeyPair: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: Sr25519SecretMaterial
    /// The 32-byte public key.
    public let publicKey: [UInt8]
    /// The public key as a validated value (for soft derivation and verification).
    public let publicKeyValue: Sr25519PublicKey

    public static let miniSecretLength = 32
    public static let signatureLength = 64

    init(secret: Sr25519SecretMaterial) {
        self.secret = secret
        let point = RistrettoPoint.mulBase(secret.key)
        self.publicKeyValue = Sr25519PublicKey(point: point)
        self.publicKey = publicKeyValue.bytes
    }

    /// From a 32-byte mini secret (what a secret URI's seed or BIP-39 phrase gives).
    public init(miniSecret: [UInt8]) throws {
        guard miniSecret.count == Self.miniSecretLength else {
            throw Sr25519Error.invalidLength(what: "mini secret", expected: 32, actual: miniSecret.count)
        }
        self.init(secret: Self.expandEd25519(miniSecret))
    }

    /// From schnorrkel's 64-byte `SecretKey::to_bytes()` (scalar ‖ nonce), the
    /// secret format of py-sr25519-bindings.
    public init(schnorrkelSecretKey bytes: [UInt8]) throws {
        guard bytes.count == 64 else {
            throw Sr25519Error.invalidLength(what: "secret key", expected: 64, actual: bytes.count)
        }
        guard let key = Scalar25519(canonical: Array(bytes[0..<32])) else { throw Sr25519Error.nonCanonicalSecretScalar }
        self.init(secret: Sr25519SecretMaterial(key: key, nonce: Array(bytes[32..<64])))
    }

    /// From the 64-byte Ed25519-compatible form (scalar·8 ‖ nonce, schnorrkel
    /// `SecretKey::from_ed25519_bytes`), as polkadot.js stores sr25519 secrets.
    public init(ed25519FormatSecretKey bytes: [UInt8]) throws {
        guard bytes.count == 64 else {
            throw Sr25519Error.invalidLength(what: "secret key", expected: 64, actual: bytes.count)
        }
        var scalarBytes = Self.dividedByCofactor(Array(bytes[0..<32]))
        defer { Sr25519Secrets.wipe(&scalarBytes) }
        guard let key = Scalar25519(canonical: scalarBytes) else { throw Sr25519Error.nonCanonicalSecretScalar }
        self.init(secret: Sr25519SecretMaterial(key: key, nonce: Array(bytes[32..<64])))
    }

    /// schnorrkel `MiniSecretKey::expand_ed25519`.
    static func expandEd25519(_ miniSecret: [UInt8]) -> Sr25519SecretMaterial {
        var h = Sr25519Secrets.sha512(miniSecret)
        var key = Array(h[0..<32])
        key[0] &= 248
        key[31] &= 63
        key[31] |= 64
        var divided = dividedByCofactor(key)
        let material = Sr25519SecretMaterial(key: Scalar25519(reducing: divided), nonce: Array(h[32..<64]))
        Sr25519Secrets.wipe(&h)
        Sr25519Secrets.wipe(&key)
        Sr25519Secrets.wipe(&divided)
        return material
    }

    /// Little-endian 256-bit value shifted right by 3 (no branches).
    static func dividedByCofactor(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<32 {
            let high: UInt8 = i < 31 ? bytes[i + 1] << 5 : 0
            out[i] = (bytes[i] >> 3) | high
        }
        return out
    }

    /// Signs `message` under context "substrate"; 64 bytes. Randomised: the
    /// witness mixes the nonce seed with 32 bytes from the system RNG.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        Sr25519Signing.sign(message: message, secret: secret, publicKey: publicKey,
                            randomBytes: Sr25519Secrets.randomBytes())
    }

    /// Checks a 64-byte signature by a 32-byte public key (context "substrate").
    /// False for any malformed input: wrong lengths, a public key that is not a
    /// ristretto point, a missing schnorrkel marker bit, a non-canonical `s`.
    public static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard let key = try? Sr25519PublicKey(bytes: publicKey) else { return false }
        return Sr25519Signing.verify(signature: signature, message: message, publicKey: key)
    }

    /// Hard (`//x`) derivation with a 32-byte chain code, as Substrate's
    /// `derive_hard_junction`: a new mini secret from the secret scalar, expanded
    /// again. Other lengths than 32 are zero-padded or BLAKE2b-256 hashed, as
    /// Substrate turns raw junction bytes into a chain code.
    public func deriveHard(chainCode: [UInt8]) -> Sr25519KeyPair {
        var mini = Sr25519Derivation.hardMiniSecret(secret: secret, chainCode: Sr25519Derivation.normalized(chainCode))
        defer { Sr25519Secrets.wipe(&mini) }
        return Sr25519KeyPair(secret: Self.expandEd25519(mini))
    }

    /// Soft (`/x`) derivation with a 32-byte chain code; the public key equals
    /// `publicKeyValue.deriveSoft(chainCode:)`. The new nonce seed is random,
    /// as in schnorrkel, so signatures differ but the keys agree.
    public func deriveSoft(chainCode: [UInt8]) -> Sr25519KeyPair {
        Sr25519KeyPair(secret: Sr25519Derivation.softSecret(
            secret: secret, publicKey: publicKey, chainCode: Sr25519Derivation.normalized(chainCode),
            randomBytes: Sr25519Secrets.randomBytes()))
    }

    public var description: String { "Sr25519KeyPair(public: \(publicKeyValue.description), secret: <redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["publicKey": publicKeyValue], displayStyle: .struct) }
}
