import Attestation
import ChainCrypto
import Scale

/// `PhalaRegistry.register_worker_v2` (PROTOCOL.md §2 registration rules,
/// §5), in the pallet's order: the attestation (`attestation::validate`),
/// then para id 2004, then the relay genesis hash on the allow list.
/// An IAS report is verified with the Attestation module at block time
/// (signature and chain to Intel's root, quote status → confidence, pRuntime
/// allow list, age, `report_data` = blake2_256 of the registration info).
/// `None` (a dev-mode pRuntime) is accepted only when the scenario's
/// `noneAttestationEnabled` is set (Khala: false), with provider None and
/// confidence 128. DCAP (`SgxDcap` with SgxV30 collateral, verified by the
/// Attestation module's DCAP verifier, §5.4) only decodes once the runtime
/// has the DCAP types (`DevnetChain+Upgrade.swift`).
///
/// Either way a `BenchStart{duration}` goes to the worker; a simulated
/// pRuntime then benchmarks and its report sets `initial_score` (§2).
extension DevnetChain {
    static let khalaParaId: UInt32 = 2004
    /// Kusama's genesis hash, on Khala's relay-chain allow list (§5.2).
    static let kusamaGenesis = bytes("b0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe")
    /// `BenchmarkDuration` at genesis (blocks).
    static let benchmarkDurationBlocks: UInt32 = 8
    static let registryPallet = Array("PhalaRegistry".utf8)

    static let registrationInfoType: UInt32 =
        DevnetMetadata.metadata.call(pallet: "PhalaRegistry", name: "register_worker_v2")?.fields.first?.type ?? 0

    func registerWorkerV2(info value: ScaleValue?, attestation: ScaleValue?, caller: [UInt8]) throws(DispatchError) {
        guard let value, let encoded = try? codec.encode(value, type: Self.registrationInfoType),
              let info = try? scaleDecode(Attestation.WorkerRegistrationInfoV2.self, from: encoded),
              info.pubkey.count == 32, info.ecdhPubkey.count == 32 else {
            throw DevnetErrors.module("PhalaRegistry", "InvalidInput")
        }
        let provider: UInt8?
        let level: UInt8
        switch attestation {
        case .variant("None", _, _)?:
            guard config.noneAttestationEnabled else { throw DevnetErrors.module("PhalaRegistry", "NoneAttestationDisabled") }
            provider = nil
            level = 128
        case .variant("Some", _, let some)?:
            guard let report = some.first?.value else { throw DevnetErrors.module("PhalaRegistry", "UnknownQuoteBodyFormat") }
            let policy = AttestationPolicy(registrationInfo: info, pRuntimeAllowList: state.pruntimeAllowList)
            switch try attestationEvidence(report) {
            case .ias(let report):
                do {
                    level = try IASVerifier.verify(report, atUnixSeconds: Int64(state.nowSeconds), policy: policy).confidenceLevel
                } catch {
                    throw DevnetErrors.module("PhalaRegistry", Self.registryError(error))
                }
                provider = AttestationProviderIndex.ias
            case .dcap(let quote, let collateral):
                do {
                    level = try DCAPVerifier.verify(quote: quote, collateral: collateral, atUnixSeconds: Int64(state.nowSeconds),
                                                    policy: policy).confidenceLevel
                } catch {
                    throw DevnetErrors.module("PhalaRegistry", Self.dcapRegistryError(error))
                }
                provider = AttestationProviderIndex.dcap
            }
        default:
            throw DevnetErrors.module("PhalaRegistry", "UnknownQuoteBodyFormat")
        }
        guard info.paraId == Self.khalaParaId else { throw DevnetErrors.module("PhalaRegistry", "ParachainIdMismatch") }
        guard state.relayGenesisAllowList.contains(info.genesisBlockHash) else {
            throw DevnetErrors.module("PhalaRegistry", "GenesisBlockHashRejected")
        }
        let existing = state.workerInfos[info.pubkey]
        state.putWorkerInfo(WorkerInfoV2(
            pubkey: info.pubkey, ecdhPubkey: info.ecdhPubkey, runtimeVersion: info.version,
            lastUpdatedSeconds: state.nowSeconds, operatorAccount: info.operatorAccount, attestationProvider: provider,
            confidenceLevel: level, initialScore: existing?.initialScore, features: info.features))
        let number = headNumberOrZero + 1
        if existing == nil {
            state.storage.set(DevnetKeys.workerAddedAt(info.pubkey), scaleEncoded(number))
            state.pushOutbound(MqMessage(sender: .pallet(Self.registryPallet), destination: MqTopics.systemEvent,
                                         payload: MqTopics.workerRegistered(pubkey: info.pubkey, confidenceLevel: level)))
            state.deposit(.workerAdded(pubkey: info.pubkey, attestationProvider: provider, confidenceLevel: level))
        } else {
            state.deposit(.workerUpdated(pubkey: info.pubkey, attestationProvider: provider, confidenceLevel: level))
        }
        // "Trigger benchmark anyway" (registry.rs).
        state.pushOutbound(MqMessage(sender: .pallet(Self.registryPallet), destination: MqTopics.systemEvent,
                                     payload: MqTopics.benchStart(pubkey: info.pubkey,
                                                                  durationBlocks: Self.benchmarkDurationBlocks)))
        if let i = state.simIndexByPubkey[info.pubkey] {
            scheduleBenchmark(workerIndex: i, startBlock: number)
        }
    }

    /// The simulated pRuntime benchmarks for `BenchmarkDuration` blocks (at least
    /// a second of chain time, so the chain's score division is defined), then
    /// its report is relayed in the next block.
    func scheduleBenchmark(workerIndex i: Int, startBlock: UInt32) {
        if let old = state.sims[i].benchReportBlock {
            state.benchReports[old]?.removeAll { $0 == i }
        }
        let minBlocks = UInt32(min(UInt64(UInt32.max / 2), (1000 + config.blockTimeMs - 1) / config.blockTimeMs))
        let at = startBlock + max(Self.benchmarkDurationBlocks, minBlocks) + 1
        state.sims[i].benchStartMs = state.nowMs
        state.sims[i].benchReportBlock = at
        state.benchReports[at, default: []].append(i)
    }

    /// What an `AttestationReport` carries: IAS (every runtime) or DCAP (runtimes after 1251, §5.4).
    enum AttestationEvidence {
        case ias(IASSignedReport)
        case dcap(quote: [UInt8], collateral: SgxV30QuoteCollateral)
    }

    func attestationEvidence(_ report: ScaleValue) throws(DispatchError) -> AttestationEvidence {
        switch report {
        case .variant("SgxIas", _, let fields):
            guard fields.count == 3, let raReport = fields[0].value.byteArray, let signature = fields[1].value.byteArray,
                  let cert = fields[2].value.byteArray else { throw DevnetErrors.module("PhalaRegistry", "UnknownQuoteBodyFormat") }
            return .ias(IASSignedReport(reportBytes: raReport, signature: signature, signingCertificateDER: cert))
        case .variant("SgxDcap", _, let fields):
            // Only a runtime with the DCAP types decodes this variant at all.
            guard fields.count == 2, let quote = fields[0].value.byteArray else {
                throw DevnetErrors.module("PhalaRegistry", "UnknownQuoteBodyFormat")
            }
            guard case .variant("Some", _, let some) = fields[1].value, case .variant("SgxV30", _, let inner)? = some.first?.value,
                  let value = inner.first?.value else {
                throw DevnetErrors.module("PhalaRegistry", "UnsupportedAttestationType")
            }
            guard let type = runtime.metadata.registry.types.first(where: { $0.path.last == "SgxV30QuoteCollateral" })?.id,
                  let bytes = try? codec.encode(value, type: type),
                  let collateral = try? SgxV30QuoteCollateral(scaleBytes: bytes) else {
                throw DevnetErrors.module("PhalaRegistry", "InvalidDCAPQuote")
            }
            return .dcap(quote: quote, collateral: collateral)
        default:
            throw DevnetErrors.module("PhalaRegistry", "UnknownQuoteBodyFormat")
        }
    }

    /// The registry error for a DCAP failure: the commitment, allow-list and
    /// status rules share IAS's errors; anything else about the quote or its
    /// collateral is `InvalidDCAPQuote` (§1.6, §5.4).
    static func dcapRegistryError(_ error: AttestationError) -> String {
        switch error {
        case .quoteStatusNotAccepted: return "InvalidQuoteStatus"
        case .reportDataMismatch: return "InvalidRuntimeInfoHash"
        case .pRuntimeNotAllowed: return "PRuntimeRejected"
        default: return "InvalidDCAPQuote"
        }
    }

    /// The registry error the pallet raises for an attestation failure (registry.rs, utils/attestation.rs).
    static func registryError(_ error: AttestationError) -> String {
        switch error {
        case .signatureInvalid, .certificateExpired, .certificateNotYetValid, .wrongIssuer, .certificateSignatureInvalid,
             .untrustedChain, .certificateChainTooShort, .unsupportedKey, .missingServerAuthUsage:
            return "InvalidIASSigningCert"
        case .reportTooOld: return "OutdatedIASReport"
        case .quoteStatusNotAccepted: return "InvalidQuoteStatus"
        case .reportDataMismatch: return "InvalidRuntimeInfoHash"
        case .pRuntimeNotAllowed: return "PRuntimeRejected"
        case .noneAttestationDisabled: return "NoneAttestationDisabled"
        default: return "BadIASReport"
        }
    }
}
