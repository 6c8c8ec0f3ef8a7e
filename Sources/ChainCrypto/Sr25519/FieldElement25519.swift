/// An element of GF(2^255 - 19), the base field of Curve25519 / Ristretto255.
///
/// Five unsigned 51-bit limbs (radix 2^51), products accumulated in `UInt128`.
/// Every operation runs the same instructions whatever the values, so the
/// field layer never branches on secrets (sr25519 signing multiplies the
/// secret nonce through it). Limbs stay below 2^52 after every operation,
/// which keeps the 128-bit accumulators of `*` far from overflow.
struct FieldElement25519: Sendable {
    var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64

    static let mask51: UInt64 = (1 << 51) - 1

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64) {
        self.l0 = l0; self.l1 = l1; self.l2 = l2; self.l3 = l3; self.l4 = l4
    }

    static let zero = FieldElement25519(0, 0, 0, 0, 0)
    static let one = FieldElement25519(1, 0, 0, 0, 0)

    /// A small constant (used for 121665, 121666 and the like).
    init(small: UInt64) { self.init(small & Self.mask51, small >> 51, 0, 0, 0) }

    /// Little-endian 32 bytes; the top bit is ignored (RFC 7748 / RFC 9496 style).
    /// Values in [p, 2^255) are accepted here; canonical checks are the caller's.
    init(bytes b: [UInt8]) {
        func word(_ i: Int) -> UInt64 {
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(b[i * 8 + k]) << (8 * UInt64(k)) }
            return w
        }
        let w0 = word(0), w1 = word(1), w2 = word(2), w3 = word(3)
        let m = Self.mask51
        self.init(w0 & m,
                  ((w0 >> 51) | (w1 << 13)) & m,
                  ((w1 >> 38) | (w2 << 26)) & m,
                  ((w2 >> 25) | (w3 << 39)) & m,
                  (w3 >> 12) & m)
    }

    /// Carries every limb into the next (the top one wraps times 19):
    /// limbs end below 2^51 + 2^18.
    @inline(__always)
    func weakReduced() -> FieldElement25519 {
        let m = Self.mask51
        var a0 = l0, a1 = l1, a2 = l2, a3 = l3, a4 = l4
        a1 &+= a0 >> 51; a0 &= m
        a2 &+= a1 >> 51; a1 &= m
        a3 &+= a2 >> 51; a2 &= m
        a4 &+= a3 >> 51; a3 &= m
        a0 &+= (a4 >> 51) &* 19; a4 &= m
        return FieldElement25519(a0, a1, a2, a3, a4)
    }

    /// The unique representative in [0, p) as 32 little-endian bytes.
    func toBytes() -> [UInt8] {
        let m = Self.mask51
        let r = self.weakReduced().weakReduced()
        var a0 = r.l0, a1 = r.l1, a2 = r.l2, a3 = r.l3, a4 = r.l4
        // q = 1 exactly when the value is >= p: adding 19 then carries past 2^255.
        var q = (a0 &+ 19) >> 51
        q = (a1 &+ q) >> 51
        q = (a2 &+ q) >> 51
        q = (a3 &+ q) >> 51
        q = (a4 &+ q) >> 51
        a0 &+= 19 &* q
        a1 &+= a0 >> 51; a0 &= m
        a2 &+= a1 >> 51; a1 &= m
        a3 &+= a2 >> 51; a2 &= m
        a4 &+= a3 >> 51; a3 &= m
        a4 &= m
        let words: [UInt64] = [a0 | (a1 << 51), (a1 >> 13) | (a2 << 38), (a2 >> 26) | (a3 << 25), (a3 >> 39) | (a4 << 12)]
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<4 {
            for k in 0..<8 { out[i * 8 + k] = UInt8(truncatingIfNeeded: words[i] >> (8 * UInt64(k))) }
        }
        return out
    }

    // MARK: arithmetic

    @inline(__always)
    static func + (a: FieldElement25519, b: FieldElement25519) -> FieldElement25519 {
        FieldElement25519(a.l0 &+ b.l0, a.l1 &+ b.l1, a.l2 &+ b.l2, a.l3 &+ b.l3, a.l4 &+ b.l4).weakReduced()
    }

    /// a - b computed as a + 16p - b, so no limb underflows while b's limbs are below 2^54.
    @inline(__always)
    static func - (a: FieldElement25519, b: FieldElement25519) -> FieldElement25519 {
        FieldElement25519((a.l0 &+ 36_028_797_018_963_664) &- b.l0,
                          (a.l1 &+ 36_028_797_018_963_952) &- b.l1,
                          (a.l2 &+ 36_028_797_018_963_952) &- b.l2,
                          (a.l3 &+ 36_028_797_018_963_952) &- b.l3,
                          (a.l4 &+ 36_028_797_018_963_952) &- b.l4).weakReduced()
    }

    @inline(__always)
    static prefix func - (a: FieldElement25519) -> FieldElement25519 { .zero - a }

    @inline(__always)
    static func * (a: FieldElement25519, b: FieldElement25519) -> FieldElement25519 {
        @inline(__always) func m(_ x: UInt64, _ y: UInt64) -> UInt128 { UInt128(x) &* UInt128(y) }
        let b1_19 = b.l1 &* 19, b2_19 = b.l2 &* 19, b3_19 = b.l3 &* 19, b4_19 = b.l4 &* 19
        let c0 = m(a.l0, b.l0) &+ m(a.l1, b4_19) &+ m(a.l2, b3_19) &+ m(a.l3, b2_19) &+ m(a.l4, b1_19)
        let c1 = m(a.l0, b.l1) &+ m(a.l1, b.l0) &+ m(a.l2, b4_19) &+ m(a.l3, b3_19) &+ m(a.l4, b2_19)
        let c2 = m(a.l0, b.l2) &+ m(a.l1, b.l1) &+ m(a.l2, b.l0) &+ m(a.l3, b4_19) &+ m(a.l4, b3_19)
        let c3 = m(a.l0, b.l3) &+ m(a.l1, b.l2) &+ m(a.l2, b.l1) &+ m(a.l3, b.l0) &+ m(a.l4, b4_19)
        let c4 = m(a.l0, b.l4) &+ m(a.l1, b.l3) &+ m(a.l2, b.l2) &+ m(a.l3, b.l1) &+ m(a.l4, b.l0)
        return carryWide(c0, c1, c2, c3, c4)
    }

    @inline(__always)
    func squared() -> FieldElement25519 {
        @inline(__always) func m(_ x: UInt64, _ y: UInt64) -> UInt128 { UInt128(x) &* UInt128(y) }
        let a0_2 = l0 &* 2, a1_2 = l1 &* 2, a2_2 = l2 &* 2, a3_2 = l3 &* 2
        let a3_19 = l3 &* 19, a4_19 = l4 &* 19
        let c0 = m(l0, l0) &+ m(a1_2, a4_19) &+ m(a2_2, a3_19)
        let c1 = m(a0_2, l1) &+ m(a2_2, a4_19) &+ m(l3, a3_19)
        let c2 = m(a0_2, l2) &+ m(l1, l1) &+ m(a3_2, a4_19)
        let c3 = m(a0_2, l3) &+ m(a1_2, l2) &+ m(l4, a4_19)
        let c4 = m(a0_2, l4) &+ m(a1_2, l3) &+ m(l2, l2)
        return Self.carryWide(c0, c1, c2, c3, c4)
    }

    /// 2 * self^2 (used by point doubling).
    @inline(__always)
    func squaredDoubled() -> FieldElement25519 { let s = squared(); return s + s }

    @inline(__always)
    static func carryWide(_ c0: UInt128, _ c1: UInt128, _ c2: UInt128, _ c3: UInt128, _ c4: UInt128) -> FieldElement25519 {
        let m = UInt128(mask51)
        var d1 = c1, d2 = c2, d3 = c3, d4 = c4
        let r0 = c0 & m; d1 &+= c0 >> 51
        let r1 = d1 & m; d2 &+= d1 >> 51
        let r2 = d2 & m; d3 &+= d2 >> 51
        let r3 = d3 & m; d4 &+= d3 >> 51
        let r4 = d4 & m
        let t0 = r0 &+ (d4 >> 51) &* 19
        let a0 = UInt64(truncatingIfNeeded: t0 & m)
        let a1 = UInt64(truncatingIfNeeded: r1 &+ (t0 >> 51))
        return FieldElement25519(a0, a1, UInt64(truncatingIfNeeded: r2),
                                 UInt64(truncatingIfNeeded: r3), UInt64(truncatingIfNeeded: r4))
    }

    /// self^(2^k).
    @inline(__always)
    func squared(times k: Int) -> FieldElement25519 {
        var r = self
        for _ in 0..<k { r = r.squared() }
        return r
    }

    // MARK: constant-time helpers

    /// `b` where `choice` is 1, `a` where it is 0; no branch.
    @inline(__always)
    static func select(_ a: FieldElement25519, _ b: FieldElement25519, _ choice: UInt64) -> FieldElement25519 {
        let mask = 0 &- choice
        return FieldElement25519(a.l0 ^ ((a.l0 ^ b.l0) & mask), a.l1 ^ ((a.l1 ^ b.l1) & mask),
                                 a.l2 ^ ((a.l2 ^ b.l2) & mask), a.l3 ^ ((a.l3 ^ b.l3) & mask),
                                 a.l4 ^ ((a.l4 ^ b.l4) & mask))
    }

    /// -self where `choice` is 1.
    @inline(__always)
    func negated(if choice: UInt64) -> FieldElement25519 { Self.select(self, -self, choice) }

    /// 1 when the canonical encoding is odd ("negative" in RFC 9496), else 0.
    var isNegative: UInt64 { UInt64(toBytes()[0] & 1) }

    /// 1 when the value is 0 mod p.
    var isZero: UInt64 {
        var acc: UInt8 = 0
        for b in toBytes() { acc |= b }
        return Self.isZeroByte(acc)
    }

    /// 1 when both are equal mod p; constant time.
    static func ctEqual(_ a: FieldElement25519, _ b: FieldElement25519) -> UInt64 {
        let x = a.toBytes(), y = b.toBytes()
        var acc: UInt8 = 0
        for i in 0..<32 { acc |= x[i] ^ y[i] }
        return isZeroByte(acc)
    }

    @inline(__always)
    static func isZeroByte(_ x: UInt8) -> UInt64 { (UInt64(x) &- 1) >> 63 }

    /// |self|: the non-negative (even) one of ±self.
    @inline(__always)
    func absolute() -> FieldElement25519 { negated(if: isNegative) }
}
