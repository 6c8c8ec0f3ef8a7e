import Scale


extension TrustAnchors {
    /// The IAS report signing CA, parsed and checked against its pinned fingerprint.
    static func iasReportSigningCA() throws(AttestationError) -> X509Certificate {
        try load(iasReportSigningCAPEM, fingerprint: iasReportSigningCASHA256, name: "IAS report signing CA")
    }

    /// The Intel SGX Root CA, parsed and checked against its pinned fingerprint.
    static func sgxRootCA() throws(AttestationError) -> X509Certificate {
        try load(sgxRootCAPEM, fingerprint: sgxRootCASHA256, name: "Intel SGX Root CA")
    }

    private static func load(_ pem: String, fingerprint: String, name: String) throws(AttestationError) -> X509Certificate {
        let ders = try PEM.certificates(pem, what: name)
        guard ders.count == 1 else { throw .cryptoLibrary("embedded \(name) PEM holds \(ders.count) certificates") }
        let cert = try X509Certificate(der: ders[0], what: name)
        guard Hex.encode(cert.sha256Fingerprint, prefix: false) == fingerprint else {
            throw .cryptoLibrary("embedded \(name) does not match its pinned fingerprint")
        }
        return cert
    }
}
