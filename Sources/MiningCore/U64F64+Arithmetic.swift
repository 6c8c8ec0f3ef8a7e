/// Exact U64F64 arithmetic as the chain's `fixed` crate computes it (§4.4:
/// `V −= V·slash_rate`; §7: fixed point → planck).
extension U64F64 {
    /// Full-width product shifted back by 64 bits, truncated.
    public func multipliedReportingOverflow(by other: U64F64) -> (partialValue: U64F64, overflow: Bool) {
        let (high, low) = bits.multipliedFullWidth(by: other.bits)
        let result = (high << 64) | (low >> 64)
        return (U64F64(bits: result), (high >> 64) != 0)
    }

    /// `(self << 64) / other`, truncated; dividing by zero reports overflow.
    public func dividedReportingOverflow(by other: U64F64) -> (partialValue: U64F64, overflow: Bool) {
        guard other.bits != 0 else { return (.max, true) }
        let high = bits >> 64, low = bits << 64
        // The quotient fits in 128 bits only when the high half is below the divisor.
        guard high < other.bits else { return (.max, true) }
        let (q, _) = other.bits.dividingFullWidth((high: high, low: low))
        return (U64F64(bits: q), false)
    }

    /// Product, saturating at `max` on overflow.
    public func multiplied(by other: U64F64) -> U64F64 {
        let (v, o) = multipliedReportingOverflow(by: other)
        return o ? .max : v
    }

    /// Quotient, saturating at `max` on overflow or division by zero.
    public func divided(by other: U64F64) -> U64F64 {
        let (v, o) = dividedReportingOverflow(by: other)
        return o ? .max : v
    }

    /// Sum, saturating at `max`.
    public func adding(_ other: U64F64) -> U64F64 {
        let (v, o) = bits.addingReportingOverflow(other.bits)
        return o ? .max : U64F64(bits: v)
    }

    /// Difference, saturating at zero (V never goes negative).
    public func subtracting(_ other: U64F64) -> U64F64 {
        other.bits >= bits ? .zero : U64F64(bits: bits - other.bits)
    }

    /// Product with an integer (`FixedPoint::from_num(n)`), saturating.
    public func multiplied(by n: UInt64) -> U64F64 { multiplied(by: U64F64(integer: n)) }

    /// Fixed point → planck as the chain does it (balance_convert.rs, §7):
    /// convert to U80F48 by truncating 16 fraction bits, multiply by 10^12,
    /// take the integer part. Saturates at `UInt128.max` (beyond any real balance).
    public var planck: UInt128 {
        let u80f48 = bits >> 16
        let (high, low) = u80f48.multipliedFullWidth(by: PHA.planckPerPHA)
        // integer part = (high:low) >> 48; it must fit in 128 bits.
        guard high >> 48 == 0 else { return .max }
        return (high << 80) | (low >> 48)
    }

    /// Planck → fixed point (`balance / 10^12` in U64F64), truncated;
    /// saturates for balances above 2^64 PHA.
    public init(planck: UInt128) {
        let high = planck >> 64, low = planck << 64
        guard high < PHA.planckPerPHA else { self = .max; return }
        let (q, _) = PHA.planckPerPHA.dividingFullWidth((high: high, low: low))
        self.init(bits: q)
    }
}
