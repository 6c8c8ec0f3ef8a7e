import Attestation
import Scale
import Testing
import TestSupport
@testable import Devnet

/// `register_worker_v2` refuses with the registry's real error names, and
/// verifies a real IAS report (fixture) with the Attestation module at block
/// time: it passes signature, chain, allow list and age, and is refused only
/// because its `report_data` commits to another worker's info (PROTOCOL.md §2, §5).
@Suite(.enabled(if: Fixtures.available, "needs ../shared/fixtures"))
struct RegisterWorkerTests {
    let report: IASSignedReport
    let reportTime: Int64
    let pRuntimeHash: [UInt8]

    init() throws {
        report = try IASSignedReport(json: Fixtures.bytes("ias_report_phala_pruntime_2021-09-12.json"))
        reportTime = 1_631_469_980
        pRuntimeHash = try IASVerifier.verify(report, atUnixSeconds: reportTime + 60).pRuntimeHash
    }

    func chain(allow: Bool, at seconds: Int64, noneAttestation: Bool = false) -> DevnetChain {
        var c = DevnetConfig()
        c.noneAttestationEnabled = noneAttestation
        c.workers = 1
        c.genesisTimestampMs = UInt64(seconds) * 1000
        c.pruntimeAllowList = allow ? [pRuntimeHash] : []
        return DevnetChain(config: c)
    }

    func call(paraId: UInt32 = 2004, attestation: Bool = true) -> [UInt8] {
        let info = Attestation.WorkerRegistrationInfoV2(
            version: 1, machineId: [1, 2], pubkey: [UInt8](repeating: 5, count: 32), ecdhPubkey: [UInt8](repeating: 6, count: 32),
            genesisBlockHash: DevnetChain.kusamaGenesis, features: [4, 1], operatorAccount: DevAccounts.publicKey("Alice"),
            paraId: paraId, maxConsensusVersion: 0)
        var e = ScaleEncoder()
        e.append([86, 7])
        e.encode(info)
        if attestation {
            e.append([1, 0])
            e.encode(report.reportBytes); e.encode(report.signature); e.encode(report.signingCertificateDER)
        } else {
            e.append([0])
        }
        return e.bytes
    }

    func outcome(_ chain: DevnetChain, _ call: [UInt8]) -> String? {
        do {
            try chain.dispatch(call: call, origin: DevAccounts.publicKey("Bob")!, unsigned: false)
            return nil
        } catch {
            guard case .module(let p, let i) = error else { return "\(error)" }
            return DevnetMetadata.metadata.error(palletIndex: p, errorIndex: i)?.error.name
        }
    }

    @Test func refusalsCarryTheRegistryErrorNames() {
        let c = chain(allow: true, at: reportTime + 60)
        #expect(outcome(c, call(attestation: false)) == "NoneAttestationDisabled")
        // The pallet validates the attestation before the para id (registry.rs), so a
        // wrong para id shows only once the attestation passes: here a dev-mode None.
        #expect(outcome(c, call(paraId: 2000)) == "InvalidRuntimeInfoHash")
        let dev = chain(allow: true, at: reportTime + 60, noneAttestation: true)
        #expect(outcome(dev, call(paraId: 2000, attestation: false)) == "ParachainIdMismatch")
        // The real report passes every check but the commitment to this worker's info.
        #expect(outcome(c, call()) == "InvalidRuntimeInfoHash")
        #expect(outcome(chain(allow: false, at: reportTime + 60), call()) == "PRuntimeRejected")
        #expect(outcome(chain(allow: true, at: reportTime + 7200), call()) == "OutdatedIASReport")
        #expect(outcome(c, [86, 7, 1]) == "CallFiltered", "undecodable arguments")
    }
}
