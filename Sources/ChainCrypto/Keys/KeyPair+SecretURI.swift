import Scale

extension KeyPair {
    /// The key a Substrate secret URI names, for `scheme` (sr25519 by
    /// default, as in polkadot.js): the root from the phrase (+ `///password`)
    /// or the `0x` seed, then each junction in order
    /// (`sp_core::crypto::Pair::from_string_with_seed`).
    public init(secretURI: String, scheme: KeyScheme = .sr25519) throws(SecretURIError) {
        try self.init(uri: try SecretURI(secretURI), scheme: scheme)
    }

    /// The key of an already parsed secret URI.
    public init(uri: SecretURI, scheme: KeyScheme) throws(SecretURIError) {
        let miniSecret: SecretBytes
        if uri.isHexSeed {
            // As in Substrate, a password after a hex seed is ignored.
            guard var seed = try? Hex.decode(uri.phrase) else { throw .invalidSeed(byteCount: nil) }
            defer { wipe(&seed) }
            guard seed.count == 32 else { throw .invalidSeed(byteCount: seed.count) }
            miniSecret = SecretBytes(seed)
        } else {
            do { miniSecret = try Mnemonic.miniSecret(fromPhrase: uri.phrase, password: uri.password ?? "") } catch {
                throw .invalidPhrase(error)
            }
        }
        var pair: KeyPair
        do { pair = try KeyPair(scheme: scheme, miniSecret: miniSecret) } catch {
            throw .keyGenerationFailed(error.description)
        }
        for (index, junction) in uri.junctions.enumerated() {
            do { pair = try pair.derive(junction) } catch {
                if case .derivationUnsupported = error { throw .invalidPath(scheme: scheme, junctionIndex: index) }
                throw .keyGenerationFailed(error.description)
            }
        }
        self = pair
    }
}
