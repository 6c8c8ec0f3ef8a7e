import Scale

/// `sp_runtime::generic::Era` for `CheckMortality` (PROTOCOL.md §1.6 lists the
/// extension): immortal, or mortal with a power-of-two period and the phase
/// of the block the transaction is born at. A mortal transaction is only
/// valid for `period` blocks after its birth block, so a stuck one dies
/// instead of lingering in pools.
public enum TransactionEra: Sendable, Hashable {
    case immortal
    case mortal(period: UInt64, phase: UInt64)

    /// Substrate's `Era::mortal(period, current)`: the period rounded up to a
    /// power of two and clamped to 4...65536, the phase `current % period`
    /// quantized as the two-byte encoding requires.
    public static func mortal(period requested: UInt64, currentBlock: UInt64) -> TransactionEra {
        var period: UInt64 = 4
        while period < requested, period < 1 << 16 { period <<= 1 }
        let phase = currentBlock % period
        let quantize = max(period >> 12, 1)
        return .mortal(period: period, phase: phase / quantize * quantize)
    }

    /// The one byte (`0x00`, immortal) or two little-endian bytes of the encoding.
    public var encoded: [UInt8] {
        switch self {
        case .immortal:
            return [0]
        case .mortal(let period, let phase):
            let quantize = max(period >> 12, 1)
            let low = UInt64(min(15, max(1, period.trailingZeroBitCount - 1)))
            let value = UInt16(truncatingIfNeeded: low | (phase / quantize) << 4)
            return [UInt8(value & 0xff), UInt8(value >> 8)]
        }
    }

    /// The block whose hash the signature commits to, for a transaction
    /// checked at block `current` (Substrate's `Era::birth`).
    public func birth(current: UInt64) -> UInt64 {
        switch self {
        case .immortal: return 0
        case .mortal(let period, let phase):
            return (max(current, phase) - phase) / period * period + phase
        }
    }
}
