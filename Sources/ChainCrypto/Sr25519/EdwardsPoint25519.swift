/// A point of the twisted Edwards curve -x^2 + y^2 = 1 + d·x^2·y^2 over
/// GF(2^255 - 19), in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, T = XY/Z.
///
/// Ristretto255 (RFC 9496) is a quotient of this group; sr25519 does all its
/// arithmetic here and only encodes/decodes through Ristretto. The unified
/// addition formulas (Hisil-Wong-Carter-Dawson 2008) have no exceptional cases,
/// so adding secret multiples never branches.
struct EdwardsPoint25519: Sendable {
    var x: FieldElement25519, y: FieldElement25519, z: FieldElement25519, t: FieldElement25519

    static let identity = EdwardsPoint25519(x: .zero, y: .one, z: .one, t: .zero)

    /// d = -121665/121666.
    static let d: FieldElement25519 = -(FieldElement25519(small: 121_665) * FieldElement25519(small: 121_666).inverted())
    static let d2: FieldElement25519 = d + d

    /// The Ed25519 base point: y = 4/5, x the non-negative root.
    static let basePoint: EdwardsPoint25519 = {
        let y = FieldElement25519(small: 4) * FieldElement25519(small: 5).inverted()
        let yy = y.squared()
        let (_, x) = FieldElement25519.sqrtRatioM1(yy - .one, d * yy + .one)
        return EdwardsPoint25519(x: x, y: y, z: .one, t: x * y)
    }()

    /// A point prepared for repeated addition: (Y+X, Y-X, Z, 2d·T).
    struct Cached: Sendable {
        var yPlusX: FieldElement25519, yMinusX: FieldElement25519, z: FieldElement25519, t2d: FieldElement25519

        /// The identity, (1, 1, 1, 0).
        static let identity = Cached(yPlusX: .one, yMinusX: .one, z: .one, t2d: .zero)

        /// -P: swaps Y+X with Y-X and negates 2dT.
        var negated: Cached { Cached(yPlusX: yMinusX, yMinusX: yPlusX, z: z, t2d: -t2d) }

        @inline(__always)
        static func select(_ a: Cached, _ b: Cached, _ choice: UInt64) -> Cached {
            Cached(yPlusX: .select(a.yPlusX, b.yPlusX, choice), yMinusX: .select(a.yMinusX, b.yMinusX, choice),
                   z: .select(a.z, b.z, choice), t2d: .select(a.t2d, b.t2d, choice))
        }

        /// Conditionally -P, without a branch.
        @inline(__always)
        func negated(if choice: UInt64) -> Cached {
            Cached(yPlusX: .select(yPlusX, yMinusX, choice), yMinusX: .select(yMinusX, yPlusX, choice),
                   z: z, t2d: t2d.negated(if: choice))
        }
    }

    /// An affine point (Z = 1) prepared for addition: (y+x, y-x, 2d·x·y).
    struct Affine: Sendable {
        var yPlusX: FieldElement25519, yMinusX: FieldElement25519, xy2d: FieldElement25519

        static let identity = Affine(yPlusX: .one, yMinusX: .one, xy2d: .zero)

        var negated: Affine { Affine(yPlusX: yMinusX, yMinusX: yPlusX, xy2d: -xy2d) }

        @inline(__always)
        static func select(_ a: Affine, _ b: Affine, _ choice: UInt64) -> Affine {
            Affine(yPlusX: .select(a.yPlusX, b.yPlusX, choice), yMinusX: .select(a.yMinusX, b.yMinusX, choice),
                   xy2d: .select(a.xy2d, b.xy2d, choice))
        }

        @inline(__always)
        func negated(if choice: UInt64) -> Affine {
            Affine(yPlusX: .select(yPlusX, yMinusX, choice), yMinusX: .select(yMinusX, yPlusX, choice),
                   xy2d: xy2d.negated(if: choice))
        }
    }

    var cached: Cached { Cached(yPlusX: y + x, yMinusX: y - x, z: z, t2d: t * Self.d2) }

    /// Normalised to Z = 1 (one inversion).
    var affine: Affine {
        let zInv = z.inverted()
        let ax = x * zInv, ay = y * zInv
        return Affine(yPlusX: ay + ax, yMinusX: ay - ax, xy2d: ax * ay * Self.d2)
    }

    @inline(__always)
    static func + (p: EdwardsPoint25519, q: Cached) -> EdwardsPoint25519 {
        let a = (p.y - p.x) * q.yMinusX
        let b = (p.y + p.x) * q.yPlusX
        let c = p.t * q.t2d
        let zz = p.z * q.z
        let dd = zz + zz
        return finish(e: b - a, f: dd - c, g: dd + c, h: b + a)
    }

    @inline(__always)
    static func - (p: EdwardsPoint25519, q: Cached) -> EdwardsPoint25519 { p + q.negated }

    @inline(__always)
    static func + (p: EdwardsPoint25519, q: Affine) -> EdwardsPoint25519 {
        let a = (p.y - p.x) * q.yMinusX
        let b = (p.y + p.x) * q.yPlusX
        let c = p.t * q.xy2d
        let dd = p.z + p.z
        return finish(e: b - a, f: dd - c, g: dd + c, h: b + a)
    }

    @inline(__always)
    static func + (p: EdwardsPoint25519, q: EdwardsPoint25519) -> EdwardsPoint25519 { p + q.cached }

    @inline(__always)
    static func - (p: EdwardsPoint25519, q: EdwardsPoint25519) -> EdwardsPoint25519 { p + q.cached.negated }

    @inline(__always)
    private static func finish(e: FieldElement25519, f: FieldElement25519, g: FieldElement25519, h: FieldElement25519) -> EdwardsPoint25519 {
        EdwardsPoint25519(x: e * f, y: g * h, z: f * g, t: e * h)
    }

    /// 2P (dbl-2008-hwcd with a = -1).
    @inline(__always)
    func doubled() -> EdwardsPoint25519 {
        let a = x.squared()
        let b = y.squared()
        let c = z.squaredDoubled()
        let h = a + b
        let e = h - (x + y).squared()
        let g = a - b
        let f = c + g
        return Self.finish(e: e, f: f, g: g, h: h)
    }

    var negated: EdwardsPoint25519 { EdwardsPoint25519(x: -x, y: y, z: z, t: -t) }

    /// 2^k·P.
    func doubled(times k: Int) -> EdwardsPoint25519 {
        var r = self
        for _ in 0..<k { r = r.doubled() }
        return r
    }
}
