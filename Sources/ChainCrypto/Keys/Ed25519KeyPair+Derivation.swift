import Scale

extension Ed25519KeyPair {
    /// Hard derivation as Substrate's ed25519 does it (`Ed25519HDKD`): the
    /// child seed is BLAKE2b-256 of SCALE(("Ed25519HDKD", seed, chain_code)),
    /// i.e. compact-length-prefixed "Ed25519HDKD" ‖ 32-byte seed ‖ 32-byte
    /// chain code. There is no soft derivation for ed25519.
    public func deriveHard(chainCode: [UInt8]) throws(Ed25519Error) -> Ed25519KeyPair {
        guard chainCode.count == DeriveJunction.chainCodeLength else {
            throw .invalidChainCodeLength(actual: chainCode.count)
        }
        var preimage = scaleEncoded("Ed25519HDKD")
        preimage += seed.unsafeArrayCopy()
        preimage += chainCode
        let childSeed = SecretBytes(blake2_256(preimage))
        wipe(&preimage)
        return try Ed25519KeyPair(seed: childSeed)
    }
}
