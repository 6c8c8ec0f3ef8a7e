/// Bitwise and word arithmetic on `UInt256`, as `pow_target` and the hit
/// test use them (§4.1, §4.2).
extension UInt256 {
    @inline(__always)
    public static func ^ (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(l0: a.l0 ^ b.l0, l1: a.l1 ^ b.l1, l2: a.l2 ^ b.l2, l3: a.l3 ^ b.l3)
    }

    @inline(__always)
    public static func | (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(l0: a.l0 | b.l0, l1: a.l1 | b.l1, l2: a.l2 | b.l2, l3: a.l3 | b.l3)
    }

    @inline(__always)
    public static func & (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(l0: a.l0 & b.l0, l1: a.l1 & b.l1, l2: a.l2 & b.l2, l3: a.l3 & b.l3)
    }

    /// Logical shift right; shifts of 256 or more give zero.
    public static func >> (a: UInt256, n: Int) -> UInt256 {
        guard n > 0 else { return a }
        guard n < 256 else { return .zero }
        let w = [a.l0, a.l1, a.l2, a.l3, 0, 0, 0, 0]
        let words = n / 64, bits = UInt64(n % 64)
        var out: [UInt64] = [0, 0, 0, 0]
        for i in 0..<4 {
            let lo = w[i + words], hi = w[i + words + 1]
            out[i] = bits == 0 ? lo : (lo >> bits) | (hi << (64 - bits))
        }
        return UInt256(l0: out[0], l1: out[1], l2: out[2], l3: out[3])
    }

    /// Shift left, dropping bits shifted past 256.
    public static func << (a: UInt256, n: Int) -> UInt256 {
        guard n > 0 else { return a }
        guard n < 256 else { return .zero }
        let w = [0, 0, 0, 0, a.l0, a.l1, a.l2, a.l3]
        let words = n / 64, bits = UInt64(n % 64)
        var out: [UInt64] = [0, 0, 0, 0]
        for i in 0..<4 {
            let hi = w[i + 4 - words], lo = w[i + 3 - words]
            out[i] = bits == 0 ? hi : (hi << bits) | (lo >> (64 - bits))
        }
        return UInt256(l0: out[0], l1: out[1], l2: out[2], l3: out[3])
    }

    /// Product with a 64-bit word; `overflow` when it does not fit in 256 bits
    /// (the chain's `U256 * u32` panics there; we report instead).
    public func multipliedReportingOverflow(by m: UInt64) -> (partialValue: UInt256, overflow: Bool) {
        var out: [UInt64] = [0, 0, 0, 0]
        var carry: UInt64 = 0
        for (i, limb) in [l0, l1, l2, l3].enumerated() {
            let (hi, lo) = limb.multipliedFullWidth(by: m)
            let (sum, c) = lo.addingReportingOverflow(carry)
            out[i] = sum
            carry = hi &+ (c ? 1 : 0)
        }
        return (UInt256(l0: out[0], l1: out[1], l2: out[2], l3: out[3]), carry != 0)
    }

    public func addingReportingOverflow(_ b: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        var out: [UInt64] = [0, 0, 0, 0]
        var carry = false
        for (i, (x, y)) in zip([l0, l1, l2, l3], [b.l0, b.l1, b.l2, b.l3]).enumerated() {
            let (s1, c1) = x.addingReportingOverflow(y)
            let (s2, c2) = s1.addingReportingOverflow(carry ? 1 : 0)
            out[i] = s2
            carry = c1 || c2
        }
        return (UInt256(l0: out[0], l1: out[1], l2: out[2], l3: out[3]), carry)
    }

    /// Division by a non-zero word; a zero divisor gives (0, 0) instead of trapping.
    public func quotientAndRemainder(dividingBy d: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        guard d != 0 else { return (.zero, 0) }
        var out: [UInt64] = [0, 0, 0, 0]
        var rem: UInt64 = 0
        for (i, limb) in [l0, l1, l2, l3].enumerated().reversed() {
            let (q, r) = d.dividingFullWidth((high: rem, low: limb))
            out[i] = q
            rem = r
        }
        return (UInt256(l0: out[0], l1: out[1], l2: out[2], l3: out[3]), rem)
    }
}
