/// How much a worker's or a pool's earnings are threatened, ordered from
/// harmless to worst so the fleet table can sort and filter by it
/// ("problems only" = `>= .watch`). §4.3-§4.6, OPERATORS.md needs 1 and 8.
public enum RiskLevel: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
    /// Nothing to do.
    case none = 0
    /// Worth a look: a challenge is getting old, a recent recovery, low gas,
    /// a withdrawal waiting in the pool.
    case watch = 1
    /// Act now: an owed challenge has used half its window, or a pool's
    /// withdrawal is about to pass the grace period.
    case atRisk = 2
    /// Money is being lost: unresponsive (V decays, no rewards), or the
    /// gatekeeper will flag it at once, or a pool can be force-stopped.
    case losing = 3
    /// Not earning: stopped and cooling down (or force-stopped).
    case stopped = 4

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .none: return "none"
        case .watch: return "watch"
        case .atRisk: return "at risk"
        case .losing: return "losing"
        case .stopped: return "stopped"
        }
    }
}
