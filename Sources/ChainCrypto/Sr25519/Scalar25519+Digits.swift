/// Digit recodings of a scalar for point multiplication: signed radix 16
/// (constant-time fixed-base) and width-w NAF (variable-time verification).
extension Scalar25519 {
    /// Signed radix-16 digits e[0..<64] in [-8, 8] with Σ e[i]·16^i = self
    /// (self < 2^255), computed without branches.
    func radix16Digits() -> [Int8] {
        let bytes = toBytes()
        var e = [Int8](repeating: 0, count: 64)
        for i in 0..<32 {
            e[2 * i] = Int8(bytes[i] & 15)
            e[2 * i + 1] = Int8(bytes[i] >> 4)
        }
        var carry: Int8 = 0
        for i in 0..<63 {
            e[i] &+= carry
            carry = (e[i] &+ 8) >> 4
            e[i] &-= carry << 4
        }
        e[63] &+= carry
        return e
    }

    /// Width-w non-adjacent form (odd digits in (-2^(w-1), 2^(w-1)), at least
    /// w-1 zeros after each non-zero). Variable time: public scalars only.
    func nonAdjacentForm(width w: Int) -> [Int8] {
        var k = words + [0]
        var naf = [Int8](repeating: 0, count: 257)
        let window = UInt64(1) << UInt64(w)
        var i = 0
        func isZero() -> Bool { k.allSatisfy { $0 == 0 } }
        func shiftRight() {
            for j in 0..<4 { k[j] = (k[j] >> 1) | (k[j + 1] << 63) }
            k[4] >>= 1
        }
        while !isZero() && i < 257 {
            if k[0] & 1 == 1 {
                var d = Int64(k[0] & (window - 1))
                if d >= Int64(window / 2) { d -= Int64(window) }
                naf[i] = Int8(d)
                // k -= d
                if d > 0 {
                    var borrow = UInt64(d)
                    for j in 0..<5 {
                        let (x, o) = k[j].subtractingReportingOverflow(borrow)
                        k[j] = x; borrow = o ? 1 : 0
                    }
                } else {
                    var carry = UInt64(-d)
                    for j in 0..<5 {
                        let (x, o) = k[j].addingReportingOverflow(carry)
                        k[j] = x; carry = o ? 1 : 0
                    }
                }
            }
            shiftRight()
            i += 1
        }
        return naf
    }
}
