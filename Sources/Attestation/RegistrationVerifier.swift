import Scale

/// Decides locally what the chain would do with `register_worker_v2(pruntime_info, attestation)`
/// (issue 8; PB pallets/phala/src/registry.rs and utils/attestation.rs `validate`), in the
/// pallet's order: the attestation against `blake2_256(pruntime_info)` (None only where
/// `NoneAttestationEnabled`), then `para_id`, then the relay-chain genesis allow-list.
public enum RegistrationVerifier {
    /// What the chain checks besides Intel's signatures; nil members are not checked.
    public struct ChainRules: Sendable, Equatable {
        /// `PhalaRegistry.PRuntimeAllowList` (nil: unknown, skip; `VerifyPRuntime` is true on Khala).
        public var pRuntimeAllowList: [[UInt8]]?
        /// The runtime constant `NoneAttestationEnabled` (false on Khala; true on dev chains).
        public var noneAttestationEnabled: Bool
        /// `ParachainInfo` (2004 on Khala).
        public var paraId: UInt32?
        /// `RelaychainGenesisBlockHashAllowList`.
        public var relayGenesisAllowList: [[UInt8]]?

        public init(pRuntimeAllowList: [[UInt8]]? = nil, noneAttestationEnabled: Bool = false, paraId: UInt32? = nil,
                    relayGenesisAllowList: [[UInt8]]? = nil) {
            self.pRuntimeAllowList = pRuntimeAllowList
            self.noneAttestationEnabled = noneAttestationEnabled
            self.paraId = paraId
            self.relayGenesisAllowList = relayGenesisAllowList
        }

        /// Khala's rules (§1.1, §5.2): para 2004, None disabled; allow-lists read from the chain when known.
        public static func khala(pRuntimeAllowList: [[UInt8]]? = nil, relayGenesisAllowList: [[UInt8]]? = nil) -> ChainRules {
            ChainRules(pRuntimeAllowList: pRuntimeAllowList, noneAttestationEnabled: false, paraId: 2004,
                       relayGenesisAllowList: relayGenesisAllowList)
        }
    }

    /// - Parameters:
    ///   - encodedRuntimeInfo: SCALE `WorkerRegistrationInfoV2`, as pRuntime gives it.
    ///   - encodedAttestation: SCALE `Option<AttestationReport>`, as pRuntime gives it.
    ///   - atUnixSeconds: the time to verify at (the chain uses the block time).
    public static func verify(encodedRuntimeInfo: [UInt8], encodedAttestation: [UInt8], atUnixSeconds now: Int64,
                              rules: ChainRules) -> RegistrationVerdict {
        let info: WorkerRegistrationInfoV2
        do {
            info = try scaleDecode(WorkerRegistrationInfoV2.self, from: encodedRuntimeInfo)
        } catch {
            return RegistrationVerdict(status: .refused(.malformedRuntimeInfo("\(error)")), registrationInfo: nil,
                                       report: nil)
        }
        let report: AttestationReport?
        do {
            report = try AttestationReport.decodeOptional(encodedAttestation)
        } catch {
            return RegistrationVerdict(status: .refused(.attestation(error)), registrationInfo: info, report: nil)
        }
        // The chain hashes the bytes it re-encodes; a canonical decode round-trips them exactly.
        let policy = AttestationPolicy(expectedReportDataHash: info.reportDataHash,
                                       pRuntimeAllowList: rules.pRuntimeAllowList)
        var status: RegistrationVerdict.Status
        if let report {
            do {
                status = .attested(try report.verify(atUnixSeconds: now, policy: policy))
            } catch {
                status = .refused(.attestation(error))
            }
        } else {
            status = rules.noneAttestationEnabled ? .unattested : .refused(.attestation(.noneAttestationDisabled))
        }
        if case .refused = status {} else {
            if let paraId = rules.paraId, info.paraId != paraId {
                status = .refused(.paraIdMismatch(found: info.paraId, expected: paraId))
            } else if let allow = rules.relayGenesisAllowList, !allow.contains(info.genesisBlockHash) {
                status = .refused(.genesisHashRejected(info.genesisBlockHash))
            }
        }
        return RegistrationVerdict(status: status, registrationInfo: info, report: report)
    }
}
