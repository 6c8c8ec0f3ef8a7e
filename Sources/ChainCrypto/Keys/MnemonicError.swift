/// Why a BIP-39 phrase was refused. Errors name positions and counts only,
/// never a word of the phrase: a mistyped word is still most of a secret.
public enum MnemonicError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Substrate accepts 12, 15, 18, 21 or 24 words.
    case badWordCount(Int)
    /// The word at this 1-based position is not in the English BIP-39 list.
    case unknownWord(position: Int)
    /// All words are known but the checksum bits do not match.
    case badChecksum
    /// Entropy must be 16, 20, 24, 28 or 32 bytes.
    case badEntropyLength(Int)
    /// PBKDF2 could not run (OpenSSL failure).
    case keyDerivationFailed

    public var description: String {
        switch self {
        case .badWordCount(let n):
            return "a mnemonic has 12, 15, 18, 21 or 24 words; this one has \(n)"
        case .unknownWord(let position):
            return "word \(position) of the mnemonic is not in the English BIP-39 wordlist (words are lower-case)"
        case .badChecksum:
            return "the mnemonic's checksum does not match: a word is wrong or the order is changed"
        case .badEntropyLength(let n):
            return "mnemonic entropy must be 16, 20, 24, 28 or 32 bytes, got \(n)"
        case .keyDerivationFailed:
            return "PBKDF2 failed while deriving the seed from the mnemonic"
        }
    }
}
