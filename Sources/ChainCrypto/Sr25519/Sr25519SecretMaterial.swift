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
