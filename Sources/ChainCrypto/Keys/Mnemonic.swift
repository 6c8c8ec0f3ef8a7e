/// BIP-39 English mnemonics as Substrate uses them: the phrase encodes
/// entropy plus a SHA-256 checksum, and the key seed is PBKDF2-HMAC-SHA512
/// over the *entropy* (not the phrase text, unlike BIP-39 wallets), salt
/// "mnemonic" + password, 2048 rounds; the first 32 bytes are the mini
/// secret (substrate-bip39 `mini_secret_from_entropy`, issue 3).
public enum Mnemonic {
    /// Word counts Substrate accepts.
    public static let validWordCounts: Set<Int> = [12, 15, 18, 21, 24]
    /// PBKDF2 iterations of substrate-bip39.
    public static let pbkdf2Iterations = 2048

    /// The entropy a phrase encodes, after checking words and checksum.
    /// Words are separated by any whitespace and are case-sensitive, as in
    /// the `bip39` crate Substrate uses.
    public static func entropy(fromPhrase phrase: String) throws(MnemonicError) -> SecretBytes {
        let words = phrase.split(whereSeparator: { $0.isWhitespace })
        guard validWordCounts.contains(words.count) else { throw .badWordCount(words.count) }
        var indices = [Int](repeating: 0, count: words.count)
        defer { for i in indices.indices { indices[i] = 0 } }
        for (i, word) in words.enumerated() {
            guard let index = Bip39EnglishWordlist.index[String(word)] else { throw .unknownWord(position: i + 1) }
            indices[i] = index
        }
        let totalBits = words.count * 11
        let checksumBits = totalBits / 33
        let entropyBytes = (totalBits - checksumBits) / 8
        // Concatenate the 11-bit indices, MSB first, into entropy ‖ checksum.
        let bits = SecretBytes(count: (totalBits + 7) / 8) { out in
            for (i, index) in indices.enumerated() {
                for bit in 0..<11 where index & (1 << (10 - bit)) != 0 {
                    let position = i * 11 + bit
                    out[position / 8] |= UInt8(0x80 >> (position % 8))
                }
            }
        }
        let entropy = bits.slice(0..<entropyBytes)
        let hash = entropy.withUnsafeBytes { OpenSSLDigests.sha256($0) }
        let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - checksumBits))
        let stored = bits.withUnsafeBytes { $0[entropyBytes] } & mask
        guard stored == hash[0] & mask else { throw .badChecksum }
        return entropy
    }

    /// The phrase of `entropy` (16..32 bytes, a multiple of 4). Used to make
    /// test phrases and by tools that generate accounts.
    public static func phrase(fromEntropy entropy: SecretBytes) throws(MnemonicError) -> String {
        guard [16, 20, 24, 28, 32].contains(entropy.count) else { throw .badEntropyLength(entropy.count) }
        let hash = entropy.withUnsafeBytes { OpenSSLDigests.sha256($0) }
        var bytes = entropy.unsafeArrayCopy() + [hash[0]]
        defer { wipe(&bytes) }
        let wordCount = entropy.count * 8 * 33 / 32 / 11
        var words: [String] = []
        for i in 0..<wordCount {
            var index = 0
            for bit in 0..<11 {
                let position = i * 11 + bit
                index = index << 1 | Int(bytes[position / 8] >> (7 - position % 8) & 1)
            }
            words.append(Bip39EnglishWordlist.words[index])
        }
        return words.joined(separator: " ")
    }

    /// The 64-byte BIP-39 seed of `entropy` as substrate-bip39 computes it.
    public static func seed(fromEntropy entropy: SecretBytes, password: String) throws(MnemonicError) -> SecretBytes {
        guard [16, 20, 24, 28, 32].contains(entropy.count) else { throw .badEntropyLength(entropy.count) }
        let salt = Array("mnemonic".utf8) + Array(password.utf8)
        guard let seed = OpenSSLDigests.pbkdf2SHA512(password: entropy, salt: salt,
                                                     iterations: pbkdf2Iterations, length: 64)
        else { throw .keyDerivationFailed }
        return seed
    }

    /// The 32-byte mini secret (sr25519 mini secret key, ed25519 seed) of a phrase.
    public static func miniSecret(fromPhrase phrase: String, password: String = "") throws(MnemonicError) -> SecretBytes {
        let entropy = try entropy(fromPhrase: phrase)
        return try seed(fromEntropy: entropy, password: password).slice(0..<32)
    }
}
