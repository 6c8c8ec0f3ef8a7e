import Attestation
import Scale
import SubstrateRPC

/// What a worker registers with, read from its pRuntime (`GetRuntimeInfo`):
/// the two arguments of `PhalaRegistry.register_worker_v2` as SCALE bytes,
/// plus their decoded fields for display (issue 8; PROTOCOL.md §2, §5.1).
///
/// `attestation` is SCALE `Option<AttestationReport>` exactly as pRuntime
/// produced it (`0x00` = None from a dev-mode pRuntime). Verify it with
/// `verify(atUnixSeconds:rules:)` before offering `actionCall`.
public struct RegistrationMaterial: Sendable, Equatable {
    /// SCALE `WorkerRegistrationInfoV2` (what the attestation's report data commits to).
    public var encodedRuntimeInfo: [UInt8]
    /// SCALE `Option<AttestationReport>`.
    public var attestation: [UInt8]
    /// The decoded registration info.
    public var runtimeInfo: WorkerRegistrationInfoV2
    /// pRuntime's label of the provider (`"Ias"`, `"Dcap"`, `null` in dev mode).
    public var providerLabel: String
    /// Unix seconds when pRuntime made the attestation.
    public var attestedAtSeconds: UInt64
    /// Where it came from.
    public var endpoint: PRuntimeEndpoint?

    public init(encodedRuntimeInfo: [UInt8], attestation: [UInt8], providerLabel: String = "",
                attestedAtSeconds: UInt64 = 0, endpoint: PRuntimeEndpoint? = nil) throws(PRuntimeError) {
        do {
            runtimeInfo = try scaleDecode(WorkerRegistrationInfoV2.self, from: encodedRuntimeInfo)
        } catch {
            throw .malformedResponse(what: "registration info", .field(
                message: "InitRuntimeResponse", field: "encoded_runtime_info",
                expected: "SCALE WorkerRegistrationInfoV2 (\(error))"))
        }
        self.encodedRuntimeInfo = encodedRuntimeInfo
        self.attestation = attestation
        self.providerLabel = providerLabel
        self.attestedAtSeconds = attestedAtSeconds
        self.endpoint = endpoint
    }

    /// From a `GetRuntimeInfo` answer; `noAttestation` when pRuntime has none yet.
    public init(response: InitRuntimeResponse, endpoint: PRuntimeEndpoint? = nil) throws(PRuntimeError) {
        guard let attestation = response.attestation else {
            throw .noAttestation("pRuntime \(endpoint.map { "\($0)" } ?? "") has no attestation yet: it attests only once it has synced the chain (see `khalatop pruntime info`)")
        }
        guard !attestation.encodedReport.isEmpty else {
            throw .malformedResponse(what: "GetRuntimeInfo", .missing(message: "Attestation", field: "encoded_report"))
        }
        try self.init(encodedRuntimeInfo: response.encodedRuntimeInfo, attestation: attestation.encodedReport,
                      providerLabel: attestation.provider, attestedAtSeconds: attestation.timestampSeconds,
                      endpoint: endpoint)
    }

    /// The worker's public key (32 bytes).
    public var workerPublicKey: [UInt8] { runtimeInfo.pubkey }

    /// True when pRuntime offers no attestation (`None`, dev mode).
    public var isUnattested: Bool { attestation == [0] }

    /// The `register_worker_v2` call with these bytes, unchanged.
    public var actionCall: ActionCall { .registerWorkerV2(pruntimeInfo: encodedRuntimeInfo, attestation: attestation) }

    /// What the chain would decide, checked locally at `atUnixSeconds` (use the chain's latest block time).
    public func verify(atUnixSeconds: Int64, rules: RegistrationVerifier.ChainRules) -> RegistrationVerdict {
        RegistrationVerifier.verify(encodedRuntimeInfo: encodedRuntimeInfo, encodedAttestation: attestation,
                                    atUnixSeconds: atUnixSeconds, rules: rules)
    }
}
