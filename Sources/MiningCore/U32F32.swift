/// U32F32 fixed point (bits = value × 2^32), only what `pow_target` uses.
/// Overflow wraps, as `fixed` does in a release runtime; it cannot happen
/// for fewer than 2^31 online workers.
struct U32F32: Comparable {
    var bits: UInt64

    init(integer: UInt32) { bits = UInt64(integer) << 32 }
    init(bits: UInt64) { self.bits = bits }

    var integerPart: UInt32 { UInt32(truncatingIfNeeded: bits >> 32) }

    func times(_ o: U32F32) -> U32F32 {
        let (hi, lo) = bits.multipliedFullWidth(by: o.bits)
        return U32F32(bits: (hi << 32) | (lo >> 32))
    }

    func saturatingTimes(_ o: U32F32) -> U32F32 {
        let (hi, lo) = bits.multipliedFullWidth(by: o.bits)
        guard hi >> 32 == 0 else { return U32F32(bits: .max) }
        return U32F32(bits: (hi << 32) | (lo >> 32))
    }

    /// `(self << 32) / o`, truncated; division by zero gives zero instead of trapping.
    func over(_ o: U32F32) -> U32F32 {
        guard o.bits != 0 else { return U32F32(bits: 0) }
        let high = bits >> 32, low = bits << 32
        guard high < o.bits else { return U32F32(bits: .max) }
        return U32F32(bits: o.bits.dividingFullWidth((high: high, low: low)).quotient)
    }

    static func < (a: U32F32, b: U32F32) -> Bool { a.bits < b.bits }
}
