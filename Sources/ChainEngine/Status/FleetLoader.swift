import Foundation
import MiningCore

/// One-shot use of the engine (issue 6, `khalatop status`): connect, load the
/// fleet, optionally replay recent blocks, and return the resulting `Fleet`.
public enum FleetLoader {
    public enum Outcome: Sendable {
        case loaded(fleet: Fleet, endpoint: String, diagnostics: [EngineDiagnostic])
        /// No endpoint answered (or loading did not finish in time).
        case unreachable(reason: String)
    }

    /// Runs an engine until the fleet is loaded and it is live, or `timeoutSeconds` pass.
    public static func load(_ configuration: EngineConfiguration, timeoutSeconds: Double = 30) async -> Outcome {
        let engine = ChainEngine(configuration: configuration)
        await engine.start()
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(timeoutSeconds))
            if !Task.isCancelled { await engine.stop() }
        }
        var fleet = Fleet()
        var diagnostics: [EngineDiagnostic] = []
        var loaded = false
        var endpoint = ""
        var failure = "timed out after \(timeoutSeconds) s"
        loop: for await event in engine.events {
            switch event {
            case .observation(let o): fleet.applyInPlace(o)
            case .diagnostic(let d): diagnostics.append(d)
            case .fleetLoaded: loaded = true
            case .connection(.live(let e, _)) where loaded:
                endpoint = e
                break loop
            case .connection(.failed(let reason)):
                failure = reason
                break loop
            case .connection(.reconnecting(_, _, let reason)):
                failure = reason
            default: break
            }
        }
        watchdog.cancel()
        await engine.stop()
        guard loaded, !endpoint.isEmpty else { return .unreachable(reason: failure) }
        return .loaded(fleet: fleet, endpoint: endpoint, diagnostics: diagnostics)
    }
}
