/// Scalar multiplication: constant-time with the fixed base point (signing,
/// key generation: the scalar is secret) and variable-time a·A + b·B for
/// verification (every input is public).
extension EdwardsPoint25519 {
    /// table[i][j] = (j+1)·256^i·B for i in 0..<32, j in 0..<8, affine.
    /// Built once on first use (about 256 inversions).
    static let baseTable: [[Affine]] = {
        var rows: [[Affine]] = []
        rows.reserveCapacity(32)
        var rowBase = basePoint
        for _ in 0..<32 {
            var row: [Affine] = []
            row.reserveCapacity(8)
            var acc = rowBase
            for j in 0..<8 {
                row.append(acc.affine)
                if j < 7 { acc = acc + rowBase }
            }
            rows.append(row)
            rowBase = rowBase.doubled(times: 8)
        }
        return rows
    }()

    /// Odd multiples B, 3B, ..., 127B (width-8 NAF digits) for verification.
    static let baseOddMultiples: [Affine] = {
        var out: [Affine] = []
        let twoB = basePoint.doubled().cached
        var acc = basePoint
        for _ in 0..<64 {
            out.append(acc.affine)
            acc = acc + twoB
        }
        return out
    }()

    /// The row entry |digit|·256^i·B (identity for 0), negated when the digit
    /// is negative; reads every entry and masks, so no secret-dependent access.
    @inline(__always)
    private static func selectBase(row: [Affine], digit: Int8) -> Affine {
        let d = Int(digit)
        let negative = UInt64(UInt8(bitPattern: digit) >> 7)
        let magnitude = UInt64(truncatingIfNeeded: d - ((d >> 7) & (2 * d)))  // |d|, branch-free
        var r = Affine.identity
        for j in 0..<8 {
            let equal = FieldElement25519.isZeroByte(UInt8(truncatingIfNeeded: magnitude ^ UInt64(j + 1)))
            r = Affine.select(r, row[j], equal)
        }
        return r.negated(if: negative)
    }

    /// s·B in constant time (signed radix-16 digits, 64 table additions, 4 doublings).
    static func mulBase(_ s: Scalar25519) -> EdwardsPoint25519 {
        let e = s.radix16Digits()
        let table = baseTable
        var h = identity
        for i in stride(from: 1, to: 64, by: 2) {
            h = h + selectBase(row: table[i / 2], digit: e[i])
        }
        h = h.doubled(times: 4)
        for i in stride(from: 0, to: 64, by: 2) {
            h = h + selectBase(row: table[i / 2], digit: e[i])
        }
        return h
    }

    /// a·A + b·B, variable time (public inputs only).
    static func vartimeDoubleMul(a: Scalar25519, point A: EdwardsPoint25519, b: Scalar25519) -> EdwardsPoint25519 {
        let aNaf = a.nonAdjacentForm(width: 5)
        let bNaf = b.nonAdjacentForm(width: 8)
        // A, 3A, ..., 15A
        var aTable: [Cached] = []
        aTable.reserveCapacity(8)
        let twoA = A.doubled().cached
        var acc = A
        for _ in 0..<8 {
            aTable.append(acc.cached)
            acc = acc + twoA
        }
        let bTable = baseOddMultiples

        var i = 256
        while i >= 0 && aNaf[i] == 0 && bNaf[i] == 0 { i -= 1 }
        var r = identity
        while i >= 0 {
            r = r.doubled()
            let da = aNaf[i], db = bNaf[i]
            if da > 0 { r = r + aTable[Int(da) / 2] } else if da < 0 { r = r - aTable[Int(-da) / 2] }
            if db > 0 { r = r + bTable[Int(db) / 2] } else if db < 0 { r = r + bTable[Int(-db) / 2].negated }
            i -= 1
        }
        return r
    }

    /// s·P, variable time (tests and public derivations of non-base points).
    func vartimeMul(_ s: Scalar25519) -> EdwardsPoint25519 {
        Self.vartimeDoubleMul(a: s, point: self, b: .zero)
    }
}
