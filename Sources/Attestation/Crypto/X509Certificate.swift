import COpenSSL

/// One X.509 certificate parsed by OpenSSL, with the facts attestation needs.
///
/// A `final class` because it owns an OpenSSL `X509*` and frees it once
/// (ARCHITECTURE: classes only for lifecycle). It never leaves the module:
/// public results carry plain values (subjects, times, fingerprints).
final class X509Certificate {
    let pointer: OpaquePointer
    /// The exact DER bytes it was parsed from.
    let der: [UInt8]

    /// Parses DER; the whole input must be exactly one certificate.
    init(der: [UInt8], what: String) throws(AttestationError) {
        guard !der.isEmpty, der.count <= 1 << 20 else {
            throw .malformed(what: "\(what): \(der.count) bytes is not a certificate")
        }
        var consumed = 0
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buf -> OpaquePointer? in
            guard let base = buf.baseAddress else { return nil }
            var cursor: UnsafePointer<UInt8>? = base
            let x = d2i_X509(nil, &cursor, buf.count)
            if let cursor { consumed = cursor - base }
            return x
        }
        ERR_clear_error()
        guard let parsed else { throw .malformed(what: "\(what): not a DER X.509 certificate") }
        guard consumed == der.count else {
            X509_free(parsed)
            throw .malformed(what: "\(what): \(der.count - consumed) trailing bytes after the certificate")
        }
        self.pointer = parsed
        self.der = der
    }

    deinit { X509_free(pointer) }

    /// The subject's common name (or the whole one-line name when it has none).
    var subject: String { Self.describe(X509_get_subject_name(pointer)) }

    /// The issuer's common name (or the whole one-line name).
    var issuer: String { Self.describe(X509_get_issuer_name(pointer)) }

    /// notBefore in unix seconds; nil if OpenSSL cannot read the time.
    var notBeforeUnixSeconds: Int64? { asn1TimeUnixSeconds(X509_get0_notBefore(pointer)) }

    /// notAfter in unix seconds.
    var notAfterUnixSeconds: Int64? { asn1TimeUnixSeconds(X509_get0_notAfter(pointer)) }

    /// SHA-256 of the DER encoding.
    var sha256Fingerprint: [UInt8] { OpenSSLDigest.sha256(der) }

    /// The NID of the algorithm the issuer signed this certificate with.
    var signatureNID: Int32 { X509_get_signature_nid(pointer) }

    /// The extended key usage bits (`XKU_*`), or nil when the extension is absent.
    var extendedKeyUsage: UInt32? {
        // X509_get_extension_flags also computes the cached extension values.
        let flags = X509_get_extension_flags(pointer)
        guard flags & UInt32(EXFLAG_XKUSAGE) != 0 else { return nil }
        return X509_get_extended_key_usage(pointer)
    }

    /// The raw value (inside the OCTET STRING) of the one extension with `oid`;
    /// nil when absent; an error when it appears more than once.
    func extensionValue(oid: String) throws(AttestationError) -> [UInt8]? {
        guard let object = OBJ_txt2obj(oid, 1) else { throw .cryptoLibrary("OBJ_txt2obj(\(oid))") }
        defer { ASN1_OBJECT_free(object) }
        let first = X509_get_ext_by_OBJ(pointer, object, -1)
        guard first >= 0 else { return nil }
        guard X509_get_ext_by_OBJ(pointer, object, first) < 0 else {
            throw .malformed(what: "certificate \(subject): extension \(oid) appears more than once")
        }
        guard let ext = X509_get_ext(pointer, first), let data = X509_EXTENSION_get_data(ext),
              let bytes = ASN1_STRING_get0_data(data) else {
            throw .malformed(what: "certificate \(subject): extension \(oid) unreadable")
        }
        let count = Int(ASN1_STRING_length(data))
        return Array(UnsafeBufferPointer(start: bytes, count: count))
    }

    private static func describe(_ name: OpaquePointer?) -> String {
        guard let name else { return "?" }
        let index = X509_NAME_get_index_by_NID(name, NID_commonName, -1)
        if index >= 0, let entry = X509_NAME_get_entry(name, index),
           let data = X509_NAME_ENTRY_get_data(entry), let bytes = ASN1_STRING_get0_data(data) {
            let count = Int(ASN1_STRING_length(data))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = X509_NAME_oneline(name, &buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// An ASN.1 time as unix seconds; nil if OpenSSL cannot read it.
func asn1TimeUnixSeconds(_ time: UnsafePointer<ASN1_TIME>?) -> Int64? {
    guard let time else { return nil }
    var parts = tm()
    guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
    let days = UnixTime.daysFromCivil(year: Int64(parts.tm_year) + 1900,
                                      month: Int64(parts.tm_mon) + 1, day: Int64(parts.tm_mday))
    return days * 86_400 + Int64(parts.tm_hour) * 3600 + Int64(parts.tm_min) * 60 + Int64(parts.tm_sec)
}
