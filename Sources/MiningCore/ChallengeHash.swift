import ChainCrypto

/// The one place MiningCore hashes: `blake2_256` for the challenge hit test
/// (§4.2) and the derived pool accounts (§1.3).
///
/// Kept behind a single function so the hash implementation (ChainCrypto's
/// BLAKE2b) can be swapped without touching the domain code.
enum ChallengeHash {
    /// BLAKE2b with a 32-byte digest and no key (`sp_core::hashing::blake2_256`).
    @inline(__always)
    static func blake2_256(_ data: [UInt8]) -> [UInt8] {
        ChainCrypto.blake2_256(data)
    }
}
