/// Exponentiations in GF(2^255 - 19): inversion, the (p-5)/8 power and
/// RFC 9496's SQRT_RATIO_M1, all by fixed addition chains (constant time).
extension FieldElement25519 {
    /// (self^(2^250 - 1), self^11), the shared prefix of both chains.
    private func pow250Minus1AndPow11() -> (FieldElement25519, FieldElement25519) {
        let z2 = squared()                       // 2
        let z8 = z2.squared(times: 2)            // 8
        let z9 = self * z8                       // 9
        let z11 = z2 * z9                        // 11
        let z22 = z11.squared()                  // 22
        let z5_0 = z9 * z22                      // 2^5 - 1
        let z10_0 = z5_0.squared(times: 5) * z5_0      // 2^10 - 1
        let z20_0 = z10_0.squared(times: 10) * z10_0   // 2^20 - 1
        let z40_0 = z20_0.squared(times: 20) * z20_0   // 2^40 - 1
        let z50_0 = z40_0.squared(times: 10) * z10_0   // 2^50 - 1
        let z100_0 = z50_0.squared(times: 50) * z50_0  // 2^100 - 1
        let z200_0 = z100_0.squared(times: 100) * z100_0 // 2^200 - 1
        let z250_0 = z200_0.squared(times: 50) * z50_0   // 2^250 - 1
        return (z250_0, z11)
    }

    /// self^(p-2) = 1/self (0 maps to 0).
    func inverted() -> FieldElement25519 {
        let (z250, z11) = pow250Minus1AndPow11()
        return z250.squared(times: 5) * z11      // 2^255 - 32 + 11 = p - 2
    }

    /// self^((p-5)/8) = self^(2^252 - 3).
    func powPMinus5Over8() -> FieldElement25519 {
        let (z250, _) = pow250Minus1AndPow11()
        return z250.squared(times: 2) * self
    }

    /// sqrt(-1), 2^((p-1)/4) (RFC 9496 SQRT_M1).
    static let sqrtM1 = FieldElement25519(bytes: [
        0xb0, 0xa0, 0x0e, 0x4a, 0x27, 0x1b, 0xee, 0xc4, 0x78, 0xe4, 0x2f, 0xad, 0x06, 0x18, 0x43, 0x2f,
        0xa7, 0xd7, 0xfb, 0x3d, 0x99, 0x00, 0x4d, 0x2b, 0x0b, 0xdf, 0xc1, 0x4f, 0x80, 0x24, 0x83, 0x2b,
    ])

    /// RFC 9496 SQRT_RATIO_M1(u, v): (1, +sqrt(u/v)) when u/v is square,
    /// else (0, +sqrt(i*u/v)); the root returned is always non-negative.
    static func sqrtRatioM1(_ u: FieldElement25519, _ v: FieldElement25519) -> (wasSquare: UInt64, root: FieldElement25519) {
        let v3 = v.squared() * v
        let v7 = v3.squared() * v
        var r = (u * v3) * (u * v7).powPMinus5Over8()
        let check = v * r.squared()
        let correctSign = ctEqual(check, u)
        let flippedSign = ctEqual(check, -u)
        let flippedSignI = ctEqual(check, -u * sqrtM1)
        r = select(r, sqrtM1 * r, flippedSign | flippedSignI)
        return (correctSign | flippedSign, r.absolute())
    }
}
