import Scale

extension AttestationError: CustomStringConvertible {
    /// A stable identifier for scripts (`--json`), e.g. `certificateExpired`.
    public var code: String {
        switch self {
        case .malformed: return "malformed"
        case .signatureInvalid: return "signatureInvalid"
        case .tcbInfoSignatureInvalid: return "tcbInfoSignatureInvalid"
        case .qeReportSignatureInvalid: return "qeReportSignatureInvalid"
        case .qeReportDataMismatch: return "qeReportDataMismatch"
        case .quoteSignatureInvalid: return "quoteSignatureInvalid"
        case .certificateExpired: return "certificateExpired"
        case .certificateNotYetValid: return "certificateNotYetValid"
        case .wrongIssuer: return "wrongIssuer"
        case .certificateSignatureInvalid: return "certificateSignatureInvalid"
        case .untrustedChain: return "untrustedChain"
        case .certificateChainTooShort: return "certificateChainTooShort"
        case .unsupportedKey: return "unsupportedKey"
        case .missingServerAuthUsage: return "missingServerAuthUsage"
        case .reportTooOld: return "reportTooOld"
        case .quoteStatusNotAccepted: return "quoteStatusNotAccepted"
        case .reportDataMismatch: return "reportDataMismatch"
        case .pRuntimeNotAllowed: return "pRuntimeNotAllowed"
        case .tcbInfoExpired: return "tcbInfoExpired"
        case .fmspcMismatch: return "fmspcMismatch"
        case .noMatchingTcbLevel: return "noMatchingTcbLevel"
        case .unsupportedQuoteVersion: return "unsupportedQuoteVersion"
        case .unsupportedAttestationKeyType: return "unsupportedAttestationKeyType"
        case .unsupportedCertificationDataType: return "unsupportedCertificationDataType"
        case .collateralMissing: return "collateralMissing"
        case .noneAttestationDisabled: return "noneAttestationDisabled"
        case .cryptoLibrary: return "cryptoLibrary"
        }
    }

    /// What went wrong and what the operator can do about it.
    public var description: String {
        switch self {
        case .malformed(let what):
            return "malformed input: \(what)"
        case .signatureInvalid:
            return "the IAS report signature does not match the report: the report, signature or certificate was altered; fetch a fresh report from pRuntime"
        case .tcbInfoSignatureInvalid:
            return "the TCB info is not signed by Intel's TCB signing key: the collateral was altered; fetch it again from the PCCS"
        case .qeReportSignatureInvalid:
            return "the quoting enclave's report is not signed by the PCK certificate: the quote was altered"
        case .qeReportDataMismatch:
            return "the quoting enclave's report does not commit to this attestation key: the quote was altered"
        case .quoteSignatureInvalid:
            return "the enclave report is not signed by the quote's attestation key: the quote was altered"
        case let .certificateExpired(subject, notAfter, at):
            return "certificate \"\(subject)\" expired at \(UnixTime.format(notAfter)) (checked at \(UnixTime.format(at))); a report signed with it is no longer accepted, get one signed with a current certificate"
        case let .certificateNotYetValid(subject, notBefore, at):
            return "certificate \"\(subject)\" is valid only from \(UnixTime.format(notBefore)) (checked at \(UnixTime.format(at))); check the verification time"
        case let .wrongIssuer(subject, issuer):
            return "certificate \"\(subject)\" is issued by \"\(issuer)\", not by the pinned Intel CA; this is not an Intel attestation the chain accepts"
        case .certificateSignatureInvalid(let subject):
            return "certificate \"\(subject)\" does not carry a valid signature of its issuer: it was altered"
        case .untrustedChain(let reason):
            return "certificate chain rejected: \(reason)"
        case let .certificateChainTooShort(count, needed):
            return "certificate chain has \(count) certificate(s), at least \(needed) are required"
        case .unsupportedKey(let what):
            return "unsupported key or algorithm: \(what)"
        case .missingServerAuthUsage(let subject):
            return "certificate \"\(subject)\" is not allowed for TLS server authentication (extended key usage)"
        case .reportTooOld(let age):
            return "the IAS report is \(age) s old; the chain accepts reports younger than 7200 s: have pRuntime fetch a new one"
        case .quoteStatusNotAccepted(let status):
            return "status \"\(status)\" is not accepted by the chain (§5.3): update the platform's BIOS/microcode"
        case let .reportDataMismatch(expected, found):
            return "report data commits to \(Hex.encode(found, prefix: false)), but this registration info hashes to \(Hex.encode(expected, prefix: false)): the report belongs to another worker or another registration"
        case .pRuntimeNotAllowed(let hash):
            return "pRuntime \(Hex.encode(hash, prefix: false)) is not on the allow-list: upgrade pRuntime to an allowed release"
        case let .tcbInfoExpired(nextUpdate, at):
            return "the TCB info was due for renewal at \(UnixTime.format(nextUpdate)) (checked at \(UnixTime.format(at))): fetch fresh collateral from the PCCS"
        case let .fmspcMismatch(pck, tcbInfo):
            return "the PCK certificate is for FMSPC \(Hex.encode(pck, prefix: false)) but the TCB info for \(Hex.encode(tcbInfo, prefix: false)): fetch the collateral for this platform"
        case .noMatchingTcbLevel:
            return "no TCB level in the TCB info matches this platform's SVNs: the platform is older than every listed level"
        case .unsupportedQuoteVersion(let v):
            return "DCAP quote version \(v) is not supported (the chain accepts version 3)"
        case .unsupportedAttestationKeyType(let t):
            return "DCAP attestation key type \(t) is not supported (the chain accepts 2, ECDSA-P256)"
        case .unsupportedCertificationDataType(let t):
            return "DCAP certification data type \(t) is not supported (the chain accepts 5, a PEM PCK chain)"
        case .collateralMissing:
            return "a DCAP quote needs its collateral (SgxV30QuoteCollateral): pass --collateral FILE"
        case .noneAttestationDisabled:
            return "the pRuntime offers no attestation (dev mode) and this chain does not accept unattested workers: run pRuntime in SGX with an attestation provider (IAS or DCAP)"
        case .cryptoLibrary(let what):
            return "OpenSSL failure: \(what)"
        }
    }
}
