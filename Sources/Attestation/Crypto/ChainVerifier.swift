import COpenSSL

/// Verifies a certificate chain to one pinned trust anchor at a given time.
///
/// Uses `X509_STORE_CTX` with `X509_VERIFY_PARAM_set_time` so the chain is
/// judged at the block time, as the chain's webpki does (§5.2, §5.4), and maps
/// OpenSSL's verdict onto `AttestationError` cases naming the failing cert.
enum ChainVerifier {
    /// Signature algorithms the chain accepts for certificate signatures.
    enum Algorithms {
        /// RSA with SHA-256/384/512 (the IAS chain, §5.2).
        case rsaSHA2
        /// ECDSA P-256 with SHA-256 (the DCAP chains, §5.4).
        case ecdsaSHA256
    }

    /// - Parameters:
    ///   - leaf: the end-entity certificate.
    ///   - intermediates: untrusted certificates OpenSSL may use to build the path
    ///     (empty for IAS: the leaf must be signed directly by the anchor).
    ///   - anchor: the pinned root.
    ///   - atUnixSeconds: the verification time.
    static func verify(leaf: X509Certificate, intermediates: [X509Certificate], anchor: X509Certificate,
                       atUnixSeconds: Int64, algorithms: Algorithms) throws(AttestationError) {
        // webpki refuses a CA certificate as the end entity (CaUsedAsEndEntity); OpenSSL
        // would accept the anchor itself as a one-certificate chain.
        guard X509_check_ca(leaf.pointer) == 0 else {
            throw .untrustedChain(reason: "\(leaf.subject) is a CA certificate, not an end-entity certificate")
        }
        guard let store = X509_STORE_new() else { throw .cryptoLibrary("X509_STORE_new") }
        defer { X509_STORE_free(store) }
        guard X509_STORE_add_cert(store, anchor.pointer) == 1 else {
            ERR_clear_error()
            throw .cryptoLibrary("X509_STORE_add_cert")
        }
        guard let untrusted = khalatop_sk_X509_new_null() else { throw .cryptoLibrary("sk_X509_new_null") }
        defer { khalatop_sk_X509_free(untrusted) }  // does not free the certificates
        for cert in intermediates where khalatop_sk_X509_push(untrusted, cert.pointer) <= 0 {
            throw .cryptoLibrary("sk_X509_push")
        }
        guard let ctx = X509_STORE_CTX_new() else { throw .cryptoLibrary("X509_STORE_CTX_new") }
        defer { X509_STORE_CTX_free(ctx) }
        guard X509_STORE_CTX_init(ctx, store, leaf.pointer, untrusted) == 1 else {
            ERR_clear_error()
            throw .cryptoLibrary("X509_STORE_CTX_init")
        }
        guard let params = X509_STORE_CTX_get0_param(ctx) else { throw .cryptoLibrary("X509_STORE_CTX_get0_param") }
        X509_VERIFY_PARAM_set_time(params, time_t(atUnixSeconds))
        X509_STORE_CTX_set_verify_cb(ctx, inclusiveNotAfterCallback)

        let verdict = X509_verify_cert(ctx)
        if verdict != 1 {
            let code = X509_STORE_CTX_get_error(ctx)
            let failing = X509_STORE_CTX_get_current_cert(ctx)
            let certs = [leaf, anchor] + intermediates
            let failingCert = certs.first { $0.pointer == failing }
            ERR_clear_error()
            throw mapError(code: code, failing: failingCert ?? leaf, atUnixSeconds: atUnixSeconds)
        }

        // Every certificate signature in the chain uses an accepted algorithm.
        for cert in [leaf] + intermediates where cert.der != anchor.der {
            let nid = cert.signatureNID
            let accepted: Bool
            switch algorithms {
            case .rsaSHA2:
                accepted = [NID_sha256WithRSAEncryption, NID_sha384WithRSAEncryption,
                            NID_sha512WithRSAEncryption].contains(nid)
            case .ecdsaSHA256:
                accepted = nid == NID_ecdsa_with_SHA256
            }
            guard accepted else {
                throw .unsupportedKey(what: "certificate \(cert.subject) is signed with an algorithm the chain rejects (NID \(nid))")
            }
        }
        // webpki checks EKU server-auth; a certificate without the extension passes.
        if let eku = leaf.extendedKeyUsage, eku & UInt32(XKU_SSL_SERVER) == 0 {
            throw .missingServerAuthUsage(subject: leaf.subject)
        }
    }

    /// webpki treats notAfter as the last valid second, OpenSSL as the first
    /// invalid one; this callback accepts a certificate at exactly its notAfter
    /// so the verdict matches the chain's to the second.
    private static let inclusiveNotAfterCallback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { ok, ctx in
        guard ok == 0, let ctx, X509_STORE_CTX_get_error(ctx) == X509_V_ERR_CERT_HAS_EXPIRED,
              let cert = X509_STORE_CTX_get_current_cert(ctx), let params = X509_STORE_CTX_get0_param(ctx),
              let notAfter = asn1TimeUnixSeconds(X509_get0_notAfter(cert)),
              notAfter == Int64(X509_VERIFY_PARAM_get_time(params)) else { return ok }
        X509_STORE_CTX_set_error(ctx, X509_V_OK)
        return 1
    }

    private static func mapError(code: Int32, failing: X509Certificate, atUnixSeconds: Int64) -> AttestationError {
        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return .certificateExpired(subject: failing.subject,
                                       notAfterUnixSeconds: failing.notAfterUnixSeconds ?? 0,
                                       atUnixSeconds: atUnixSeconds)
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return .certificateNotYetValid(subject: failing.subject,
                                           notBeforeUnixSeconds: failing.notBeforeUnixSeconds ?? 0,
                                           atUnixSeconds: atUnixSeconds)
        case X509_V_ERR_CERT_SIGNATURE_FAILURE, X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
            return .certificateSignatureInvalid(subject: failing.subject)
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
             X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
             X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            return .wrongIssuer(subject: failing.subject, issuer: failing.issuer)
        default:
            let reason = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "error \(code)"
            return .untrustedChain(reason: "\(failing.subject): \(reason)")
        }
    }
}
