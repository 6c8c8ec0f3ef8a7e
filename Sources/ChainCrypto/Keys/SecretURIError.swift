/// Why a secret URI (`PHRASE//path///password`, `0xSEED//path`, `//Alice`)
/// was refused. Never carries any part of the URI: even a path can be secret.
public enum SecretURIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URI is empty. (Substrate would read it as the dev phrase's root
    /// key; an empty secrets file must not silently become a public key.)
    case empty
    /// The text is not `[phrase or 0xSEED][/soft|//hard]*[///password]`;
    /// `offset` is the 0-based character offset where parsing stopped.
    case invalidFormat(offset: Int)
    /// The mnemonic is wrong (word count, unknown word, checksum).
    case invalidPhrase(MnemonicError)
    /// A `0x` seed must be exactly 32 bytes of hex.
    case invalidSeed(byteCount: Int?)
    /// The path is not allowed for this scheme (ed25519 has no soft junctions).
    case invalidPath(scheme: KeyScheme, junctionIndex: Int)
    /// Building the key failed (library error text, not secret).
    case keyGenerationFailed(String)

    public var description: String {
        switch self {
        case .empty:
            return "secret URI is empty"
        case .invalidFormat(let offset):
            return "secret URI is malformed at character \(offset + 1): expected PHRASE or 0xSEED, then "
                + "/soft or //hard junctions, then optionally ///password"
        case .invalidPhrase(let e):
            return "secret URI phrase: \(e.description)"
        case .invalidSeed(let n):
            if let n { return "secret URI seed must be 32 bytes (64 hex digits after 0x), got \(n) bytes" }
            return "secret URI seed after 0x is not valid hex"
        case .invalidPath(let scheme, let index):
            return "junction \(index + 1) of the derivation path cannot be used with \(scheme.rawValue)"
                + (scheme == .ed25519 ? " (ed25519 allows only hard `//` junctions)" : "")
        case .keyGenerationFailed(let reason):
            return "could not build the key: \(reason)"
        }
    }
}
