/// A Substrate account key pair of either scheme: what khalatop signs
/// extrinsics with and what the devnet checks signatures against (issue 3).
///
/// Build one from a secret URI (`KeyPair(secretURI:scheme:)`), a mini
/// secret, or a polkadot.js key file (`PolkadotKeyFile`). The secret stays
/// inside the scheme's key type, zeroed on drop; `description` and mirrors
/// show only the scheme and public key.
public struct KeyPair: Sendable {
    enum Backing: Sendable {
        case sr25519(Sr25519Backing)
        case ed25519(Ed25519KeyPair)
    }

    let backing: Backing

    /// Which signature scheme this key uses.
    public var scheme: KeyScheme {
        switch backing {
        case .sr25519: return .sr25519
        case .ed25519: return .ed25519
        }
    }

    /// The 32-byte public key (the AccountId32 of the account).
    public var publicKey: [UInt8] {
        switch backing {
        case .sr25519(let pair): return sr25519PublicKey(pair)
        case .ed25519(let pair): return pair.publicKey
        }
    }

    /// Wraps an ed25519 pair.
    public init(ed25519 pair: Ed25519KeyPair) { backing = .ed25519(pair) }

    /// The root key of a 32-byte mini secret (sr25519) or seed (ed25519).
    public init(scheme: KeyScheme, miniSecret: SecretBytes) throws(KeyPairError) {
        guard miniSecret.count == 32 else { throw .invalidSecretLength(scheme: scheme, actual: miniSecret.count) }
        switch scheme {
        case .sr25519:
            backing = .sr25519(try sr25519FromMiniSecret(miniSecret))
        case .ed25519:
            do { backing = .ed25519(try Ed25519KeyPair(seed: miniSecret)) } catch {
                throw .failed(scheme: .ed25519, reason: error.description)
            }
        }
    }

    /// A 64-byte signature of `message` (sr25519 signs in the `substrate`
    /// context and is randomised; ed25519 is deterministic).
    public func sign(_ message: [UInt8]) throws(KeyPairError) -> [UInt8] {
        switch backing {
        case .sr25519(let pair):
            return try sr25519Sign(pair, message)
        case .ed25519(let pair):
            do { return try pair.sign(message) } catch { throw .failed(scheme: .ed25519, reason: error.description) }
        }
    }

    /// True when `signature` is valid for `message` and `publicKey` under
    /// `scheme`; malformed input is just invalid.
    public static func verify(scheme: KeyScheme, signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        switch scheme {
        case .sr25519: return sr25519Verify(signature: signature, message: message, publicKey: publicKey)
        case .ed25519: return Ed25519KeyPair.verify(signature: signature, message: message, publicKey: publicKey)
        }
    }

    /// The key one junction down the path.
    public func derive(_ junction: DeriveJunction) throws(KeyPairError) -> KeyPair {
        switch backing {
        case .sr25519(let pair):
            return KeyPair(backing: .sr25519(try sr25519Derive(pair, junction)))
        case .ed25519(let pair):
            guard junction.isHard else { throw .derivationUnsupported(scheme: .ed25519, hard: false) }
            do { return KeyPair(ed25519: try pair.deriveHard(chainCode: junction.chainCode)) } catch {
                throw .failed(scheme: .ed25519, reason: error.description)
            }
        }
    }

    init(backing: Backing) { self.backing = backing }
}

extension KeyPair: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "KeyPair(\(scheme.rawValue), public: \(hexLower(publicKey)), secret redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["scheme": scheme, "publicKey": publicKey], displayStyle: .struct)
    }
}
