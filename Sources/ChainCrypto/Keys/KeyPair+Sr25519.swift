// The only place KeyPair touches the sr25519 implementation, so that the
// sr25519 key type can land independently.
// TEMPORARY: the sr25519 implementation (issue 3, branch `sr25519`) is not on
// main yet; until it is, sr25519 operations report `.schemeUnavailable`.

/// Stand-in for `Sr25519KeyPair` until it lands (never instantiated).
enum Sr25519Backing: Sendable {}

func sr25519FromMiniSecret(_ miniSecret: SecretBytes) throws(KeyPairError) -> Sr25519Backing {
    throw .schemeUnavailable(.sr25519)
}

func sr25519PublicKey(_ pair: Sr25519Backing) -> [UInt8] {
    switch pair {}
}

func sr25519Sign(_ pair: Sr25519Backing, _ message: [UInt8]) throws(KeyPairError) -> [UInt8] {
    switch pair {}
}

func sr25519Verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
    false
}

func sr25519Derive(_ pair: Sr25519Backing, _ junction: DeriveJunction) throws(KeyPairError) -> Sr25519Backing {
    switch pair {}
}

extension KeyPair {
    /// An sr25519 pair from a 64-byte schnorrkel secret in "ed25519 bytes"
    /// form (scalar·8 LE ‖ nonce), as polkadot.js key files hold it.
    init(sr25519ExpandedSecret secret: SecretBytes) throws(KeyPairError) {
        throw .schemeUnavailable(.sr25519)
    }
}
