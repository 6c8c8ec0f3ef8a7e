/// How fresh the fleet's picture is: the dashboard shows stale data as
/// stale rather than as healthy (OPERATORS.md need 3).
public enum ConnectionState: Hashable, Sendable {
    case disconnected
    case connecting(endpoint: String)
    case connected(endpoint: String)
    /// Connected but no new block for a while (the engine decides when).
    case stalled(endpoint: String, sinceBlock: UInt32?)
}
