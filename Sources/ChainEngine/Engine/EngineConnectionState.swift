import MiningCore

/// The engine's connection as the UI shows it (issue 6): connecting, live,
/// lagging behind the node's head, waiting to reconnect, or given up.
public enum EngineConnectionState: Sendable, Hashable, CustomStringConvertible {
    case connecting(endpoint: String)
    case live(endpoint: String, block: UInt32?)
    /// Connected but `behindBlocks` behind the node's head (catching up / backfilling).
    case lagging(endpoint: String, behindBlocks: UInt32)
    case reconnecting(inSeconds: Double, attempt: Int, reason: String)
    case failed(reason: String)

    /// The fleet model's coarser view.
    public var fleetState: ConnectionState {
        switch self {
        case .connecting(let e): return .connecting(endpoint: e)
        case .live(let e, _): return .connected(endpoint: e)
        case .lagging(let e, _): return .stalled(endpoint: e, sinceBlock: nil)
        case .reconnecting, .failed: return .disconnected
        }
    }

    public var description: String {
        switch self {
        case .connecting(let e): return "connecting to \(e)"
        case .live(let e, let b): return "live on \(e)" + (b.map { " at block \($0)" } ?? "")
        case .lagging(let e, let n): return "lagging \(n) blocks behind \(e)"
        case .reconnecting(let s, let a, let r):
            return "reconnecting in \(String(format: "%.1f", s)) s (attempt \(a)): \(r)"
        case .failed(let r): return "failed: \(r)"
        }
    }
}
