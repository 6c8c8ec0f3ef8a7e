import Foundation

/// Reconnect delays: exponential growth from `initialSeconds` by
/// `multiplier` per failed attempt, capped at `maxSeconds`, with ±`jitter`
/// (a fraction) so many dashboards do not reconnect in lock-step (issue 6).
///
/// Pure: the random draw is passed in, so tests fix it.
public struct Backoff: Sendable, Hashable {
    public var initialSeconds: Double
    public var maxSeconds: Double
    public var multiplier: Double
    /// 0...1: the delay is scaled by a factor in `1 - jitter ... 1 + jitter`.
    public var jitter: Double

    public init(initialSeconds: Double = 0.5, maxSeconds: Double = 30, multiplier: Double = 2, jitter: Double = 0.2) {
        self.initialSeconds = max(0, initialSeconds)
        self.maxSeconds = max(self.initialSeconds, maxSeconds)
        self.multiplier = max(1, multiplier)
        self.jitter = min(1, max(0, jitter))
    }

    /// The delay before reconnect attempt `attempt` (0 = the first retry), for
    /// a uniform draw `unit` in 0..<1. Never negative, never above `maxSeconds`.
    public func delaySeconds(attempt: Int, unit: Double) -> Double {
        let exponent = Double(min(max(0, attempt), 64))
        let base = min(maxSeconds, initialSeconds * pow(multiplier, exponent))
        let u = unit.isFinite ? min(max(unit, 0), 1) : 0.5
        let factor = 1 - jitter + 2 * jitter * u
        return min(maxSeconds, max(0, base * factor))
    }
}

