/// An element of the Ristretto255 prime-order group (RFC 9496), represented by
/// any Edwards point of its coset; sr25519 public keys and the `R` half of
/// signatures are its 32-byte encodings (PROTOCOL.md: `sr25519::Public` = [u8;32]).
///
/// Decoding rejects every non-canonical or invalid string (RFC 9496 §4.3.1),
/// so a public key has exactly one valid encoding.
struct RistrettoPoint: Sendable {
    var edwards: EdwardsPoint25519

    static let identity = RistrettoPoint(edwards: .identity)
    static let generator = RistrettoPoint(edwards: .basePoint)

    /// 1/sqrt(a - d) with a = -1 (RFC 9496 INVSQRT_A_MINUS_D).
    static let invSqrtAMinusD: FieldElement25519 =
        FieldElement25519.sqrtRatioM1(.one, -FieldElement25519.one - EdwardsPoint25519.d).root

    /// RFC 9496 §4.3.1 DECODE; nil for any invalid encoding.
    init?(encoded bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        let s = FieldElement25519(bytes: bytes)
        // Canonical: re-encoding gives the same bytes (rejects s >= p and the top bit),
        // and s is non-negative.
        let canonical = s.toBytes()
        var diff: UInt8 = 0
        for i in 0..<32 { diff |= canonical[i] ^ bytes[i] }
        guard diff == 0, s.isNegative == 0 else { return nil }

        let ss = s.squared()
        let u1 = .one - ss
        let u2 = .one + ss
        let u2Squared = u2.squared()
        let v = -(EdwardsPoint25519.d * u1.squared()) - u2Squared
        let (wasSquare, invSqrt) = FieldElement25519.sqrtRatioM1(.one, v * u2Squared)
        let denX = invSqrt * u2
        let denY = invSqrt * denX * v
        let x = ((s + s) * denX).absolute()
        let y = u1 * denY
        let t = x * y
        guard wasSquare == 1, t.isNegative == 0, y.isZero == 0 else { return nil }
        self.edwards = EdwardsPoint25519(x: x, y: y, z: .one, t: t)
    }

    init(edwards: EdwardsPoint25519) { self.edwards = edwards }

    /// RFC 9496 §4.3.2 ENCODE (constant time).
    func encoded() -> [UInt8] {
        let p = edwards
        let u1 = (p.z + p.y) * (p.z - p.y)
        let u2 = p.x * p.y
        let (_, invSqrt) = FieldElement25519.sqrtRatioM1(.one, u1 * u2.squared())
        let den1 = invSqrt * u1
        let den2 = invSqrt * u2
        let zInv = den1 * den2 * p.t
        let ix0 = p.x * FieldElement25519.sqrtM1
        let iy0 = p.y * FieldElement25519.sqrtM1
        let enchantedDenominator = den1 * Self.invSqrtAMinusD
        let rotate = (p.t * zInv).isNegative
        let x = FieldElement25519.select(p.x, iy0, rotate)
        var y = FieldElement25519.select(p.y, ix0, rotate)
        let denInv = FieldElement25519.select(den2, enchantedDenominator, rotate)
        y = y.negated(if: (x * zInv).isNegative)
        return (denInv * (p.z - y)).absolute().toBytes()
    }

    /// RFC 9496 §4.3.3 EQUALS: x1·y2 == y1·x2 or y1·y2 == x1·x2.
    static func == (a: RistrettoPoint, b: RistrettoPoint) -> Bool {
        let p = a.edwards, q = b.edwards
        let one = FieldElement25519.ctEqual(p.x * q.y, p.y * q.x)
        let two = FieldElement25519.ctEqual(p.y * q.y, p.x * q.x)
        return (one | two) == 1
    }

    static func + (a: RistrettoPoint, b: RistrettoPoint) -> RistrettoPoint { RistrettoPoint(edwards: a.edwards + b.edwards) }

    static func - (a: RistrettoPoint, b: RistrettoPoint) -> RistrettoPoint { RistrettoPoint(edwards: a.edwards - b.edwards) }

    /// s·G in constant time.
    static func mulBase(_ s: Scalar25519) -> RistrettoPoint { RistrettoPoint(edwards: .mulBase(s)) }
}
