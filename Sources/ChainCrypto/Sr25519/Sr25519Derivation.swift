/// schnorrkel hierarchical derivation as Substrate uses it for sr25519
/// secret URIs: hard (`//x`) re-seeds a mini secret from the secret scalar,
/// soft (`/x`) adds a public tweak so public keys can follow along.
///
/// Both start from Merlin transcript "SchnorrRistrettoHDKD" with an empty
/// "sign-bytes"; hard appends "chain-code" and "secret-key" and squeezes
/// "HDKD-hard"; soft appends "chain-code" and "public-key" and squeezes
/// "HDKD-scalar" (64 bytes mod ℓ); the new chain codes ("HDKD-chaincode")
/// are not used by Substrate's junction paths, so they are not computed.
enum Sr25519Derivation {
    static let chainCodeLength = 32

    /// A chain code is 32 bytes. Other lengths follow Substrate's
    /// `DeriveJunction` rule for raw junction bytes: shorter input is
    /// zero-padded, longer input is hashed with BLAKE2b-256.
    static func normalized(_ chainCode: [UInt8]) -> [UInt8] {
        if chainCode.count > chainCodeLength { return blake2_256(chainCode) }
        return chainCode + [UInt8](repeating: 0, count: chainCodeLength - chainCode.count)
    }

    static func softTranscript() -> MerlinTranscript {
        var t = MerlinTranscript(label: "SchnorrRistrettoHDKD")
        t.appendMessage("sign-bytes", [])
        return t
    }

    /// schnorrkel `derive_scalar_and_chaincode` (scalar part).
    static func softScalar(_ t: inout MerlinTranscript, chainCode: [UInt8], publicKey: [UInt8]) -> Scalar25519 {
        t.appendMessage("chain-code", chainCode)
        t.appendMessage("public-key", publicKey)
        return t.challengeScalar("HDKD-scalar")
    }

    /// schnorrkel `SecretKey::hard_derive_mini_secret_key(Some(cc), b"")`.
    static func hardMiniSecret(secret: Sr25519SecretMaterial, chainCode: [UInt8]) -> [UInt8] {
        var t = MerlinTranscript(label: "SchnorrRistrettoHDKD")
        t.appendMessage("sign-bytes", [])
        t.appendMessage("chain-code", chainCode)
        var keyBytes = secret.keyBytes
        t.appendMessage("secret-key", keyBytes)
        Sr25519Secrets.wipe(&keyBytes)
        return t.challengeBytes("HDKD-hard", count: 32)
    }

    /// schnorrkel `Keypair::derive_secret_key` for `derived_key_simple(cc, [])`:
    /// key + tweak, and a fresh nonce seed from the transcript RNG keyed with
    /// the old nonce and secret (random, as in schnorrkel).
    static func softSecret(secret: Sr25519SecretMaterial, publicKey: [UInt8], chainCode: [UInt8],
                           randomBytes: [UInt8]) -> Sr25519SecretMaterial {
        var t = softTranscript()
        let tweak = softScalar(&t, chainCode: chainCode, publicKey: publicKey)
        var nonceSeed = secret.nonce
        var full = secret.schnorrkelBytes
        let nonce = t.witnessBytes("HDKD-nonce", count: 32, witnesses: [nonceSeed, full], randomBytes: randomBytes)
        Sr25519Secrets.wipe(&nonceSeed)
        Sr25519Secrets.wipe(&full)
        return Sr25519SecretMaterial(key: secret.key + tweak, nonce: nonce)
    }
}
