import Scale

/// The benchmark after a registration (PROTOCOL.md §2): the worker's pRuntime
/// measured iterations since `BenchStart`, its `RegistryEvent::BenchReport
/// {start_time ms, iterations}` reaches the chain through the relayer's
/// `sync_offchain_message` (topic `phala/registry/event`), and the pallet sets
/// `initial_score = min(6000, iterations / elapsed_s × 6)` (registry.rs
/// `on_message_received`), refreshes `last_updated`, tells the worker its
/// `BenchScore` and emits `InitialScoreSet`.
extension DevnetChain {
    static let maxInitialScore: UInt32 = 6000

    /// The relayer extrinsic carrying worker `i`'s benchmark report, in block `number`.
    func relayBenchReport(workerIndex i: Int) -> UncheckedExtrinsic? {
        let sim = state.sims[i]
        guard let startMs = sim.benchStartMs, state.nowMs > startMs else { return nil }
        let elapsedSeconds = (state.nowMs - startMs) / 1000
        // The pRuntime's benchmark runs at the worker's true score (iterations per 6 s).
        let iterations = UInt64(sim.initialScore) * elapsedSeconds / 6
        let origin = MessageOrigin.worker(sim.pubkey)
        let message = MqMessage(sender: origin, destination: MqTopics.registryEvent,
                                payload: MqTopics.benchReport(startTimeMs: startMs, iterations: iterations))
        return relayerExtrinsic(SignedMqMessage(message: message, sequence: state.ingress[origin] ?? 0, signature: []))
    }

    /// Validates a `BenchReport` payload before anything changes (the caller
    /// bumps the sequence, then `applyBenchReport`).
    func checkBenchReport(pubkey: [UInt8], payload: [UInt8]) throws(DispatchError) -> UInt32 {
        guard state.workerInfos[pubkey] != nil else { throw DevnetErrors.module("PhalaRegistry", "InvalidSender") }
        var d = ScaleDecoder(payload)
        guard let kind = try? d.readByte(), kind == 0, let startMs = try? d.decode(UInt64.self),
              let iterations = try? d.decode(UInt64.self), d.isAtEnd else {
            throw DevnetErrors.module("PhalaRegistry", "InvalidBenchReport")
        }
        let now = state.nowMs
        guard now > startMs, (now - startMs) / 1000 > 0 else { throw DevnetErrors.module("PhalaRegistry", "InvalidBenchReport") }
        let perSecond = iterations / ((now - startMs) / 1000)
        let (scaled, overflow) = perSecond.multipliedReportingOverflow(by: 6)
        return overflow ? Self.maxInitialScore : UInt32(min(UInt64(Self.maxInitialScore), scaled))
    }

    func applyBenchReport(pubkey: [UInt8], score: UInt32) {
        guard var info = state.workerInfos[pubkey] else { return }
        info.initialScore = score
        info.lastUpdatedSeconds = state.nowSeconds
        state.putWorkerInfo(info)
        if let i = state.simIndexByPubkey[pubkey] {
            state.sims[i].benchStartMs = nil
            state.sims[i].benchReportBlock = nil
            if state.sims[i].session == nil { state.sims[i].pInstant = score }
        }
        state.pushOutbound(MqMessage(sender: .pallet(Self.registryPallet), destination: MqTopics.systemEvent,
                                     payload: MqTopics.benchScore(pubkey: pubkey, score: score)))
        state.deposit(.initialScoreSet(pubkey: pubkey, initScore: score))
    }
}
