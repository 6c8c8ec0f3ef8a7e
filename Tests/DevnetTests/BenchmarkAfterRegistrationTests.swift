import Attestation
import Scale
import SubstrateRPC
import Testing
@testable import Devnet

/// After `register_worker_v2` the chain sends `BenchStart{duration}` and the
/// worker's benchmark report sets `initial_score = min(6000, iterations /
/// elapsed_s × 6)` (PROTOCOL.md §2, PB registry.rs `on_message_received`),
/// here end to end inside the devnet with its simulated dev-mode pRuntime.
struct BenchmarkAfterRegistrationTests {
    static func chain(unregistered: Int = 1, noneAttestation: Bool = true) -> DevnetChain {
        var c = DevnetConfig()
        c.seed = 21; c.workers = 3; c.pools = 1; c.unregisteredWorkers = unregistered
        c.noneAttestationEnabled = noneAttestation
        return DevnetChain(config: c)
    }

    /// Dispatches the pRuntime's own material as `register_worker_v2`, by Bob, inside block production.
    static func register(_ chain: DevnetChain, worker: Int) throws -> [UInt8] {
        let r = try chain.simulatedRuntimeInfo(worker: worker, request: GetRuntimeInfoRequest())
        let call = [86, 7] + r.encodedRuntimeInfo + (r.attestation?.encodedReport ?? [])
        try chain.dispatch(call: call, origin: DevAccounts.publicKey("Bob")!, unsigned: false)
        return r.encodedPublicKey
    }

    @Test func unregisteredWorkersLeaveTheRegisteredFleetUnchanged() {
        let with = Self.chain(unregistered: 2), without = Self.chain(unregistered: 0)
        #expect(with.workerPublicKeys.count == 5 && without.workerPublicKeys.count == 3)
        #expect(Array(with.workerPublicKeys.prefix(3)) == without.workerPublicKeys)
        #expect(with.state.workerInfos == without.state.workerInfos)
        for _ in 0..<5 { with.produceBlock(); without.produceBlock() }
        #expect(with.head.header.stateRoot != [] && with.state.sessions == without.state.sessions)
        #expect(with.simulatedPRuntimeInfo(worker: 3)?.registered == false)
        #expect(with.simulatedPRuntimeInfo(worker: 0)?.registered == true)
        #expect(with.simulatedPRuntimeInfo(worker: 5) == nil)
    }

    @Test func registrationStartsABenchmarkWhoseReportSetsTheInitialScore() throws {
        let chain = Self.chain()
        chain.produceBlock()
        let pubkey = try Self.register(chain, worker: 3)
        let info = try #require(chain.state.workerInfos[pubkey])
        #expect(info.attestationProvider == nil && info.confidenceLevel == 128 && info.initialScore == nil)
        #expect(chain.state.events.contains { if case .workerAdded(pubkey, nil, 128) = $0.event { return true } else { return false } })
        // BenchStart to the worker, on the system topic.
        #expect(chain.state.outbound.contains { $0.payload == MqTopics.benchStart(pubkey: pubkey, durationBlocks: 8) })
        let registeredAt = chain.headNumber + 1
        let reportBlock = try #require(chain.state.sims[3].benchReportBlock)
        #expect(reportBlock == registeredAt + 9)  // 8 blocks of 12 s, then the relayer
        let startMs = try #require(chain.state.sims[3].benchStartMs)
        var events: [RuntimeEvent] = []
        while chain.headNumber < reportBlock {
            chain.produceBlock()
            events += chain.state.events.map(\.event)
        }
        let trueScore = chain.state.sims[3].initialScore
        let elapsed = (chain.state.nowMs - startMs) / 1000
        // The chain's formula on what the simulated pRuntime reports (integer division as in the pallet).
        let expected = UInt32(min(6000, (UInt64(trueScore) * elapsed / 6) / elapsed * 6))
        #expect(chain.state.workerInfos[pubkey]?.initialScore == expected)
        #expect(events.contains { if case .initialScoreSet(pubkey, expected) = $0 { return true } else { return false } })
        #expect(abs(Int(expected) - Int(trueScore)) < 6)
        #expect(chain.state.workerInfos[pubkey]?.lastUpdatedSeconds == chain.state.nowSeconds)
    }

    @Test func badBenchReportsAreRefusedWithoutEffect() throws {
        let chain = Self.chain()
        chain.produceBlock()
        let pubkey = try Self.register(chain, worker: 3)
        #expect(throws: DispatchError.self) { try chain.checkBenchReport(pubkey: pubkey, payload: [0, 1]) }
        #expect(throws: DispatchError.self) {
            try chain.checkBenchReport(pubkey: pubkey, payload: MqTopics.benchReport(startTimeMs: chain.state.nowMs, iterations: 5))
        }
        #expect(throws: DispatchError.self) {  // not registered
            try chain.checkBenchReport(pubkey: [UInt8](repeating: 1, count: 32),
                                       payload: MqTopics.benchReport(startTimeMs: 0, iterations: 5))
        }
        // An absurd iteration count saturates at 6000.
        #expect(try chain.checkBenchReport(pubkey: pubkey, payload: MqTopics.benchReport(startTimeMs: 0, iterations: .max)) == 6000)
    }

    @Test func withoutNoneAttestationTheDevModeMaterialIsRefused() throws {
        let chain = Self.chain(noneAttestation: false)
        chain.produceBlock()
        #expect(throws: DispatchError.self) { try Self.register(chain, worker: 3) }
        #expect(chain.state.workerInfos.count == 3)
    }
}
