extension PolkadotKeyFile {
    /// Seals and opens `payload` once with XSalsa20-Poly1305, for
    /// `khalatop-bench keys` (the cipher is internal). Returns the payload length.
    public static func benchSealOpen(_ payload: SecretBytes, key: SecretBytes) throws -> Int {
        let nonce = [UInt8](repeating: 3, count: SecretBox.nonceLength)
        let box = try SecretBox.seal(payload, nonce: nonce, key: key)
        return try SecretBox.open(box, nonce: nonce, key: key).count
    }
}
