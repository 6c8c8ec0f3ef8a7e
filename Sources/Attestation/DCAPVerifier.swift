/// Verifies a DCAP v3 quote with its collateral as the Khala chain does (§5.4, §5.3).
///
/// TCB info (ECDSA signature over the exact JSON text, freshness, signer
/// chain to the pinned Intel SGX Root CA), then the quote: PCK chain at `now`,
/// QE report signed by the PCK leaf, QE report data binding the attestation
/// key, ISV report signed by that key, FMSPC match, TCB level → status and
/// advisories → confidence level; then allow-list and registration commitment.
/// No report-age check: DCAP quotes carry no time (§5.4).
public enum DCAPVerifier {
    public static func verify(quote quoteBytes: [UInt8], collateral: SgxV30QuoteCollateral,
                              atUnixSeconds now: Int64,
                              policy: AttestationPolicy = AttestationPolicy()) throws(AttestationError) -> AttestationOutcome {
        let quote = try DCAPQuote(bytes: quoteBytes)
        let root = try TrustAnchors.sgxRootCA()

        // TCB info: signed over its exact text, fresh, and its signer chains to the root.
        // The signature is checked before the JSON is read, so altered collateral is
        // reported as such rather than by whatever field the change happened to hit.
        let tcbChain = try certificates(collateral.tcbInfoIssuerChain, what: "TCB info issuer chain")
        guard try SignatureVerifier.verifyECDSAP256(certificate: tcbChain[0], message: Array(collateral.tcbInfo.utf8),
                                                    rawSignature: collateral.tcbInfoSignature) else {
            throw .tcbInfoSignatureInvalid
        }
        let tcbInfo = try TCBInfo(json: collateral.tcbInfo)
        let nextUpdate = try tcbInfo.nextUpdateUnixSeconds()
        guard now <= nextUpdate else { throw .tcbInfoExpired(nextUpdateUnixSeconds: nextUpdate, atUnixSeconds: now) }
        try ChainVerifier.verify(leaf: tcbChain[0], intermediates: Array(tcbChain.dropFirst()), anchor: root,
                                 atUnixSeconds: now, algorithms: .ecdsaSHA256)

        // The quote's PCK chain and the signatures it anchors.
        guard quote.certificationDataType == 5 else {
            throw .unsupportedCertificationDataType(quote.certificationDataType)
        }
        let pckChain = try certificates(String(decoding: quote.certificationData, as: UTF8.self),
                                        what: "quote PCK certificate chain")
        let pckLeaf = pckChain[0]
        try ChainVerifier.verify(leaf: pckLeaf, intermediates: Array(pckChain.dropFirst()), anchor: root,
                                 atUnixSeconds: now, algorithms: .ecdsaSHA256)
        guard try SignatureVerifier.verifyECDSAP256(certificate: pckLeaf, message: quote.qeReport.bytes,
                                                    rawSignature: quote.qeReportSignature) else {
            throw .qeReportSignatureInvalid
        }
        let qeHash = OpenSSLDigest.sha256(quote.attestationKey + quote.qeAuthData)
        guard qeHash == Array(quote.qeReport.reportData[0..<32]) else { throw .qeReportDataMismatch }
        guard try SignatureVerifier.verifyECDSAP256(rawPublicKey: quote.attestationKey, message: quote.signedBytes,
                                                    rawSignature: quote.isvReportSignature) else {
            throw .quoteSignatureInvalid
        }

        // Platform TCB from the PCK certificate against the TCB info.
        let platform = try PCKExtensions(certificate: pckLeaf)
        let tcbFmspc = try tcbInfo.fmspcBytes()
        guard platform.fmspc == tcbFmspc else { throw .fmspcMismatch(pckCertificate: platform.fmspc, tcbInfo: tcbFmspc) }
        guard let level = tcbInfo.matchingLevel(pceSvn: platform.pceSvn, cpuSvn: platform.cpuSvn) else {
            throw .noMatchingTcbLevel
        }
        let advisories = level.advisoryIDs ?? []

        let pRuntimeHash = PRuntimeHash.dcap(quote.report)
        try policy.checkPRuntime(pRuntimeHash)
        try policy.checkReportData(quote.report.reportData)
        let confidence = try ConfidenceLevel.evaluate(provider: .dcap, status: level.tcbStatus, advisoryIDs: advisories)

        return AttestationOutcome(provider: .dcap, report: quote.report, pRuntimeHash: pRuntimeHash,
                                  status: level.tcbStatus, advisoryIDs: advisories, confidenceLevel: confidence,
                                  reportTimestampUnixSeconds: nil, verifiedAtUnixSeconds: now)
    }

    /// Parses a PEM chain of at least two certificates (leaf first).
    private static func certificates(_ pem: String, what: String) throws(AttestationError) -> [X509Certificate] {
        let ders = try PEM.certificates(pem, what: what)
        guard ders.count >= 2 else { throw .certificateChainTooShort(count: ders.count, needed: 2) }
        var certs: [X509Certificate] = []
        for (index, der) in ders.enumerated() {
            certs.append(try X509Certificate(der: der, what: "\(what) certificate \(index + 1)"))
        }
        return certs
    }
}
