// The only place KeyPair touches the sr25519 implementation (Sr25519/), so
// the two halves of the key code meet at one seam.

/// KeyPair's sr25519 backing is the schnorrkel key pair itself.
typealias Sr25519Backing = Sr25519KeyPair

func sr25519FromMiniSecret(_ miniSecret: SecretBytes) throws(KeyPairError) -> Sr25519KeyPair {
    var bytes = miniSecret.unsafeArrayCopy()
    defer { wipe(&bytes) }
    do { return try Sr25519KeyPair(miniSecret: bytes) } catch {
        throw .failed(scheme: .sr25519, reason: String(describing: error))
    }
}

func sr25519PublicKey(_ pair: Sr25519KeyPair) -> [UInt8] { pair.publicKey }

func sr25519Sign(_ pair: Sr25519KeyPair, _ message: [UInt8]) throws(KeyPairError) -> [UInt8] {
    pair.sign(message)
}

func sr25519Verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
    Sr25519KeyPair.verify(signature: signature, message: message, publicKey: publicKey)
}

func sr25519Derive(_ pair: Sr25519KeyPair, _ junction: DeriveJunction) throws(KeyPairError) -> Sr25519KeyPair {
    junction.isHard ? pair.deriveHard(chainCode: junction.chainCode) : pair.deriveSoft(chainCode: junction.chainCode)
}

extension KeyPair {
    /// Wraps an sr25519 pair.
    public init(sr25519 pair: Sr25519KeyPair) { self.init(backing: .sr25519(pair)) }

    /// An sr25519 pair from a 64-byte schnorrkel secret in "ed25519 bytes"
    /// form (scalar·8 LE ‖ nonce), as polkadot.js key files hold it.
    init(sr25519ExpandedSecret secret: SecretBytes) throws(KeyPairError) {
        var bytes = secret.unsafeArrayCopy()
        defer { wipe(&bytes) }
        do { self.init(sr25519: try Sr25519KeyPair(ed25519FormatSecretKey: bytes)) } catch {
            throw .failed(scheme: .sr25519, reason: String(describing: error))
        }
    }
}
