import MiningCore

/// One item of the engine's output stream, in block order (issue 6):
/// observations for `Fleet.apply`, connection changes, failed extrinsics,
/// and diagnostics (what went wrong and what the engine did about it).
public enum EngineEvent: Sendable, Hashable {
    case observation(Observation)
    case connection(EngineConnectionState)
    case extrinsicFailed(ExtrinsicFailure)
    case diagnostic(EngineDiagnostic)
    /// All observations of this block were sent.
    case blockProcessed(number: UInt32)
    /// The full fleet was (re)loaded at `block`.
    case fleetLoaded(block: UInt32, workers: Int, pools: Int)
}

/// Something the engine noticed and handled; never fatal.
public enum EngineDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// A value the metadata could not explain (with its key).
    case decode(DecodeIssue)
    /// A call or connection failed (the engine reconnects).
    case connectionLost(endpoint: String, reason: String)
    /// The node sent something unusable on an open connection (malformed JSON, unknown subscription...).
    case nodeAnomaly(endpoint: String, what: String)
    /// Blocks missed beyond the backfill depth (their storage effects were reloaded, their events are lost).
    case skippedBlocks(from: UInt32, to: UInt32)
    /// Missed blocks replayed after a reconnect.
    case backfilled(from: UInt32, to: UInt32)
    case runtimeUpgraded(fromSpec: UInt32, toSpec: UInt32, atBlock: UInt32)
    /// The consumer was slow: older storage snapshots were merged into newer ones.
    case coalesced(dropped: Int)

    public var description: String {
        switch self {
        case .decode(let i): return i.description
        case .connectionLost(let e, let r): return "connection to \(e) lost: \(r)"
        case .nodeAnomaly(let e, let w): return "node \(e): \(w)"
        case .skippedBlocks(let a, let b): return "skipped blocks \(a)...\(b) (beyond the backfill depth)"
        case .backfilled(let a, let b): return "backfilled blocks \(a)...\(b)"
        case .runtimeUpgraded(let a, let b, let n): return "runtime upgraded from spec \(a) to \(b) at block \(n)"
        case .coalesced(let n): return "consumer slow: \(n) superseded storage snapshots merged"
        }
    }
}
