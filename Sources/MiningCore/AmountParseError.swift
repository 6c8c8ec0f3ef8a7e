/// Why a typed PHA amount was rejected (stake entry, thresholds in config).
public enum AmountParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case invalidCharacter(Character, position: Int)
    case tooManyDecimals(found: Int)
    case misplacedSeparator(position: Int)
    case tooLarge

    public var description: String {
        switch self {
        case .empty: return "no amount given"
        case .invalidCharacter(let c, let p): return "unexpected '\(c)' at position \(p) (use digits and one '.')"
        case .tooManyDecimals(let n): return "PHA has 12 decimals; \(n) given"
        case .misplacedSeparator(let p): return "thousands separator at position \(p) is not between groups of three digits"
        case .tooLarge: return "amount too large"
        }
    }
}
