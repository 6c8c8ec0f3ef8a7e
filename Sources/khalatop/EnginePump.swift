import ChainEngine
import Dashboard
import Foundation
import Logging
import MiningCore
import SubstrateRPC
import TermUINCurses

/// Carries the engine's events to the dashboard (ARCHITECTURE.md "Data
/// flow"): observations are batched per block into one `Msg` (one wake of
/// the terminal thread per block, not per fact), connection changes and the
/// finalized block follow; diagnostics go to the log file.
enum EnginePump {
    /// Observations posted at once at most (a full load is split into chunks).
    static let maxBatch = 2_048

    static func nowMs() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

    /// Runs until the engine's stream ends.
    static func run(events: AsyncStream<EngineEvent>, mailbox: Mailbox<Msg>, followsFinalized: Bool, logger: Logger,
                    onRuntimeUpgrade: @escaping @Sendable (UInt32) -> Void) async {
        var batch: [Observation] = []
        var lastConnection: ConnectionState?
        func flush() {
            guard !batch.isEmpty else { return }
            mailbox.post(.observationsArrived(batch, atMs: nowMs()))
            batch.removeAll(keepingCapacity: true)
        }
        for await event in events {
            switch event {
            case .observation(let o):
                batch.append(o)
                if batch.count >= maxBatch { flush() }
            case .blockProcessed(let number):
                flush()
                if followsFinalized { mailbox.post(.finalizedBlockObserved(number)) }
            case .fleetLoaded(let block, let workers, let pools):
                flush()
                logger.info("fleet loaded at block \(block): \(workers) workers, \(pools) pools")
            case .connection(let state):
                flush()
                // `live` carries the block number: post and log only when what the header shows changes.
                guard state.fleetState != lastConnection else { continue }
                lastConnection = state.fleetState
                logger.info("connection: \(state)")
                mailbox.post(.connectionChanged(state.fleetState))
            case .extrinsicFailed(let failure):
                logger.warning("extrinsic failed: \(failure)")
            case .diagnostic(let d):
                logger.notice("\(d)")
                if case .runtimeUpgraded(_, let toSpec, _) = d { onRuntimeUpgrade(toSpec) }
            }
        }
        flush()
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
