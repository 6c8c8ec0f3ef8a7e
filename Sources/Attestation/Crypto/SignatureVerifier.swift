import COpenSSL

/// Signature checks through OpenSSL's EVP interface.
///
/// IAS reports are RSA PKCS#1 v1.5 over SHA-256 (§5.2, webpki
/// `RSA_PKCS1_2048_8192_SHA256`); DCAP signatures are ECDSA-P256 over SHA-256
/// carried as raw 64-byte r‖s (§5.4), re-encoded as DER for OpenSSL.
enum SignatureVerifier {
    /// RSA PKCS#1 v1.5 SHA-256 with the certificate's key, which must be RSA of 2048..8192 bits.
    static func verifyRSASHA256(certificate: X509Certificate, message: [UInt8],
                                signature: [UInt8]) throws(AttestationError) -> Bool {
        guard let key = X509_get0_pubkey(certificate.pointer) else {
            throw .malformed(what: "signing certificate: public key unreadable")
        }
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            throw .unsupportedKey(what: "signing certificate key is not RSA")
        }
        let bits = EVP_PKEY_get_bits(key)
        guard (2048...8192).contains(bits) else {
            throw .unsupportedKey(what: "signing certificate RSA key has \(bits) bits (2048..8192 accepted)")
        }
        return digestVerify(key: key, message: message, signatureDER: signature)
    }

    /// ECDSA-P256 SHA-256 with the certificate's key; `rawSignature` is r‖s (64 bytes).
    static func verifyECDSAP256(certificate: X509Certificate, message: [UInt8],
                                rawSignature: [UInt8]) throws(AttestationError) -> Bool {
        guard let key = X509_get0_pubkey(certificate.pointer) else {
            throw .malformed(what: "certificate \(certificate.subject): public key unreadable")
        }
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_EC, curveName(key) == "prime256v1" else {
            throw .unsupportedKey(what: "certificate \(certificate.subject) key is not ECDSA P-256")
        }
        guard let der = ecdsaSignatureDER(rawSignature) else {
            throw .malformed(what: "ECDSA signature: \(rawSignature.count) bytes, expected 64 (r‖s)")
        }
        return digestVerify(key: key, message: message, signatureDER: der)
    }

    /// ECDSA-P256 SHA-256 with a raw public key (64 bytes x‖y, as in the quote's attestation key).
    static func verifyECDSAP256(rawPublicKey: [UInt8], message: [UInt8],
                                rawSignature: [UInt8]) throws(AttestationError) -> Bool {
        guard rawPublicKey.count == 64 else {
            throw .malformed(what: "attestation key: \(rawPublicKey.count) bytes, expected 64")
        }
        guard let der = ecdsaSignatureDER(rawSignature) else {
            throw .malformed(what: "ECDSA signature: \(rawSignature.count) bytes, expected 64 (r‖s)")
        }
        // SubjectPublicKeyInfo for id-ecPublicKey / prime256v1, uncompressed point.
        let spki: [UInt8] = [0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
                             0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
                             0x03, 0x42, 0x00, 0x04] + rawPublicKey
        let key: OpaquePointer? = spki.withUnsafeBufferPointer { buf in
            var cursor: UnsafePointer<UInt8>? = buf.baseAddress
            return d2i_PUBKEY(nil, &cursor, buf.count)
        }
        guard let key else {
            ERR_clear_error()
            throw .malformed(what: "attestation key is not a point on P-256")
        }
        defer { EVP_PKEY_free(key) }
        return digestVerify(key: key, message: message, signatureDER: der)
    }

    /// The EC key's curve as OpenSSL names it ("prime256v1" for P-256).
    private static func curveName(_ key: OpaquePointer) -> String? {
        var buffer = [CChar](repeating: 0, count: 64)
        var length = 0
        guard EVP_PKEY_get_group_name(key, &buffer, buffer.count, &length) == 1 else {
            ERR_clear_error()
            return nil
        }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// DER `SEQUENCE { INTEGER r, INTEGER s }` from raw 32-byte big-endian r and s.
    static func ecdsaSignatureDER(_ raw: [UInt8]) -> [UInt8]? {
        guard raw.count == 64 else { return nil }
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var v = Array(bytes.drop { $0 == 0 })
            if v.isEmpty { v = [0] }
            if v[0] & 0x80 != 0 { v.insert(0, at: 0) }
            return [0x02, UInt8(v.count)] + v
        }
        let body = integer(raw[0..<32]) + integer(raw[32..<64])
        return [0x30, UInt8(body.count)] + body
    }

    private static func digestVerify(key: OpaquePointer, message: [UInt8], signatureDER: [UInt8]) -> Bool {
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer {
            EVP_MD_CTX_free(ctx)
            ERR_clear_error()
        }
        guard EVP_DigestVerifyInit(ctx, nil, EVP_sha256(), nil, key) == 1 else { return false }
        let result = signatureDER.withUnsafeBufferPointer { sig in
            message.withUnsafeBufferPointer { msg in
                EVP_DigestVerify(ctx, sig.baseAddress, sig.count, msg.baseAddress, msg.count)
            }
        }
        return result == 1
    }
}
