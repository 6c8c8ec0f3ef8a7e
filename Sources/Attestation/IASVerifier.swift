/// Verifies an IAS (EPID) attestation exactly as the Khala chain does (§5.2, §5.3).
///
/// Order follows the pallet: signature and certificate chain, report fields and
/// quote status, pRuntime allow-list, freshness, then the registration
/// commitment; so an expired Intel certificate is reported as such even when
/// the report is also old.
public enum IASVerifier {
    /// The chain rejects reports whose age is this or more (seconds).
    public static let maximumReportAgeSeconds: Int64 = 7200

    public static func verify(_ report: IASSignedReport, atUnixSeconds now: Int64,
                              policy: AttestationPolicy = AttestationPolicy()) throws(AttestationError) -> AttestationOutcome {
        let leaf = try X509Certificate(der: report.signingCertificateDER, what: "IAS signing certificate")
        let anchor = try TrustAnchors.iasReportSigningCA()
        // Directly to the anchor: no intermediates are offered.
        try ChainVerifier.verify(leaf: leaf, intermediates: [], anchor: anchor,
                                 atUnixSeconds: now, algorithms: .rsaSHA2)
        guard try SignatureVerifier.verifyRSASHA256(certificate: leaf, message: report.reportBytes,
                                                    signature: report.signature) else {
            throw .signatureInvalid
        }

        let body = try IASReportBody(reportBytes: report.reportBytes)
        let timestamp = try body.timestampUnixSeconds()
        let advisories = body.advisoryIDs ?? []
        let level = try ConfidenceLevel.evaluate(provider: .ias, status: body.isvEnclaveQuoteStatus,
                                                 advisoryIDs: advisories)
        let quote = try body.quoteBody()
        let pRuntimeHash = PRuntimeHash.ias(quote.report)
        try policy.checkPRuntime(pRuntimeHash)

        let ageSeconds = now - timestamp
        if ageSeconds >= maximumReportAgeSeconds { throw .reportTooOld(ageSeconds: ageSeconds) }

        try policy.checkReportData(quote.report.reportData)

        return AttestationOutcome(provider: .ias, report: quote.report, pRuntimeHash: pRuntimeHash,
                                  status: body.isvEnclaveQuoteStatus, advisoryIDs: advisories,
                                  confidenceLevel: level, reportTimestampUnixSeconds: timestamp,
                                  verifiedAtUnixSeconds: now)
    }
}
