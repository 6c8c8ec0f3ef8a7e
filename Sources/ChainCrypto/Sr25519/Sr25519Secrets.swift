import COpenSSL

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
