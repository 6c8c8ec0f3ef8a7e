import COpenSSL

/// Poly1305 one-time authenticator through OpenSSL's `EVP_MAC` "POLY1305",
/// the MAC half of NaCl's `secretbox`.
enum Poly1305 {
    /// The 16-byte tag of `message` under a 32-byte one-time key; nil if
    /// OpenSSL fails.
    static func tag(key: SecretBytes, message: UnsafeRawBufferPointer) -> [UInt8]? {
        guard key.count == 32, let mac = EVP_MAC_fetch(nil, "POLY1305", nil) else { return nil }
        defer { EVP_MAC_free(mac) }
        guard let ctx = EVP_MAC_CTX_new(mac) else { return nil }
        defer { EVP_MAC_CTX_free(ctx) }
        let initialised = key.withUnsafeBytes { k in
            EVP_MAC_init(ctx, k.baseAddress?.assumingMemoryBound(to: UInt8.self), k.count, nil)
        }
        guard initialised == 1 else { _ = OpenSSLErrorQueue.drain(fallback: ""); return nil }
        if message.count > 0 {
            guard EVP_MAC_update(ctx, message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count) == 1
            else { return nil }
        }
        var out = [UInt8](repeating: 0, count: 16)
        var length = 0
        guard EVP_MAC_final(ctx, &out, &length, out.count) == 1, length == 16 else {
            _ = OpenSSLErrorQueue.drain(fallback: "")
            return nil
        }
        return out
    }
}
