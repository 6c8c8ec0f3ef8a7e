import ChainEngine
import Dashboard
import Foundation
import Logging
import MiningCore
import SubstrateRPC
import TermUINCurses

/// Carries the engine's events to the dashboard (ARCHITECTURE.md "Data
/// flow"): a thin adapter from ChainEngine's `EngineEvent` to Dashboard's
/// `EngineBatcher` (which batches observations per block, adds the
/// finalized block and drops repeated connection states; tested there) and
/// to the log file for diagnostics.
enum EnginePump {
    static func nowMs() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

    /// The batcher's view of an engine event; nil for events that only go to the log.
    static func batcherEvent(_ event: EngineEvent) -> EngineBatcher.Event? {
        switch event {
        case .observation(let o): return .observation(o)
        case .blockProcessed(let number): return .blockProcessed(number)
        case .fleetLoaded: return .flush
        // `live` carries the block number: the header shows only the fleet's state.
        case .connection(let state): return .connection(state.fleetState)
        case .extrinsicFailed, .diagnostic: return nil
        }
    }

    /// Runs until the engine's stream ends.
    static func run(events: AsyncStream<EngineEvent>, mailbox: Mailbox<Msg>, followsFinalized: Bool, logger: Logger,
                    onRuntimeUpgrade: @escaping @Sendable (UInt32) -> Void) async {
        var batcher = EngineBatcher(followsFinalized: followsFinalized)
        for await event in events {
            switch event {
            case .fleetLoaded(let block, let workers, let pools):
                logger.info("fleet loaded at block \(block): \(workers) workers, \(pools) pools")
            case .extrinsicFailed(let failure):
                logger.warning("extrinsic failed: \(failure)")
            case .diagnostic(let d):
                logger.notice("\(d)")
                if case .runtimeUpgraded(_, let toSpec, _) = d { onRuntimeUpgrade(toSpec) }
            case .connection, .observation, .blockProcessed:
                break
            }
            guard let input = batcherEvent(event) else { continue }
            for msg in batcher.handle(input, nowMs: nowMs()) {
                // Logged only when what the header shows changes (not every `live` block).
                if case .connectionChanged = msg, case .connection(let state) = event { logger.info("connection: \(state)") }
                mailbox.post(msg)
            }
        }
        for msg in batcher.flush(nowMs: nowMs()) { mailbox.post(msg) }
    }

    /// Asks the node which chain and runtime it runs (`system_chain`,
    /// `state_getRuntimeVersion`) and posts `.chainIdentified`; retries
    /// until it succeeds or the task is cancelled.
    static func identifyChain(endpoints: [String], rpc: RPCClientConfiguration = RPCClientConfiguration(),
                              mailbox: Mailbox<Msg>, logger: Logger) async {
        while !Task.isCancelled {
            for url in endpoints {
                let client = RPCClient(configuration: rpc)
                do {
                    try await client.connect(url: url)
                    let name = try await client.call("system_chain").stringValue ?? "unknown chain"
                    let version = try RPCRuntimeVersion(json: try await client.call("state_getRuntimeVersion"))
                    await client.disconnect()
                    mailbox.post(.chainIdentified(name: name, specVersion: version.specVersion))
                    return
                } catch {
                    await client.disconnect()
                    logger.info("chain identification on \(url) failed: \(error)")
                }
            }
            try? await Task.sleep(for: .seconds(5))
        }
    }
}
