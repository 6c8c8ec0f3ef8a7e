import COpenSSL

/// The secret half of an sr25519 key pair: schnorrkel's `SecretKey`, a scalar
/// mod ℓ (`key`) and a 32-byte nonce seed, kept in one heap buffer that is
/// wiped with `OPENSSL_cleanse` when the last reference goes away.
///
/// A final class so that every copy of a key pair shares one buffer and the
/// wipe happens exactly once; the bytes never leave except as transient
/// copies inside signing and derivation. Immutable after init, hence Sendable.
final class Sr25519SecretMaterial: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private static let byteCount = 64
    private let buffer: UnsafeMutablePointer<UInt8>

    init(key: Scalar25519, nonce: [UInt8]) {
        buffer = .allocate(capacity: Self.byteCount)
        var keyBytes = key.toBytes()
        for i in 0..<32 {
            buffer[i] = keyBytes[i]
            buffer[32 + i] = i < nonce.count ? nonce[i] : 0
        }
        Sr25519Secrets.wipe(&keyBytes)
    }

    deinit {
        OPENSSL_cleanse(buffer, Self.byteCount)
        buffer.deallocate()
    }

    /// The secret scalar (schnorrkel `SecretKey.key`).
    var key: Scalar25519 {
        var bytes = keyBytes
        defer { Sr25519Secrets.wipe(&bytes) }
        return Scalar25519(reducing: bytes)
    }

    /// The canonical 32 bytes of the scalar.
    var keyBytes: [UInt8] { Array(UnsafeBufferPointer(start: buffer, count: 32)) }

    /// The nonce seed (schnorrkel `SecretKey.nonce`).
    var nonce: [UInt8] { Array(UnsafeBufferPointer(start: buffer + 32, count: 32)) }

    /// schnorrkel `SecretKey::to_bytes()`: key ‖ nonce.
    var schnorrkelBytes: [UInt8] { Array(UnsafeBufferPointer(start: buffer, count: Self.byteCount)) }

    var description: String { "Sr25519SecretMaterial(<redacted>)" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .class) }
}

/// Small helpers for secret bytes: hashing, randomness, wiping.
enum Sr25519Secrets {
    /// Overwrites an array's storage with zeros (best effort: Swift may have
    /// made copies we cannot reach).
    static func wipe(_ bytes: inout [UInt8]) {
        let n = bytes.count
        bytes.withUnsafeMutableBytes { raw in
            if let base = raw.baseAddress { OPENSSL_cleanse(base, n) }
        }
    }

    /// SHA-512 through OpenSSL's EVP interface.
    static func sha512(_ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &out, &length, EVP_sha512(), nil)
        }
        // EVP_Digest over a memory buffer fails only when OpenSSL cannot
        // allocate its context: the same condition in which Swift itself traps.
        // It does not depend on any input, so this is not a reachable error path.
        guard ok == 1, length == 64 else { fatalError("OpenSSL SHA-512 failed: out of memory") }
        return out
    }

    /// 32 bytes from the system RNG (OpenSSL `RAND_bytes`, falling back to
    /// Swift's system generator if OpenSSL reports failure).
    static func randomBytes(_ count: Int = 32) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBytes { raw in
            RAND_bytes(raw.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(count))
        }
        if ok != 1 {
            var rng = SystemRandomNumberGenerator()
            for i in 0..<count { out[i] = UInt8.random(in: 0...255, using: &rng) }
        }
        return out
    }
}
