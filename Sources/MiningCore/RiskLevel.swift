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

/// A risk level with the reason in words, for the table and for alerts.
public struct RiskAssessment: Hashable, Sendable, CustomStringConvertible {
    public var level: RiskLevel
    public var reason: String

    public init(_ level: RiskLevel, _ reason: String) {
        self.level = level
        self.reason = reason
    }

    public static let none = RiskAssessment(.none, "ok")

    public var description: String { "\(level): \(reason)" }

    /// The worse of two assessments (the first on ties).
    public static func worst(_ a: RiskAssessment, _ b: RiskAssessment) -> RiskAssessment {
        b.level > a.level ? b : a
    }
}
