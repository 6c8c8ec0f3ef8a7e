/// Why a polkadot.js JSON key file could not be opened. Never carries the
/// password or any decrypted byte.
public enum KeyFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not JSON, or a required field (`encoded`, `encoding`) is missing or mistyped.
    case malformedJSON(String)
    /// Larger than any key file (`limit` bytes).
    case tooLarge(byteCount: Int, limit: Int)
    /// `encoding.version` other than "3", or a `type` other than scrypt + xsalsa20-poly1305.
    case unsupportedEncoding(String)
    /// `encoding.content` names a scheme we do not hold (e.g. ethereum/ecdsa).
    case unsupportedKeyType(String)
    /// `encoded` is not base64 or is too short for salt, parameters, nonce and tag.
    case malformedPayload(String)
    /// scrypt parameters outside what we accept (would need too much memory).
    case unsupportedScryptParameters(n: UInt64, r: UInt64, p: UInt64)
    /// The password does not decrypt the file (authentication tag mismatch).
    case wrongPassword
    /// Decrypted, but the PKCS8 envelope is not polkadot.js's.
    case malformedPKCS8(String)
    /// The secret yields a different public key than the file records.
    case publicKeyMismatch
    /// The key could not be built from the decrypted secret.
    case keyError(String)

    public var description: String {
        switch self {
        case .malformedJSON(let what): return "not a polkadot.js key file: \(what)"
        case .tooLarge(let n, let limit): return "key file is \(n) bytes; key files are under \(limit) bytes"
        case .unsupportedEncoding(let what): return "unsupported key file encoding: \(what)"
        case .unsupportedKeyType(let what): return "unsupported key type in key file: \(what)"
        case .malformedPayload(let what): return "key file payload is malformed: \(what)"
        case .unsupportedScryptParameters(let n, let r, let p):
            return "key file scrypt parameters N=\(n) r=\(r) p=\(p) are outside the accepted range"
        case .wrongPassword: return "wrong password for this key file (or the file was altered)"
        case .malformedPKCS8(let what): return "decrypted key is not in polkadot.js PKCS8 form: \(what)"
        case .publicKeyMismatch: return "the key file's secret does not match its public key"
        case .keyError(let what): return "could not build the key from the key file: \(what)"
        }
    }
}
