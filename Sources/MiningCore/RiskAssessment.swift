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
