import COpenSSL

/// NaCl `crypto_secretbox` (XSalsa20-Poly1305), the authenticated cipher of
/// polkadot.js key files: box = tag(16) ‖ ciphertext, where the first 32
/// keystream bytes are the Poly1305 key and the rest encrypt the message.
enum SecretBox {
    static let keyLength = 32
    static let nonceLength = 24
    static let tagLength = 16

    enum Failure: Error, Equatable {
        /// The tag does not match: wrong key (password) or altered data.
        case authenticationFailed
        case malformed
    }

    /// Decrypts and authenticates `box`; the tag is compared in constant time
    /// and nothing is decrypted unless it matches.
    static func open(_ box: [UInt8], nonce: [UInt8], key: SecretBytes) throws(Failure) -> SecretBytes {
        guard key.count == keyLength, nonce.count == nonceLength, box.count >= tagLength else { throw .malformed }
        let bodyCount = box.count - tagLength
        let stream = Salsa20.xsalsa20Keystream(key: key, nonce24: nonce, count: 32 + bodyCount)
        let macKey = stream.slice(0..<32)
        let expected = box.withUnsafeBytes { Poly1305.tag(key: macKey, message: UnsafeRawBufferPointer(rebasing: $0[tagLength...])) }
        guard let expected else { throw .malformed }
        let matches = box.withUnsafeBufferPointer { b in
            expected.withUnsafeBufferPointer { e in CRYPTO_memcmp(b.baseAddress, e.baseAddress, tagLength) == 0 }
        }
        guard matches else { throw .authenticationFailed }
        return stream.withUnsafeBytes { ks in
            SecretBytes(count: bodyCount) { out in
                for i in 0..<bodyCount { out[i] = box[tagLength + i] ^ ks[32 + i] }
            }
        }
    }

    /// Encrypts `message`: tag ‖ ciphertext.
    static func seal(_ message: SecretBytes, nonce: [UInt8], key: SecretBytes) throws(Failure) -> [UInt8] {
        guard key.count == keyLength, nonce.count == nonceLength else { throw .malformed }
        let stream = Salsa20.xsalsa20Keystream(key: key, nonce24: nonce, count: 32 + message.count)
        var body = [UInt8](repeating: 0, count: message.count)
        stream.withUnsafeBytes { ks in
            message.withUnsafeBytes { m in
                for i in 0..<m.count { body[i] = m[i] ^ ks[32 + i] }
            }
        }
        let tag = body.withUnsafeBytes { Poly1305.tag(key: stream.slice(0..<32), message: $0) }
        guard let tag else { throw .malformed }
        return tag + body
    }
}
