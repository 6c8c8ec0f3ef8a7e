import COpenSSL

/// An ed25519 key pair (RFC 8032) backed by OpenSSL, built from a 32-byte seed.
///
/// Some Phala accounts are ed25519 (issue 3); Substrate's ed25519 "seed" is
/// the RFC 8032 private key, so a Substrate seed and an OpenSSL raw private
/// key are the same 32 bytes. The seed stays in `SecretBytes` (for hard
/// derivation) and inside an OpenSSL `EVP_PKEY`, which clears it on free.
public struct Ed25519KeyPair: Sendable {
    /// Length of a seed, a public key and a chain code.
    public static let seedLength = 32
    public static let publicKeyLength = 32
    public static let signatureLength = 64

    let seed: SecretBytes
    let key: OpenSSLEd25519Key
    /// The 32-byte public key.
    public let publicKey: [UInt8]

    /// Builds the key pair of a 32-byte seed.
    public init(seed: [UInt8]) throws(Ed25519Error) {
        try self.init(seed: SecretBytes(seed))
    }

    /// Builds the key pair of a 32-byte seed held in `SecretBytes`.
    public init(seed: SecretBytes) throws(Ed25519Error) {
        guard seed.count == Self.seedLength else { throw .invalidSeedLength(actual: seed.count) }
        let key = try OpenSSLEd25519Key(seed: seed)
        self.seed = seed
        self.key = key
        self.publicKey = try key.rawPublicKey()
    }

    /// The deterministic RFC 8032 signature (64 bytes) of `message`.
    public func sign(_ message: [UInt8]) throws(Ed25519Error) -> [UInt8] {
        try key.sign(message)
    }

    /// True when `signature` is a valid ed25519 signature of `message` by
    /// `publicKey`. Wrong lengths are simply invalid (false), never a trap.
    public static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == signatureLength, publicKey.count == publicKeyLength else { return false }
        guard let pkey = publicKey.withUnsafeBufferPointer({
            EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count)
        }) else {
            _ = OpenSSLErrorQueue.drain(fallback: "")
            return false
        }
        defer { EVP_PKEY_free(pkey) }
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, pkey) == 1 else {
            _ = OpenSSLErrorQueue.drain(fallback: "")
            return false
        }
        let ok = signature.withUnsafeBufferPointer { sig in
            message.withUnsafeBufferPointer { msg in
                EVP_DigestVerify(ctx, sig.baseAddress, sig.count, msg.baseAddress, msg.count)
            }
        }
        if ok != 1 { _ = OpenSSLErrorQueue.drain(fallback: "") }
        return ok == 1
    }
}

extension Ed25519KeyPair: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "Ed25519KeyPair(public: \(hexLower(publicKey)), secret redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["publicKey": publicKey], displayStyle: .struct) }
}

/// Lower-case hex without prefix, for descriptions of public values.
func hexLower(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    return String(decoding: out, as: UTF8.self)
}

/// Owns one OpenSSL ed25519 private key (`EVP_PKEY`), freed (and cleared by
/// OpenSSL) on deinit. Immutable after init; OpenSSL allows concurrent
/// signing with one key and separate digest contexts.
final class OpenSSLEd25519Key: @unchecked Sendable {
    let pkey: OpaquePointer

    init(seed: SecretBytes) throws(Ed25519Error) {
        let made = seed.withUnsafeBytes { raw in
            EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil,
                                         raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count)
        }
        guard let made else {
            throw .openSSL(operation: "EVP_PKEY_new_raw_private_key",
                           reason: OpenSSLErrorQueue.drain(fallback: "unknown"))
        }
        pkey = made
    }

    deinit { EVP_PKEY_free(pkey) }

    func rawPublicKey() throws(Ed25519Error) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Ed25519KeyPair.publicKeyLength)
        var len = out.count
        guard EVP_PKEY_get_raw_public_key(pkey, &out, &len) == 1, len == out.count else {
            throw .openSSL(operation: "EVP_PKEY_get_raw_public_key",
                           reason: OpenSSLErrorQueue.drain(fallback: "unexpected length"))
        }
        return out
    }

    func sign(_ message: [UInt8]) throws(Ed25519Error) -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else {
            throw .openSSL(operation: "EVP_MD_CTX_new", reason: OpenSSLErrorQueue.drain(fallback: "out of memory"))
        }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestSignInit(ctx, nil, nil, nil, pkey) == 1 else {
            throw .openSSL(operation: "EVP_DigestSignInit", reason: OpenSSLErrorQueue.drain(fallback: "unknown"))
        }
        var signature = [UInt8](repeating: 0, count: Ed25519KeyPair.signatureLength)
        var len = signature.count
        let ok = message.withUnsafeBufferPointer { msg in
            EVP_DigestSign(ctx, &signature, &len, msg.baseAddress, msg.count)
        }
        guard ok == 1, len == Ed25519KeyPair.signatureLength else {
            throw .openSSL(operation: "EVP_DigestSign", reason: OpenSSLErrorQueue.drain(fallback: "unexpected length"))
        }
        return signature
    }
}
