/// Who vouched for the enclave: Intel's IAS (EPID) or a DCAP quote (§5).
public enum AttestationProvider: String, Sendable, Equatable, Codable {
    case ias
    case dcap
}

/// What a verified attestation says about the enclave, as the chain would record it.
///
/// The pRuntime hash is what the allow-list holds and the confidence level is
/// what the registry stores for the worker (§5.2-§5.4); the rest tells the
/// operator which enclave build on which platform patch level was attested.
public struct AttestationOutcome: Sendable, Equatable {
    public var provider: AttestationProvider
    public var mrEnclave: [UInt8]
    public var mrSigner: [UInt8]
    public var isvProdId: UInt16
    public var isvSvn: UInt16
    /// All 64 bytes; the first 32 commit to the worker's registration info.
    public var reportData: [UInt8]
    /// 68 bytes, see `PRuntimeHash`.
    public var pRuntimeHash: [UInt8]
    /// IAS `isvEnclaveQuoteStatus` or DCAP TCB status.
    public var status: String
    public var advisoryIDs: [String]
    /// 1 (best) .. 5, §5.3.
    public var confidenceLevel: UInt8
    /// IAS report time (unix seconds); nil for DCAP, whose quotes carry no time.
    public var reportTimestampUnixSeconds: Int64?
    /// The time the verification was made for (the block time).
    public var verifiedAtUnixSeconds: Int64

    public init(provider: AttestationProvider, report: EnclaveReport, pRuntimeHash: [UInt8], status: String,
                advisoryIDs: [String], confidenceLevel: UInt8, reportTimestampUnixSeconds: Int64?,
                verifiedAtUnixSeconds: Int64) {
        self.provider = provider
        self.mrEnclave = report.mrEnclave
        self.mrSigner = report.mrSigner
        self.isvProdId = report.isvProdId
        self.isvSvn = report.isvSvn
        self.reportData = report.reportData
        self.pRuntimeHash = pRuntimeHash
        self.status = status
        self.advisoryIDs = advisoryIDs
        self.confidenceLevel = confidenceLevel
        self.reportTimestampUnixSeconds = reportTimestampUnixSeconds
        self.verifiedAtUnixSeconds = verifiedAtUnixSeconds
    }
}
