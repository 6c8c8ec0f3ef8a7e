/// Why an attestation did not verify, specific enough for an operator to act on.
///
/// Every check of PROTOCOL.md §5.2 (IAS) and §5.4 (DCAP) has its own case, so a
/// dashboard can say "the Intel signing certificate expired on 2026-11-20"
/// instead of "invalid attestation". Times are unix seconds; byte values are
/// raw bytes (render them with `Hex`). No case ever carries key material.
public enum AttestationError: Error, Equatable, Sendable {
    /// The input could not be parsed; `what` names the field or structure.
    case malformed(what: String)

    // MARK: Signatures

    /// The IAS report signature (RSA PKCS#1 v1.5, SHA-256) does not verify
    /// with the signing certificate's key (§5.2): the report or signature was altered.
    case signatureInvalid
    /// The TCB-info ECDSA signature does not verify with the TCB signing cert (§5.4).
    case tcbInfoSignatureInvalid
    /// The QE report signature does not verify with the PCK leaf certificate (§5.4).
    case qeReportSignatureInvalid
    /// SHA-256(attestation key ‖ QE auth data) differs from the QE report's data (§5.4).
    case qeReportDataMismatch
    /// The enclave report (quote bytes 0..432) is not signed by the attestation key (§5.4).
    case quoteSignatureInvalid

    // MARK: Certificates

    /// A certificate in the chain had expired at the verification time.
    case certificateExpired(subject: String, notAfterUnixSeconds: Int64, atUnixSeconds: Int64)
    /// A certificate in the chain was not yet valid at the verification time.
    case certificateNotYetValid(subject: String, notBeforeUnixSeconds: Int64, atUnixSeconds: Int64)
    /// The certificate was not issued by the pinned Intel trust anchor (or, for
    /// IAS, not directly by it).
    case wrongIssuer(subject: String, issuer: String)
    /// A certificate's own signature does not verify with its issuer's key.
    case certificateSignatureInvalid(subject: String)
    /// The chain failed another check (OpenSSL's reason is given).
    case untrustedChain(reason: String)
    /// The certificate chain has fewer certificates than required.
    case certificateChainTooShort(count: Int, needed: Int)
    /// The signing certificate's key or algorithm is not the one the chain accepts.
    case unsupportedKey(what: String)
    /// The leaf has an extended key usage that does not include TLS server auth.
    case missingServerAuthUsage(subject: String)

    // MARK: Report contents

    /// The IAS report is `ageSeconds` old; the chain rejects reports 7200 s or older (§5.2).
    case reportTooOld(ageSeconds: Int64)
    /// The enclave quote status (IAS) or TCB status (DCAP) is not one the chain accepts (§5.3).
    case quoteStatusNotAccepted(status: String)
    /// `report_data[0..32]` is not `blake2_256(SCALE(WorkerRegistrationInfoV2))` (§5.1).
    case reportDataMismatch(expected: [UInt8], found: [UInt8])
    /// The pRuntime hash (mr_enclave ‖ isv_prod_id ‖ isv_svn ‖ mr_signer) is not on the allow-list.
    case pRuntimeNotAllowed(hash: [UInt8])

    // MARK: DCAP

    /// The TCB info's `nextUpdate` is before the verification time (§5.4).
    case tcbInfoExpired(nextUpdateUnixSeconds: Int64, atUnixSeconds: Int64)
    /// The FMSPC in the PCK certificate differs from the TCB info's (§5.4).
    case fmspcMismatch(pckCertificate: [UInt8], tcbInfo: [UInt8])
    /// No TCB level in the TCB info is at or below the platform's SVNs.
    case noMatchingTcbLevel
    /// Quote version other than 3.
    case unsupportedQuoteVersion(UInt16)
    /// Attestation key type other than 2 (ECDSA-P256).
    case unsupportedAttestationKeyType(UInt16)
    /// Certification data type other than 5 (PEM PCK certificate chain).
    case unsupportedCertificationDataType(UInt16)
    /// A DCAP quote needs its collateral (`SgxV30QuoteCollateral`).
    case collateralMissing

    // MARK: Registration

    /// No attestation (`None`, a pRuntime in dev mode) on a chain whose
    /// `NoneAttestationEnabled` is false (Khala: false; §1.1, PB utils/attestation.rs `validate`).
    case noneAttestationDisabled

    /// OpenSSL failed for a reason unrelated to the input (allocation, missing algorithm).
    case cryptoLibrary(String)
}
