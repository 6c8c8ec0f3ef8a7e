import COpenSSL

/// scrypt (RFC 7914) through OpenSSL `EVP_PBE_scrypt`, the password hash of
/// polkadot.js key files (N = 2^15, r = 8, p = 1 by default).
enum Scrypt {
    /// Largest N accepted from a file: 2^20 (1 GiB at r = 8 would be too
    /// much; see `maxMemoryBytes`). Limits stop a hostile file from making us
    /// allocate without bound.
    static let maxN: UInt64 = 1 << 20
    static let maxR: UInt64 = 32
    static let maxP: UInt64 = 16
    /// Memory cap handed to OpenSSL (its default, 32 MiB, is below what
    /// polkadot.js's own parameters need: 128·r·N = 32 MiB plus the rest).
    static let maxMemoryBytes: UInt64 = 512 << 20

    enum Failure: Error, Equatable {
        case unsupportedParameters
        case failed
    }

    /// True when (n, r, p) are valid and within our limits.
    static func parametersAcceptable(n: UInt64, r: UInt64, p: UInt64) -> Bool {
        guard n > 1, n & (n - 1) == 0, n <= maxN, (1...maxR).contains(r), (1...maxP).contains(p) else { return false }
        // OpenSSL needs about 128·r·(N + p + 2) bytes.
        return 128 * r * (n + p + 2) <= maxMemoryBytes
    }

    static func derive(password: SecretBytes, salt: [UInt8], n: UInt64, r: UInt64, p: UInt64,
                       length: Int) throws(Failure) -> SecretBytes {
        guard parametersAcceptable(n: n, r: r, p: p) else { throw .unsupportedParameters }
        var ok: Int32 = 0
        let key = SecretBytes(count: length) { out in
            ok = password.withUnsafeBytes { pass in
                salt.withUnsafeBufferPointer { s in
                    EVP_PBE_scrypt(pass.baseAddress?.assumingMemoryBound(to: CChar.self), pass.count,
                                   s.baseAddress, s.count, n, r, p, maxMemoryBytes,
                                   out.baseAddress?.assumingMemoryBound(to: UInt8.self), out.count)
                }
            }
        }
        guard ok == 1 else {
            _ = OpenSSLErrorQueue.drain(fallback: "")
            throw .failed
        }
        return key
    }
}
