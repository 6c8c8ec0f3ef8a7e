import Scale

/// `sp_runtime::generic::Era` of `CheckMortality`: immortal, or mortal with
/// a power-of-two period and a phase (the birth block modulo the period).
public enum Era: Sendable, Hashable {
    case immortal
    case mortal(period: UInt64, phase: UInt64)

    /// Reads the one- or two-byte encoding; refuses invalid periods.
    public init(from d: inout ScaleDecoder) throws {
        let at = d.offset
        let first = try d.readByte()
        if first == 0 { self = .immortal; return }
        let encoded = UInt64(first) | UInt64(try d.readByte()) << 8
        let period = UInt64(2) << (encoded % 16)
        let quantize = max(period >> 12, 1)
        let phase = (encoded >> 4) * quantize
        guard period >= 4, phase < period else {
            throw ScaleError.invalidValue(offset: at, expected: "mortal era with period >= 4 and phase < period")
        }
        self = .mortal(period: period, phase: phase)
    }

    /// The block whose hash the signature commits to, for a transaction
    /// included at `current` (Substrate's `Era::birth`).
    public func birth(current: UInt64) -> UInt64 {
        switch self {
        case .immortal: return 0
        case .mortal(let period, let phase):
            return (max(current, phase) - phase) / period * period + phase
        }
    }

    /// The first block at which the transaction is no longer valid.
    public func death(current: UInt64) -> UInt64 {
        switch self {
        case .immortal: return .max
        case .mortal(let period, _): return birth(current: current) + period
        }
    }
}
