import Attestation
import Scale
import SubstrateRPC

/// What a simulated worker's pRuntime answers on its HTTP API (issue 8): its
/// `/info` status from the devnet's state and, for `GetRuntimeInfo`, a real
/// `WorkerRegistrationInfoV2` with a dev-mode attestation (`None`), exactly as
/// a pRuntime started with `debug_set_key` and no attestation provider gives it
/// (PB prpc_service.rs `get_runtime_info`, pal_gramine.rs `create_attestation_report`).
///
/// Simulated, and said so: the pRuntime is always synced to the devnet's head
/// (an offline worker's stops at the block it went offline); the relay chain
/// is not simulated, its height is shown as two relay blocks per parachain
/// block (6 s vs 12 s); `version` is a fixed 2.2.0.
extension DevnetChain {
    /// pRuntime's `compat_app_version` for 2.2.0 (major << 16 | minor << 8 | patch).
    static let simulatedPRuntimeVersion: UInt32 = 2 << 16 | 2 << 8 | 0

    /// Number of simulated pRuntimes (registered workers first, then unregistered ones).
    public var simulatedPRuntimeCount: Int { state.sims.count }

    /// `GET /info` of worker `index`'s pRuntime; nil for an unknown index.
    public func simulatedPRuntimeInfo(worker index: Int) -> PRuntimeInfo? {
        guard state.sims.indices.contains(index) else { return nil }
        let sim = state.sims[index]
        var synced = headNumber
        if let off = config.faults.offlineWorker, off.workerIndex == index, isOffline(index, at: headNumber) {
            synced = min(synced, off.fromBlock)
        }
        return PRuntimeInfo(
            initialized: true, registered: state.workerInfos[sim.pubkey] != nil,
            genesisBlockHash: Hex.encode(Self.kusamaGenesis, prefix: false),
            publicKey: Hex.encode(sim.pubkey, prefix: false), ecdhPublicKey: Hex.encode(sim.ecdhPubkey, prefix: false),
            headerNumber: 2 * synced + 1, paraHeaderNumber: synced + 1, blockNumber: synced + 1,
            stateRoot: Hex.encode(head.header.stateRoot, prefix: false), devMode: true, pendingMessages: 0,
            score: UInt64(sim.initialScore), version: "2.2.0", gitRevision: "khalatop-devnet-simulated",
            currentBlockTimeMs: state.nowMs, supportedAttestationMethods: [],
            maxSupportedConsensusVersion: 0)
    }

    /// `PhactoryAPI.GetRuntimeInfo` of worker `index`'s pRuntime.
    public func simulatedRuntimeInfo(worker index: Int,
                                     request: GetRuntimeInfoRequest) throws(SimulatedPRuntimeError) -> InitRuntimeResponse {
        guard state.sims.indices.contains(index) else { throw .unknownWorker(index) }
        let sim = state.sims[index]
        var operatorAccount = sim.defaultOperator
        if let encoded = request.encodedOperator {
            guard encoded.count == 32 else { throw .badRequest("encoded_operator: expected a 32-byte AccountId") }
            operatorAccount = encoded
        }
        let info = Attestation.WorkerRegistrationInfoV2(
            version: Self.simulatedPRuntimeVersion, machineId: [], pubkey: sim.pubkey, ecdhPubkey: sim.ecdhPubkey,
            genesisBlockHash: Self.kusamaGenesis, features: [4, 1], operatorAccount: operatorAccount,
            paraId: Self.khalaParaId, maxConsensusVersion: 0)
        return InitRuntimeResponse(
            encodedRuntimeInfo: scaleEncoded(info), encodedGenesisBlockHash: Self.kusamaGenesis,
            encodedPublicKey: sim.pubkey, encodedEcdhPublicKey: sim.ecdhPubkey,
            attestation: PRuntimeAttestation(version: 1, provider: "null", encodedReport: [0],
                                             timestampSeconds: state.nowSeconds))
    }
}

/// Why a simulated pRuntime refuses a call (answered as a prpc error).
public enum SimulatedPRuntimeError: Error, Sendable, Equatable {
    case unknownWorker(Int)
    case badRequest(String)
}
