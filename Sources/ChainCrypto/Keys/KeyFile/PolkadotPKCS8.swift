/// The PKCS8-like envelope polkadot.js puts inside its key files
/// (`@polkadot/keyring` `decodePair`): header ‖ secret ‖ divider ‖ public key.
///
/// The secret is 64 bytes (sr25519: schnorrkel key in "ed25519 bytes" form,
/// i.e. scalar·8 little-endian ‖ 32-byte nonce; ed25519: tweetnacl secret
/// key = seed ‖ public key) or, in files polkadot.js made from a seed, the
/// 32-byte seed / mini secret.
enum PolkadotPKCS8 {
    static let header: [UInt8] = [0x30, 0x53, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70,
                                  0x04, 0x22, 0x04, 0x20]
    static let divider: [UInt8] = [0xA1, 0x23, 0x03, 0x21, 0x00]
    static let publicKeyLength = 32

    struct Contents {
        let secret: SecretBytes
        let publicKey: [UInt8]
    }

    static func decode(_ plain: SecretBytes) throws(KeyFileError) -> Contents {
        let headerOK = plain.withUnsafeBytes { p in p.count >= header.count && Array(p[0..<header.count]) == header }
        guard headerOK else { throw .malformedPKCS8("header not found") }
        for secretLength in [64, 32] {
            let dividerAt = header.count + secretLength
            let publicAt = dividerAt + divider.count
            let found: [UInt8]? = plain.withUnsafeBytes { p in
                guard p.count >= publicAt + publicKeyLength,
                      Array(p[dividerAt..<publicAt]) == divider else { return nil }
                return Array(p[publicAt..<(publicAt + publicKeyLength)])
            }
            if let publicKey = found {
                return Contents(secret: plain.slice(header.count..<dividerAt), publicKey: publicKey)
            }
        }
        throw .malformedPKCS8("divider not found after a 64- or 32-byte secret")
    }

    static func encode(secret: SecretBytes, publicKey: [UInt8]) -> SecretBytes {
        let total = header.count + secret.count + divider.count + publicKey.count
        return SecretBytes(count: total) { out in
            var at = 0
            for b in header { out[at] = b; at += 1 }
            secret.withUnsafeBytes { for b in $0 { out[at] = b; at += 1 } }
            for b in divider { out[at] = b; at += 1 }
            for b in publicKey { out[at] = b; at += 1 }
        }
    }
}
