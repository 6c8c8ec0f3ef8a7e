import COpenSSL

/// The few OpenSSL primitives the key code needs: SHA-256 (the BIP-39
/// checksum) and PBKDF2-HMAC-SHA512 (the BIP-39 seed).
enum OpenSSLDigests {
    /// SHA-256 of `data` (32 bytes).
    static func sha256(_ data: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        _ = SHA256(data.baseAddress?.assumingMemoryBound(to: UInt8.self), data.count, &out)
        return out
    }

    static func sha256(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { sha256($0) }
    }

    /// PBKDF2-HMAC-SHA512 into a new secret of `length` bytes; nil when
    /// OpenSSL fails (it only does on allocation failure).
    static func pbkdf2SHA512(password: SecretBytes, salt: [UInt8], iterations: Int, length: Int) -> SecretBytes? {
        var ok: Int32 = 0
        let out = SecretBytes(count: length) { out in
            ok = password.withUnsafeBytes { pass in
                salt.withUnsafeBufferPointer { saltPtr in
                    PKCS5_PBKDF2_HMAC(pass.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(pass.count),
                                      saltPtr.baseAddress, Int32(saltPtr.count), Int32(iterations), EVP_sha512(),
                                      Int32(out.count), out.baseAddress?.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
        return ok == 1 ? out : nil
    }
}
